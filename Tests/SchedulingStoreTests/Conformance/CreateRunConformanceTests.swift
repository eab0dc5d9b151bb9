import Foundation
import NotebookFormat
import Scheduling
import Testing

/// Creating runs: what is stored, idempotency keys, validation.
@Suite struct CreateRunConformanceTests {
    @Test(arguments: Backend.allCases) func createdRunIsQueuedAndReadsBackEqual(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            var new = sampleRun(job: "nightly", tags: ["finance", "daily"], owner: "ada", labels: ["gpu"])
            new.rerunOf = RunID.make(at: at(-60))
            let (run, created) = try await store.createRun(new, now: at(1.5))
            #expect(created)
            #expect(run.status == .queued && run.attempt == 0)
            #expect(run.created == at(1.5) && run.notBefore == at(1.5))
            #expect(run.started == nil && run.finished == nil && run.worker == nil && run.leaseExpires == nil)
            #expect(run.job == "nightly" && run.notebook == new.notebook && run.parameters == new.parameters)
            #expect(run.secretNames == ["DB_PASSWORD"] && run.kernel == "python3" && run.timeout == 600)
            #expect(run.tags == ["finance", "daily"] && run.labels == ["gpu"] && run.owner == "ada")
            #expect(run.spec == new.spec && run.rerunOf == new.rerunOf && run.maxAttempts == 1)
            #expect(run.id.createdMillisecond == at(1.5))
            #expect(try await store.run(run.id) == run)
            let transitions = try await store.transitions(run.id)
            #expect(transitions.map(\.status) == [.queued])
            #expect(transitions.first?.at == at(1.5) && transitions.first?.attempt == 0)
        }
    }

    @Test(arguments: Backend.allCases) func idempotencyKeyReturnsTheFirstRunPerOwner(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let first = try await store.createRun(sampleRun(owner: "ada", idempotencyKey: "k1"), now: t0)
            let again = try await store.createRun(sampleRun(notebook: "other.ipynb", owner: "ada", idempotencyKey: "k1"), now: at(5))
            #expect(first.created && !again.created)
            #expect(again.run == first.run)
            let otherOwner = try await store.createRun(sampleRun(owner: "bob", idempotencyKey: "k1"), now: at(6))
            #expect(otherOwner.created && otherOwner.run.id != first.run.id)
            let anonymous = try await store.createRun(sampleRun(idempotencyKey: "k1"), now: at(7))
            let anonymousAgain = try await store.createRun(sampleRun(idempotencyKey: "k1"), now: at(8))
            #expect(anonymous.created && !anonymousAgain.created && anonymousAgain.run.id == anonymous.run.id)
            let noKey = try await store.createRun(sampleRun(owner: "ada"), now: at(9))
            #expect(noKey.created)
            let page = try await store.listRuns(RunFilter(), limit: 50, cursor: nil)
            #expect(page.runs.count == 4)
        }
    }

    @Test(arguments: Backend.allCases) func invalidRunsAreRefusedNamingTheField(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let cases: [(String, (inout NewRun) -> Void)] = [
                ("notebook", { $0.notebook = "" }),
                ("job", { $0.job = "" }),
                ("maxAttempts", { $0.maxAttempts = 0 }),
                ("timeout", { $0.timeout = -1 }),
                ("timeout", { $0.timeout = .infinity }),
                ("retryBackoff", { $0.retryBackoff = -5 }),
                ("maxBackoff", { $0.maxBackoff = .nan }),
                ("idempotencyKey", { $0.idempotencyKey = "" }),
                ("tags", { $0.tags = ["ok", ""] }),
            ]
            for (field, breakIt) in cases {
                var new = sampleRun()
                breakIt(&new)
                let error = await #expect(throws: SchedulingStoreError.self) { try await store.createRun(new, now: t0) }
                guard case .invalidRun(let named, let reason) = error else {
                    Issue.record("\(field): expected invalidRun, got \(String(describing: error))")
                    continue
                }
                #expect(named == field)
                #expect(error?.description.contains(field) == true && !reason.isEmpty)
            }
            let stored = try await store.listRuns(RunFilter(), limit: 10, cursor: nil)
            #expect(stored.runs.isEmpty)
        }
    }

    @Test(arguments: Backend.allCases) func createRunRefusesATakenSlot(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let fired = try #require(try await store.fireSlot(sampleRun(job: "hourly", scheduledFor: at(3600)), now: t0))
            await #expect(throws: SchedulingStoreError.slotTaken(job: "hourly", scheduledFor: at(3600), existing: fired.id)) {
                try await store.createRun(sampleRun(job: "hourly", scheduledFor: at(3600)), now: at(1))
            }
        }
    }

    @Test(arguments: Backend.allCases) func unknownRunsReadAsNothing(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let id = RunID.make(at: t0)
            let run = try await store.run(id)
            let transitions = try await store.transitions(id)
            let active = try await store.activeRuns(job: "none")
            let slot = try await store.lastScheduledSlot(job: "none")
            #expect(run == nil && transitions.isEmpty && active.isEmpty && slot == nil)
        }
    }

    @Test(arguments: Backend.allCases) func activeRunsAreQueuedAndRunningOfThatJob(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let a = try await store.createRun(sampleRun(job: "etl"), now: t0).run
            let b = try await store.createRun(sampleRun(job: "etl"), now: at(1)).run
            let c = try await store.createRun(sampleRun(job: "etl"), now: at(2)).run
            _ = try await store.createRun(sampleRun(job: "other"), now: at(3))
            let claimed = try #require(try await store.claim(worker: "w", labels: [], lease: 60, now: at(4)))
            #expect(claimed.id == a.id)
            _ = try await store.requestCancel(b.id, now: at(5))
            #expect(try await store.activeRuns(job: "etl").map(\.id) == [a.id, c.id])
        }
    }
}
