import Foundation
import Scheduling
import Testing

/// A draining worker handing its run back: queued again at once, the attempt not counted against
/// the budget, only by the lease holder, and a requested cancel honoured.
@Suite struct HandBackConformanceTests {
    @Test(arguments: Backend.allCases) func aHandedBackRunIsQueuedAtOnceWithItsBudgetGrown(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store, worker: "w1", maxAttempts: 1)
            let back = try await store.handBack(run.id, worker: "w1", reason: "worker stopping", now: at(20))
            #expect(back.status == .queued && back.notBefore == at(20) && back.worker == nil && back.leaseExpires == nil)
            #expect(back.attempt == 1 && back.maxAttempts == 2 && back.hasAttemptsLeft && back.finished == nil)
            #expect(back.error?.ename == "WorkerStopped" && back.error?.evalue.contains("w1") == true)
            #expect(try await store.run(run.id) == back)
            let transitions = try await store.transitions(run.id)
            #expect(transitions.map(\.status) == [.queued, .running, .queued])
            #expect(transitions.last?.note == "handed back: worker stopping" && transitions.last?.worker == "w1")
            // The next attempt is a new number (its output gets a new name) and may still retry
            // a failure as the original budget of one attempt allowed: not at all.
            let again = try #require(try await store.claim(worker: "w2", labels: [], lease: 60, now: at(20)))
            #expect(again.id == run.id && again.attempt == 2 && again.maxAttempts == 2)
            let failed = try await store.finish(run.id, worker: "w2", outcome: .failed(RunErrorSummary(ename: "E", evalue: "x")),
                                                output: nil, retryAt: at(99), now: at(30))
            #expect(failed.status == .failed)
        }
    }

    @Test(arguments: Backend.allCases) func onlyTheHolderHandsBackAndACancelWins(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store, worker: "w1")
            await #expect(throws: SchedulingStoreError.leaseLost(run.id, worker: "w9", status: .running, holder: "w1")) {
                try await store.handBack(run.id, worker: "w9", reason: "worker stopping", now: at(5))
            }
            let unknown = RunID.make(at: t0)
            await #expect(throws: SchedulingStoreError.runNotFound(unknown)) {
                try await store.handBack(unknown, worker: "w1", reason: "worker stopping", now: at(5))
            }
            _ = try await store.requestCancel(run.id, now: at(6))
            let ended = try await store.handBack(run.id, worker: "w1", reason: "worker stopping", now: at(7))
            #expect(ended.status == .cancelled && ended.finished == at(7) && ended.maxAttempts == 1)
            await #expect(throws: SchedulingStoreError.leaseLost(run.id, worker: "w1", status: .cancelled, holder: nil)) {
                try await store.handBack(run.id, worker: "w1", reason: "worker stopping", now: at(8))
            }
        }
    }
}
