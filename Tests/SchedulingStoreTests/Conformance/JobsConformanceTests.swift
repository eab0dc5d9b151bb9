import Foundation
import NotebookFormat
import Scheduling
import Testing

/// Job definitions: CRUD, pausing, and configuration reloads.
@Suite struct JobsConformanceTests {
    static func job(_ name: String, source: String = "api", schedule: String = "0 * * * *", at time: Date = t0) -> StoredJob {
        StoredJob(name: name, definition: ["notebook": "n.ipynb", "schedule": .string(schedule)], source: source,
                  active: true, owner: "ada", tags: ["t"], created: time, updated: time)
    }

    @Test(arguments: Backend.allCases) func jobsAreSavedReadListedAndDeleted(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            try await store.upsertJob(Self.job("b"))
            try await store.upsertJob(Self.job("a", source: "config"))
            #expect(try await store.job("b") == Self.job("b"))
            #expect(try await store.jobs().map(\.name) == ["a", "b"])
            // Updating keeps the creation time.
            var changed = Self.job("b", schedule: "*/5 * * * *", at: at(50))
            changed.active = false
            try await store.upsertJob(changed)
            let read = try #require(try await store.job("b"))
            #expect(read.created == t0 && read.updated == at(50) && !read.active)
            #expect(read.definition["schedule"] == "*/5 * * * *")
            #expect(try await store.deleteJob("b"))
            #expect(try await !store.deleteJob("b"))
            #expect(try await store.job("b") == nil)
            #expect(try await store.jobs().map(\.name) == ["a"])
        }
    }

    @Test(arguments: Backend.allCases) func jobsArePausedAndResumed(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            try await store.upsertJob(Self.job("etl"))
            let paused = try await store.setJobActive("etl", active: false, now: at(10))
            #expect(paused?.active == false && paused?.updated == at(10) && paused?.created == t0)
            #expect(try await store.job("etl") == paused)
            #expect(try await store.setJobActive("etl", active: false, now: at(20)) == paused)
            #expect(try await store.setJobActive("etl", active: true, now: at(30))?.active == true)
            #expect(try await store.setJobActive("ghost", active: true, now: at(30)) == nil)
        }
    }

    @Test(arguments: Backend.allCases) func invalidJobsAreRefused(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            await #expect(throws: SchedulingStoreError.invalidJob(
                name: "x", reason: "source is \"yaml\"; it must be \"config\" or \"api\"")) {
                try await store.upsertJob(Self.job("x", source: "yaml"))
            }
            await #expect(throws: SchedulingStoreError.invalidJob(name: "", reason: "the name is empty")) {
                try await store.upsertJob(Self.job(""))
            }
            let jobs = try await store.jobs()
            #expect(jobs.isEmpty)
        }
    }

    @Test(arguments: Backend.allCases) func aConfigReloadReplacesOnlyConfigJobs(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            try await store.upsertJob(Self.job("api-job"))
            try await store.replaceConfigJobs([Self.job("keep", source: "config"), Self.job("drop", source: "config"),
                                               Self.job("edit", source: "config")], now: at(10))
            #expect(try await store.jobs().map(\.name) == ["api-job", "drop", "edit", "keep"])
            #expect(try await store.job("keep")?.created == at(10))

            try await store.replaceConfigJobs([Self.job("keep", source: "config"),
                                               Self.job("edit", source: "config", schedule: "@daily"),
                                               Self.job("new", source: "config")], now: at(20))
            #expect(try await store.jobs().map(\.name) == ["api-job", "edit", "keep", "new"])
            let kept = try #require(try await store.job("keep"))
            #expect(kept.created == at(10) && kept.updated == at(10))  // unchanged definition: untouched
            let edited = try #require(try await store.job("edit"))
            #expect(edited.created == at(10) && edited.updated == at(20) && edited.definition["schedule"] == "@daily")
            #expect(try await store.job("api-job") == Self.job("api-job"))

            try await store.replaceConfigJobs([], now: at(30))
            #expect(try await store.jobs().map(\.name) == ["api-job"])
        }
    }

    @Test(arguments: Backend.allCases) func aConfigReloadRefusesConflictsAndChangesNothing(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            try await store.upsertJob(Self.job("shared"))
            try await store.replaceConfigJobs([Self.job("mine", source: "config")], now: at(1))
            await #expect(throws: SchedulingStoreError.jobSourceConflict(name: "shared", existingSource: "api")) {
                try await store.replaceConfigJobs([Self.job("shared", source: "config")], now: at(2))
            }
            await #expect(throws: SchedulingStoreError.invalidJob(
                name: "other", reason: "a configuration job must have source \"config\", not \"api\"")) {
                try await store.replaceConfigJobs([Self.job("other")], now: at(2))
            }
            await #expect(throws: SchedulingStoreError.invalidJob(name: "twice", reason: "the configuration defines it twice")) {
                try await store.replaceConfigJobs([Self.job("twice", source: "config"), Self.job("twice", source: "config")], now: at(2))
            }
            // The refused reload rolled back: "mine" was not deleted.
            #expect(try await store.jobs().map(\.name) == ["mine", "shared"])
            #expect(try await store.job("shared")?.source == "api")
        }
    }
}
