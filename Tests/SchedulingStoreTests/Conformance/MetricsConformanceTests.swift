import Foundation
import Scheduling
import Testing

/// Counts by status and queue depth.
@Suite struct MetricsConformanceTests {
    @Test(arguments: Backend.allCases) func countsFollowTheRuns(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let empty = try await store.countRuns(byStatus: ())
            #expect(empty == Dictionary(uniqueKeysWithValues: RunStatus.allCases.map { ($0, 0) }))
            #expect(try await store.queueDepth(now: t0) == 0)

            let succeeded = try await runningRun(store, now: t0)
            _ = try await store.finish(succeeded.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: at(1))
            _ = try await runningRun(store, now: at(2))  // stays running
            let retried = try await runningRun(store, maxAttempts: 2, now: at(3))
            _ = try await store.finish(retried.id, worker: "w1", outcome: .failed(RunErrorSummary(ename: "E", evalue: "")),
                                       output: nil, retryAt: at(100), now: at(4))
            let cancelled = try await store.createRun(sampleRun(), now: at(5)).run
            _ = try await store.requestCancel(cancelled.id, now: at(6))
            for n in 0..<3 { _ = try await store.createRun(sampleRun(), now: at(10 + Double(n))) }

            let counts = try await store.countRuns(byStatus: ())
            #expect(counts[.succeeded] == 1 && counts[.running] == 1 && counts[.cancelled] == 1)
            #expect(counts[.queued] == 4 && counts[.failed] == 0 && counts[.timed_out] == 0)
            #expect(counts.count == RunStatus.allCases.count)
            // The retry waiting for at(100) is queued but not ready.
            #expect(try await store.queueDepth(now: at(20)) == 3)
            #expect(try await store.queueDepth(now: at(100)) == 4)
            #expect(try await store.queueDepth(now: at(10)) == 1)
        }
    }
}
