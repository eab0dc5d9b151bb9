import Foundation
import NotebookFormat
import Scheduling
import Testing

/// The live-events table: batches appended in order, read back per run after a sequence, pruned
/// once their run ended long enough ago.
@Suite struct EventsConformanceTests {
    /// One event of each kind, as a worker publishes them during a run (at times a microsecond
    /// clock keeps exactly, so what is read back equals what was written).
    static func trace(_ run: RunID, from start: Double = 0) -> [RunEvent] {
        let id = run.rawValue
        return [
            RunEvent(run: id, kind: .status("running"), at: at(start)),
            RunEvent(run: id, kind: .cellStarted(index: 0, total: 2), at: at(start + 0.25)),
            RunEvent(run: id, kind: .output(cell: 0, output: ["output_type": "stream", "name": "stdout", "text": "héllo\n"]),
                     at: at(start + 1.25)),
            RunEvent(run: id, kind: .cellFinished(index: 0, total: 2, status: "ok", duration: 0.125), at: at(start + 0.75)),
            RunEvent(run: id, kind: .cellFinished(index: 1, total: 2, status: nil, duration: nil), at: at(start + 1)),
            RunEvent(run: id, kind: .finished(status: "succeeded"), at: at(start + 1.25)),
        ]
    }

    @Test(arguments: Backend.allCases) func appendedEventsReadBackInOrderPerRun(_ backend: Backend) async throws {
        try await withStore(backend) { store, fixture in
            let a = try await store.createRun(sampleRun(), now: t0).run
            let b = try await store.createRun(sampleRun(), now: at(1)).run
            #expect(try await store.appendEvents([]).isEmpty)
            // Two runs interleaved in one batch, as one worker process's sink writes them.
            let mixed = zip(Self.trace(a.id), Self.trace(b.id, from: 10)).flatMap { [$0, $1] }
            let stored = try await store.appendEvents(mixed)
            #expect(stored.map { var e = $0; e.sequence = nil; return e } == mixed)
            let sequences = stored.compactMap(\.sequence)
            #expect(sequences.count == mixed.count && sequences == sequences.sorted() && Set(sequences).count == sequences.count)

            let reader = try await fixture.connect()
            let ofA = try await reader.events(of: a.id, after: 0, limit: 500)
            #expect(ofA == stored.filter { $0.run == a.id.rawValue })
            #expect(ofA.map(\.kind) == Self.trace(a.id).map(\.kind))
            // After a sequence, with a limit: the next page.
            let page = try await reader.events(of: a.id, after: ofA[1].sequence!, limit: 2)
            #expect(page == Array(ofA[2...3]))
            #expect(try await reader.events(of: a.id, after: ofA.last!.sequence!, limit: 500).isEmpty)
            let unknown = RunID.make(at: at(5))
            #expect(try await reader.events(of: unknown, after: 0, limit: 10).isEmpty)

            // A later batch continues after the first.
            let more = try await store.appendEvents([RunEvent(run: b.id.rawValue, kind: .status("queued"), at: at(20))])
            #expect(more[0].sequence! > sequences.max()!)
            #expect(try await reader.events(of: b.id, after: 0, limit: 500).count == 7)
        }
    }

    @Test(arguments: Backend.allCases) func aPageSizeOutOfRangeIsRefused(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await store.createRun(sampleRun(), now: t0).run
            for limit in [0, 501] {
                await #expect(throws: SchedulingStoreError.invalidLimit(limit)) {
                    try await store.events(of: run.id, after: 0, limit: limit)
                }
            }
        }
    }

    @Test(arguments: Backend.allCases) func pruningRemovesEventsOfRunsThatEndedBeforeTheCutoff(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let early = try await runningRun(store, now: t0)
            _ = try await store.finish(early.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: at(10))
            let late = try await runningRun(store, now: at(20))
            _ = try await store.finish(late.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: at(100))
            let running = try await runningRun(store, now: at(30))
            // Requeued for a retry: not final, whatever its age.
            let retrying = try await runningRun(store, maxAttempts: 2, now: at(40))
            _ = try await store.finish(retrying.id, worker: "w1", outcome: .failed(RunErrorSummary(ename: "E", evalue: "")),
                                       output: nil, retryAt: at(41), now: at(41))
            let cancelled = try await store.createRun(sampleRun(), now: at(50)).run
            _ = try await store.requestCancel(cancelled.id, now: at(51))
            let orphan = RunID.make(at: at(1)).rawValue
            let runs = [early.id, late.id, running.id, retrying.id, cancelled.id]
            _ = try await store.appendEvents(runs.flatMap { Self.trace($0) }
                                             + [RunEvent(run: orphan, kind: .status("running"), at: at(1))])

            // Ended before 60: `early` and `cancelled`; no run at all: the orphan.
            #expect(try await store.pruneEvents(finishedBefore: at(60)) == 6 + 6 + 1)
            for (run, left) in [(early.id, 0), (cancelled.id, 0), (late.id, 6), (running.id, 6), (retrying.id, 6)] {
                #expect(try await store.events(of: run, after: 0, limit: 500).count == left, "\(run)")
            }
            #expect(try await store.pruneEvents(finishedBefore: at(60)) == 0)
            #expect(try await store.pruneEvents(finishedBefore: at(101)) == 6)
            // Sequences are never reused, even the highest after it was pruned, so a reader's
            // position stays meaningful.
            let last = try await store.appendEvents([RunEvent(run: orphan, kind: .status("running"), at: at(200))])
            #expect(try await store.pruneEvents(finishedBefore: at(60)) == 1)
            let next = try await store.appendEvents([RunEvent(run: running.id.rawValue, kind: .status("running"), at: at(201))])
            #expect(next[0].sequence! > last[0].sequence!)
        }
    }
}
