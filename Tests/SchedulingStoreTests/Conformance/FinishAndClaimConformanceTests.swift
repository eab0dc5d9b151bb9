import Foundation
import Scheduling
import Testing

/// A finish that also claims the worker's next run, in one transaction (what `Worker` does).
@Suite struct FinishAndClaimConformanceTests {
    static let goOn = NextClaim(labels: [], lease: 90)

    @Test(arguments: Backend.allCases) func theNextRunIsClaimedWithTheFinish(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store)
            let older = try await store.createRun(sampleRun(), now: at(1)).run
            let newer = try await store.createRun(sampleRun(), now: at(2)).run
            let both = try await store.finish(run.id, worker: "w1", outcome: .succeeded, output: "out.ipynb", retryAt: nil,
                                              now: at(10), claimingNext: Self.goOn)
            #expect(both.finished.status == .succeeded && both.finished.finished == at(10) && both.finished.output == "out.ipynb")
            #expect(try await store.run(run.id) == both.finished)
            let next = try #require(both.next)
            #expect(next.id == older.id && next.status == .running && next.worker == "w1" && next.attempt == 1)
            #expect(next.started == at(10) && next.leaseExpires == at(100))
            #expect(try await store.run(older.id) == next)
            #expect(try await store.transitions(run.id).map(\.status) == [.queued, .running, .succeeded])
            let claimed = try await store.transitions(older.id)
            #expect(claimed.map(\.status) == [.queued, .running])
            #expect(claimed.last?.worker == "w1" && claimed.last?.attempt == 1 && claimed.last?.at == at(10))
            #expect(try await store.run(newer.id)?.status == .queued)
        }
    }

    @Test(arguments: Backend.allCases) func anEmptyQueueOnlyFinishes(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store)
            let later = try await store.createRun(sampleRun(), now: at(1)).run
            _ = try await store.claim(worker: "w2", labels: [], lease: 60, now: at(2))
            let both = try await store.finish(run.id, worker: "w1", outcome: .failed(FinishConformanceTests.boom), output: nil,
                                              retryAt: nil, now: at(5), claimingNext: Self.goOn)
            #expect(both.finished.status == .failed && both.next == nil)
            #expect(try await store.run(later.id)?.worker == "w2")
        }
    }

    @Test(arguments: Backend.allCases) func aRefusedFinishClaimsNothing(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store)
            let waiting = try await store.createRun(sampleRun(), now: at(1)).run
            await #expect(throws: SchedulingStoreError.leaseLost(run.id, worker: "w9", status: .running, holder: "w1")) {
                try await store.finish(run.id, worker: "w9", outcome: .succeeded, output: nil, retryAt: nil, now: at(2),
                                       claimingNext: Self.goOn)
            }
            let unknown = RunID.make(at: t0)
            await #expect(throws: SchedulingStoreError.runNotFound(unknown)) {
                try await store.finish(unknown, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: at(3),
                                       claimingNext: Self.goOn)
            }
            #expect(try await store.run(waiting.id)?.status == .queued)
            #expect(try await store.transitions(waiting.id).map(\.status) == [.queued])
            #expect(try await store.run(run.id) == run)
        }
    }

    @Test(arguments: Backend.allCases) func aRetryIsNotTakenStraightBack(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store, maxAttempts: 2)
            // The retry is due at once, and it is the only queued run: still not claimed here.
            let both = try await store.finish(run.id, worker: "w1", outcome: .failed(FinishConformanceTests.boom), output: nil,
                                              retryAt: at(5), now: at(5), claimingNext: Self.goOn)
            #expect(both.finished.status == .queued && both.finished.notBefore == at(5) && both.next == nil)
            #expect(try await store.transitions(run.id).map(\.status) == [.queued, .running, .queued])
            // An ordinary claim takes it afterwards.
            #expect(try await store.claim(worker: "w1", labels: [], lease: 60, now: at(6))?.id == run.id)
        }
    }

    @Test(arguments: Backend.allCases) func theNextClaimHonoursLabelsAndNotBefore(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let first = try await runningRun(store)
            let gpu = try await store.createRun(sampleRun(labels: ["gpu"]), now: at(1)).run
            let second = try await store.createRun(sampleRun(), now: at(2)).run
            let plain = try await store.finish(first.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil,
                                               now: at(3), claimingNext: Self.goOn)
            #expect(plain.next?.id == second.id)
            let withGPU = try await store.finish(second.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil,
                                                 now: at(4), claimingNext: NextClaim(labels: ["gpu", "linux"], lease: 60))
            #expect(withGPU.next?.id == gpu.id && withGPU.next?.leaseExpires == at(64))
            // A run waiting for its retry time is not ready yet.
            _ = try await store.finish(gpu.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: at(5))
            let later = try await runningRun(store, maxAttempts: 2, now: at(6))
            let other = try await runningRun(store, worker: "w2", now: at(7))
            _ = try await store.finish(later.id, worker: "w1", outcome: .failed(FinishConformanceTests.boom), output: nil,
                                       retryAt: at(100), now: at(8))
            let early = try await store.finish(other.id, worker: "w2", outcome: .succeeded, output: nil, retryAt: nil,
                                               now: at(9), claimingNext: Self.goOn)
            #expect(early.next == nil)
            #expect(try await store.run(later.id)?.status == .queued)
        }
    }

    @Test(arguments: Backend.allCases) func withoutANextClaimItIsAPlainFinish(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store)
            let waiting = try await store.createRun(sampleRun(), now: at(1)).run
            let both = try await store.finish(run.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: at(2),
                                              claimingNext: nil)
            #expect(both.finished.status == .succeeded && both.next == nil)
            #expect(try await store.run(waiting.id)?.status == .queued)
        }
    }
}
