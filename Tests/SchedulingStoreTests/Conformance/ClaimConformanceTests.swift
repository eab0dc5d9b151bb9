import Foundation
import Scheduling
import Testing

/// Claiming: order, labels, notBefore, and two workers never holding the same run.
@Suite struct ClaimConformanceTests {
    @Test(arguments: Backend.allCases) func claimTakesTheOldestReadyRun(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            #expect(try await store.claim(worker: "w1", labels: [], lease: 60, now: t0) == nil)
            let older = try await store.createRun(sampleRun(), now: t0).run
            let newer = try await store.createRun(sampleRun(), now: at(1)).run
            let claimed = try #require(try await store.claim(worker: "w1", labels: ["x"], lease: 90, now: at(10)))
            #expect(claimed.id == older.id)
            #expect(claimed.status == .running && claimed.attempt == 1 && claimed.worker == "w1")
            #expect(claimed.started == at(10) && claimed.leaseExpires == at(100))
            #expect(try await store.run(older.id) == claimed)
            let transitions = try await store.transitions(older.id)
            #expect(transitions.map(\.status) == [.queued, .running])
            #expect(transitions.last?.worker == "w1" && transitions.last?.attempt == 1 && transitions.last?.at == at(10))
            #expect(try await store.claim(worker: "w2", labels: [], lease: 60, now: at(11))?.id == newer.id)
            #expect(try await store.claim(worker: "w3", labels: [], lease: 60, now: at(12)) == nil)
        }
    }

    @Test(arguments: Backend.allCases) func runsHeldByAWorkerAreItsRunningOnesOldestFirst(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            for i in 0..<4 { _ = try await store.createRun(sampleRun(), now: at(Double(i))) }
            let a = try #require(try await store.claim(worker: "w1", labels: [], lease: 60, now: at(10)))
            let b = try #require(try await store.claim(worker: "w2", labels: [], lease: 60, now: at(11)))
            let c = try #require(try await store.claim(worker: "w1", labels: [], lease: 60, now: at(12)))
            #expect(try await store.runsHeld(by: "w1") == [a, c])
            _ = try await store.finish(a.id, worker: "w1", outcome: .succeeded, output: nil, retryAt: nil, now: at(13))
            #expect(try await store.runsHeld(by: "w1") == [c])
            #expect(try await store.runsHeld(by: "w2") == [b])
            #expect(try await store.runsHeld(by: "w3").isEmpty)
        }
    }

    @Test(arguments: Backend.allCases) func requiredLabelsMustAllBeOnTheWorker(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let gpu = try await store.createRun(sampleRun(labels: ["gpu", "linux"]), now: t0).run
            #expect(try await store.claim(worker: "plain", labels: [], lease: 60, now: at(1)) == nil)
            #expect(try await store.claim(worker: "half", labels: ["gpu"], lease: 60, now: at(1)) == nil)
            let any = try await store.createRun(sampleRun(), now: at(2)).run
            // The older gpu run is skipped, not blocking: the label-free run goes to this worker.
            #expect(try await store.claim(worker: "cpu", labels: ["linux"], lease: 60, now: at(3))?.id == any.id)
            let claimed = try await store.claim(worker: "big", labels: ["linux", "arm", "gpu"], lease: 60, now: at(4))
            #expect(claimed?.id == gpu.id && claimed?.worker == "big")
        }
    }

    @Test(arguments: Backend.allCases) func aRunWaitsForItsNotBefore(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let run = try await runningRun(store, maxAttempts: 2)
            let retried = try await store.finish(
                run.id, worker: "w1", outcome: .failed(RunErrorSummary(ename: "ValueError", evalue: "bad", cell: 2)),
                output: nil, retryAt: at(120), now: at(20))
            #expect(retried.status == .queued && retried.notBefore == at(120))
            #expect(try await store.claim(worker: "w2", labels: [], lease: 60, now: at(119.5)) == nil)
            #expect(try await store.queueDepth(now: at(119.5)) == 0)
            let again = try #require(try await store.claim(worker: "w2", labels: [], lease: 60, now: at(120)))
            #expect(again.id == run.id && again.attempt == 2 && again.worker == "w2")
            #expect(again.started == run.started)
        }
    }

    @Test(arguments: Backend.allCases) func concurrentClaimsNeverShareARun(_ backend: Backend) async throws {
        try await withFixture(backend) { fixture in
            let stores = [try await fixture.connect(), try await fixture.connect()]
            let total = 40
            for n in 0..<total { _ = try await stores[0].createRun(sampleRun(), now: at(Double(n))) }
            // Six workers, three on each connection, claim until the queue is empty.
            let claims = try await withThrowingTaskGroup(of: [(String, RunID)].self) { group in
                for w in 0..<6 {
                    let store = stores[w % 2]
                    group.addTask {
                        var mine: [(String, RunID)] = []
                        while let run = try await store.claim(worker: "w\(w)", labels: [], lease: 60, now: at(100)) {
                            mine.append(("w\(w)", run.id))
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: [(String, RunID)]()) { $0 += $1 }
            }
            #expect(claims.count == total)
            #expect(Set(claims.map(\.1)).count == total)
            for (worker, id) in claims {
                let run = try #require(try await stores[1].run(id))
                #expect(run.worker == worker && run.attempt == 1 && run.status == .running)
                #expect(try await stores[0].transitions(id).map(\.status) == [.queued, .running])
            }
        }
    }
}
