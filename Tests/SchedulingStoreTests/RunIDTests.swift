import Foundation
import Scheduling
import Testing

/// Run identifiers: format, time order, validation.
@Suite struct RunIDTests {
    @Test func madeIDsHaveTheDocumentedFormat() throws {
        let id = RunID.make(at: Date(timeIntervalSince1970: 1_700_000_000.123))
        #expect(id.rawValue.count == 23)
        #expect(id.rawValue.hasPrefix("r" + String(1_700_000_000_123, radix: 16).leftPadded(to: 12)))
        #expect(id.rawValue.dropFirst(13).allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
        #expect(RunID(id.rawValue) == id)
        #expect(id.createdMillisecond == Date(timeIntervalSince1970: 1_700_000_000.123))
        #expect(id.description == id.rawValue)
    }

    @Test func idsSortByCreationTime() {
        let ids = (0..<50).map { RunID.make(at: at(Double($0) * 0.001)) }
        #expect(ids.sorted() == ids)
        #expect(Set(ids.map(\.rawValue)).count == 50)
        // Same millisecond: distinct all the same.
        #expect(Set((0..<200).map { _ in RunID.make(at: t0) }).count == 200)
    }

    @Test func malformedIDsAreRejected() {
        let good = RunID.make(at: t0).rawValue
        let bad = [
            "", "r", good.uppercased(), "x" + good.dropFirst(), good + "a", String(good.dropLast()),
            "r0000000000zz" + good.suffix(10),  // non-hex time
            String(good.prefix(13)) + "abcdefgh01",  // 0 and 1 are not base32
        ]
        for raw in bad { #expect(RunID(raw) == nil, "\(raw)") }
    }

    @Test func codableAsAString() throws {
        let id = RunID.make(at: t0)
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(id.rawValue)\"]")
        #expect(try JSONDecoder().decode([RunID].self, from: data) == [id])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([RunID].self, from: Data("[\"r1\"]".utf8)) }
    }

    @Test func retryBackoffDoublesUpToTheCap() async throws {
        let store = try SQLiteSchedulingStore.inMemory()
        var run = try await store.createRun(sampleRun(maxAttempts: 10, retryBackoff: 30), now: t0).run
        run.maxBackoff = 100
        let delays = (1...5).map { attempt -> Double in run.attempt = attempt; return run.nextBackoff }
        #expect(delays == [30, 60, 100, 100, 100])
        run.attempt = 10
        #expect(run.defaultRetryDate(after: t0) == nil)
        run.attempt = 2
        #expect(run.defaultRetryDate(after: t0) == at(60))
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
