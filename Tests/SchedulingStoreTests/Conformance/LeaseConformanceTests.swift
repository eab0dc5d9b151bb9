import Foundation
import Scheduling
import Testing

/// Heartbeats, lease expiry and restart reconciliation.
@Suite struct LeaseConformanceTests {
    @Test(arguments: Backend.allCases) func heartbeatRenewsTheHoldersLease(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store, lease: 60)
            let beat = try await store.heartbeat(run.id, worker: "w1", lease: 45, now: at(30))
            #expect(beat == HeartbeatResult(leaseHeld: true, cancelRequested: false))
            #expect(try await store.run(run.id)?.leaseExpires == at(75))
            #expect(try await store.heartbeat(run.id, worker: "intruder", lease: 45, now: at(31)).leaseHeld == false)
            #expect(try await store.run(run.id)?.leaseExpires == at(75))
            // A heartbeat is not a status change.
            #expect(try await store.transitions(run.id).map(\.status) == [.queued, .running])
            let unknown = RunID.make(at: t0)
            await #expect(throws: SchedulingStoreError.runNotFound(unknown)) {
                try await store.heartbeat(unknown, worker: "w1", lease: 45, now: at(32))
            }
        }
    }

    @Test(arguments: Backend.allCases) func anExpiredLeaseIsRequeuedThenFailsAfterMaxAttempts(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store, worker: "w1", maxAttempts: 2, lease: 60)
            let healthy = try await runningRun(store, worker: "w2", now: at(50), lease: 60)
            #expect(try await store.expireLeases(now: at(60), retryAt: { _ in at(200) }).isEmpty)  // not yet past
            var asked: [RunID] = []
            let requeued = try await store.expireLeases(now: at(61), retryAt: { asked.append($0.id); return at(90) })
            #expect(asked == [run.id])
            #expect(requeued.map(\.id) == [run.id])
            let back = try #require(requeued.first)
            #expect(back.status == .queued && back.notBefore == at(90) && back.worker == nil && back.leaseExpires == nil)
            #expect(back.error?.ename == "WorkerLost" && back.error?.evalue.contains("w1") == true)
            #expect(try await store.run(run.id) == back)
            #expect(try await store.run(healthy.id)?.status == .running)
            // The lost worker learns it on its next heartbeat and cannot write an outcome.
            #expect(try await store.heartbeat(run.id, worker: "w1", lease: 60, now: at(62)).leaseHeld == false)
            await #expect(throws: SchedulingStoreError.leaseLost(run.id, worker: "w1", status: .queued, holder: nil)) {
                try await store.finish(run.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: at(63))
            }
            // Second attempt, lost again: no attempt left, so failed for good.
            let second = try #require(try await store.claim(worker: "w3", labels: [], lease: 10, now: at(90)))
            #expect(second.id == run.id && second.attempt == 2)
            let failed = try await store.expireLeases(now: at(101), retryAt: { $0.hasAttemptsLeft ? at(500) : nil })
            #expect(failed.map(\.id) == [run.id])
            #expect(failed.first?.status == .failed && failed.first?.finished == at(101))
            #expect(failed.first?.error?.ename == "WorkerLost")
            let transitions = try await store.transitions(run.id)
            #expect(transitions.map(\.status) == [.queued, .running, .queued, .running, .failed])
            #expect(transitions.map(\.note) == [nil, nil, "retry: lease expired", nil, "lease expired"])
            #expect(transitions.map(\.attempt) == [0, 1, 1, 2, 2])
            #expect(transitions[4].worker == "w3" && transitions[2].worker == "w1")
        }
    }

    @Test(arguments: Backend.allCases) func noRetryDateMeansFailedAtOnce(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store, maxAttempts: 5, lease: 10)
            let changed = try await store.expireLeases(now: at(11), retryAt: { _ in nil })
            #expect(changed.map(\.status) == [.failed] && changed.first?.id == run.id)
        }
    }

    @Test(arguments: Backend.allCases) func aLostRunWhoseCancelWasRequestedEndsCancelled(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store, maxAttempts: 3, lease: 10)
            _ = try await store.requestCancel(run.id, now: at(5))
            let changed = try await store.expireLeases(now: at(11), retryAt: { _ in at(20) })
            #expect(changed.first?.status == .cancelled && changed.first?.error?.ename == "WorkerLost")
        }
    }

    @Test(arguments: Backend.allCases) func restartReconcilesOnlyThatWorkersRuns(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let retryable = try await runningRun(store, worker: "embedded-1", maxAttempts: 2, lease: 600)
            let lastChance = try await runningRun(store, worker: "embedded-1", maxAttempts: 1, now: at(1), lease: 600)
            let other = try await runningRun(store, worker: "embedded-2", now: at(2), lease: 600)
            let changed = try await store.reconcileAfterRestart(worker: "embedded-1", now: at(10)) { $0.defaultRetryDate(after: at(10)) }
            #expect(Set(changed.map(\.id)) == [retryable.id, lastChance.id])
            let requeued = try #require(try await store.run(retryable.id))
            // The run's own backoff (30 s before the second attempt) decides when it may start again.
            #expect(requeued.status == .queued && requeued.notBefore == at(40) && requeued.error?.ename == "WorkerLost")
            let failed = try #require(try await store.run(lastChance.id))
            #expect(failed.status == .failed && failed.finished == at(10))
            #expect(try await store.transitions(lastChance.id).last?.note == "worker restarted")
            #expect(try await store.run(other.id)?.status == .running)
            #expect(try await store.reconcileAfterRestart(worker: "embedded-1", now: at(11)) { $0.defaultRetryDate(after: at(11)) }.isEmpty)
        }
    }
}
