import Foundation
import Scheduling
import Testing

/// Cancelling in every state.
@Suite struct CancelConformanceTests {
    @Test(arguments: Backend.allCases) func aQueuedRunIsCancelledAtOnce(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await store.createRun(sampleRun(), now: t0).run
            let cancelled = try await store.requestCancel(run.id, now: at(5))
            #expect(cancelled.status == .cancelled && cancelled.finished == at(5) && cancelled.attempt == 0)
            #expect(try await store.run(run.id) == cancelled)
            #expect(try await store.claim(worker: "w1", labels: [], lease: 60, now: at(6)) == nil)
            let transitions = try await store.transitions(run.id)
            #expect(transitions.map(\.status) == [.queued, .cancelled] && transitions.last?.note == "cancel requested")
        }
    }

    @Test(arguments: Backend.allCases) func aRunningRunIsFlaggedForItsWorker(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store, maxAttempts: 3)
            let flagged = try await store.requestCancel(run.id, now: at(5))
            #expect(flagged.status == .running && flagged.cancelRequested && flagged.finished == nil)
            let again = try await store.requestCancel(run.id, now: at(6))
            #expect(again == flagged)
            #expect(try await store.heartbeat(run.id, worker: "w1", lease: 60, now: at(7))
                == HeartbeatResult(leaseHeld: true, cancelRequested: true))
            // The interrupted run reports a failure with a retry date: cancellation wins, no retry.
            let ended = try await store.finish(
                run.id, worker: "w1", outcome: .failed(RunErrorSummary(ename: "KeyboardInterrupt", evalue: "")),
                output: nil, retryAt: at(8), now: at(8))
            #expect(ended.status == .failed && ended.finished == at(8))
            let transitions = try await store.transitions(run.id)
            #expect(transitions.map(\.status) == [.queued, .running, .running, .failed])
            #expect(transitions[2].note == "cancel requested" && transitions[2].at == at(5))
        }
    }

    @Test(arguments: Backend.allCases) func aFinishedRunCannotBeCancelled(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            for (n, outcome) in [FinishOutcome.succeeded, .failed(RunErrorSummary(ename: "E", evalue: "v")),
                                 .timedOut(nil), .cancelled(nil)].enumerated() {
                let run = try await runningRun(store, now: at(Double(n)))
                let done = try await store.finish(run.id, worker: "w1", outcome: outcome, output: nil, retryAt: nil,
                                                  now: at(Double(n) + 0.5))
                await #expect(throws: SchedulingStoreError.alreadyFinished(run.id, status: done.status)) {
                    try await store.requestCancel(run.id, now: at(50))
                }
                #expect(try await store.run(run.id) == done)
            }
            let unknown = RunID.make(at: t0)
            await #expect(throws: SchedulingStoreError.runNotFound(unknown)) {
                try await store.requestCancel(unknown, now: at(60))
            }
        }
    }
}
