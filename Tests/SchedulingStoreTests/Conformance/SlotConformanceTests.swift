import Foundation
import Scheduling
import Testing

/// Cron slots fire exactly once: per call, across restarts and across concurrent processes.
@Suite struct SlotConformanceTests {
    @Test(arguments: Backend.allCases) func aSlotFiresOnce(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let first = try await store.fireSlot(sampleRun(job: "hourly", scheduledFor: at(3600)), now: at(3600))
            let run = try #require(first)
            #expect(run.scheduledFor == at(3600) && run.job == "hourly" && run.status == .queued)
            #expect(try await store.fireSlot(sampleRun(job: "hourly", scheduledFor: at(3600)), now: at(3601)) == nil)
            // Another job's run for the same instant is its own slot.
            #expect(try await store.fireSlot(sampleRun(job: "daily", scheduledFor: at(3600)), now: at(3600)) != nil)
            #expect(try await store.fireSlot(sampleRun(job: "hourly", scheduledFor: at(7200)), now: at(7200)) != nil)
            #expect(try await store.lastScheduledSlot(job: "hourly") == at(7200))
            #expect(try await store.lastScheduledSlot(job: "daily") == at(3600))
            let hourly = try await store.listRuns(RunFilter(job: "hourly"), limit: 10, cursor: nil)
            #expect(hourly.runs.map(\.scheduledFor) == [at(7200), at(3600)])
            #expect(try await store.transitions(run.id).map(\.status) == [.queued])
        }
    }

    @Test(arguments: Backend.allCases) func fireSlotNeedsAJobAndASlot(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            await #expect(throws: SchedulingStoreError.slotRequired(missing: "a job")) {
                try await store.fireSlot(sampleRun(scheduledFor: at(60)), now: t0)
            }
            await #expect(throws: SchedulingStoreError.slotRequired(missing: "a slot time (scheduledFor)")) {
                try await store.fireSlot(sampleRun(job: "hourly"), now: t0)
            }
            await #expect(throws: SchedulingStoreError.invalidRun(field: "maxAttempts", reason: "is 0; it must be at least 1")) {
                try await store.fireSlot(sampleRun(job: "hourly", maxAttempts: 0, scheduledFor: at(60)), now: t0)
            }
            let slot = try await store.lastScheduledSlot(job: "hourly")
            #expect(slot == nil)
        }
    }

    @Test(arguments: Backend.allCases) func aSlotFiredBeforeARestartDoesNotFireAgain(_ backend: Backend) async throws {
        try await withFixture(backend) { fixture in
            var store: (any SchedulingStore)? = try await fixture.connect()
            let fired = try await store?.fireSlot(sampleRun(job: "nightly", scheduledFor: at(86400)), now: at(86400))
            #expect(fired != nil)
            store = nil  // the process stops: every handle is dropped
            let restarted = try await fixture.connect()
            #expect(try await restarted.fireSlot(sampleRun(job: "nightly", scheduledFor: at(86400)), now: at(86401)) == nil)
            if fixture.isPersistent {
                #expect(try await restarted.lastScheduledSlot(job: "nightly") == at(86400))
                #expect(try await restarted.run(try #require(fired).id) == fired)
            }
        }
    }

    @Test(arguments: Backend.allCases) func twoProcessesRacingForASlotCreateOneRun(_ backend: Backend) async throws {
        try await withFixture(backend) { fixture in
            let stores = [try await fixture.connect(), try await fixture.connect()]
            let slot = at(600)
            let created = try await withThrowingTaskGroup(of: RunRecord?.self) { group in
                for attempt in 0..<20 {
                    let store = stores[attempt % 2]
                    group.addTask {
                        try await store.fireSlot(sampleRun(job: "race", scheduledFor: slot), now: at(600 + Double(attempt)))
                    }
                }
                return try await group.reduce(into: [RunRecord]()) { if let run = $1 { $0.append(run) } }
            }
            #expect(created.count == 1)
            for store in stores {
                let runs = try await store.listRuns(RunFilter(job: "race"), limit: 50, cursor: nil).runs
                #expect(runs.map(\.id) == created.map(\.id))
            }
        }
    }
}
