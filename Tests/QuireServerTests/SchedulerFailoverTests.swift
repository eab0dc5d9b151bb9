import Foundation
import NotebookFormat
import QuireTestSupport
import Testing

/// Two `quire serve` replicas schedule the same minutely job on one PostgreSQL. Both tick; the
/// unique (job, slot) constraint lets exactly one create each slot's run. Killing the replica that
/// fired a slot (SIGKILL, mid-minute) must not cost the next slot: the other fires it on time, and
/// the killed one, restarted, does not fire a slot again.
@Suite(.serialized) struct SchedulerFailoverTests {
    static let config = """
        jobs:
          - name: tick
            notebook: tick.ipynb
            schedule: "* * * * *"
            concurrency: allow
        """

    @Test(.timeLimit(.minutes(5))) func theSurvivingReplicaFiresTheNextSlotAndNoSlotFiresTwice() async throws {
        let database = try await PostgresTestServer.shared.createDatabase()
        let url = try await PostgresTestServer.shared.url(database: database)
        defer { Task { await PostgresTestServer.shared.dropDatabase(database) } }
        let args = ["--database", url]
        var replicas = [try ServeProcess(workers: 0, config: Self.config, extraArgs: args),
                        try ServeProcess(workers: 0, config: Self.config, extraArgs: args)]
        defer { for r in replicas { r.stop() } }
        let http = HTTP(base: replicas[1].baseURL)

        let first = try await Self.waitForRuns(http, count: 1, within: 75)[0]
        let firer = try #require(replicas.firstIndex { $0.log.contains("as run \(first.id)") },
                                 "no replica logged firing \(first.id)")
        let killed = replicas[firer]
        killed.kill9()
        defer { killed.stop() }
        let survivor = replicas[1 - firer]
        let survivorHTTP = HTTP(base: survivor.baseURL)

        let runs = try await Self.waitForRuns(survivorHTTP, count: 2, within: 75)
        let second = runs[1]
        #expect(second.slot == first.slot.addingTimeInterval(60), "\(runs)")
        #expect(survivor.log.contains("as run \(second.id)"), "\(survivor.log)")
        // On time: fired within a few scheduler ticks of its slot, not left to a catch-up.
        #expect(second.created.timeIntervalSince(second.slot) < 10, "\(second)")

        replicas[firer] = try ServeProcess(workers: 0, config: Self.config, extraArgs: args)
        try await Task.sleep(for: .seconds(5))
        let after = try await Self.runs(survivorHTTP)
        let slots = after.map(\.slot)
        #expect(Set(slots).count == slots.count, "a slot fired twice: \(after)")
        #expect(Array(after.prefix(2)).map(\.id) == [first.id, second.id], "\(after)")
    }

    struct Fired: CustomStringConvertible {
        let id: String
        let slot: Date
        let created: Date
        var description: String { "\(id)@\(slot) (created \(created))" }
    }

    /// The job's runs, oldest slot first.
    static func runs(_ http: HTTP) async throws -> [Fired] {
        let listed = try await http.get("/api/v1/runs?job=tick&limit=100").json
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        func date(_ v: JSONValue?) -> Date? {
            guard let s = v?.stringValue else { return nil }
            return f.date(from: s) ?? ISO8601DateFormatter().date(from: s)
        }
        return (listed["runs"]?.arrayValue ?? []).compactMap { r in
            guard let id = r["id"]?.stringValue, let slot = date(r["scheduled_for"]), let created = date(r["created"]) else { return nil }
            return Fired(id: id, slot: slot, created: created)
        }.sorted { $0.slot < $1.slot }
    }

    static func waitForRuns(_ http: HTTP, count: Int, within seconds: Double) async throws -> [Fired] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let runs = try await runs(http)
            if runs.count >= count { return runs }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw ServeFailure(message: "fewer than \(count) runs of job tick after \(seconds) s")
    }
}
