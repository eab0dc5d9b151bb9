import Foundation
import NotebookFormat
import Scheduling
import Testing

/// The scheduler driven with explicit times against a real SQLite file: each slot fires exactly
/// once across restarts and racing schedulers; catch-up, concurrency and pause policies.
@Suite struct SchedulerTickTests {
    final class DB: @unchecked Sendable {
        let folder = NSTemporaryDirectory() + "quire-sched-" + UUID().uuidString
        var path: String { folder + "/quire.db" }
        init() { try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: folder) }
        func store() throws -> SQLiteSchedulingStore { try SQLiteSchedulingStore(path: path) }
    }

    static func utc(_ s: String) -> Date {
        let f = ISO8601DateFormatter()
        if s.contains(".") { f.formatOptions = [.withInternetDateTime, .withFractionalSeconds] }
        return f.date(from: s)!
    }

    static func job(_ name: String, _ schedule: String, extra: JSONObject = JSONObject()) throws -> StoredJob {
        var o: JSONObject = ["name": .string(name), "notebook": "nb.ipynb", "schedule": .string(schedule)]
        for (k, v) in extra { o[k] = v }
        let def = try JobDefinition.decode(.object(o))
        return StoredJob(name: name, definition: def.jsonValue, source: "api", active: true, owner: nil, tags: [],
                         created: utc("2026-01-01T00:00:00Z"), updated: utc("2026-01-01T00:00:00Z"))
    }

    static func slots(_ store: some SchedulingStore, job: String) async throws -> [Date] {
        var f = RunFilter()
        f.job = job
        return try await store.listRuns(f, limit: 500, cursor: nil).runs.compactMap(\.scheduledFor).sorted()
    }

    @Test func aSlotFiresOnceAcrossARestartInTheMiddleOfAMinute() async throws {
        let db = DB()
        let first = try db.store()
        try await first.upsertJob(try Self.job("minutely", "* * * * *", extra: ["concurrency": "allow"]))
        let a = Scheduler(store: first, wakeup: WorkerWakeup())
        await a.tick(now: Self.utc("2026-03-01T11:59:50Z"))   // first sight: nothing missed
        await a.tick(now: Self.utc("2026-03-01T12:00:00Z"))
        await a.tick(now: Self.utc("2026-03-01T12:00:10Z"))
        #expect(try await Self.slots(first, job: "minutely") == [Self.utc("2026-03-01T12:00:00Z")])

        // "Restart": a new scheduler on a new connection to the same file, 20 s later.
        let second = try db.store()
        let b = Scheduler(store: second, wakeup: WorkerWakeup())
        await b.tick(now: Self.utc("2026-03-01T12:00:30Z"))
        await b.tick(now: Self.utc("2026-03-01T12:00:59Z"))
        #expect(try await Self.slots(second, job: "minutely") == [Self.utc("2026-03-01T12:00:00Z")])
        await b.tick(now: Self.utc("2026-03-01T12:01:00.5Z"))
        #expect(try await Self.slots(second, job: "minutely").count == 2)
    }

    @Test func racingSchedulersFireEachSlotOnce() async throws {
        let db = DB()
        let setup = try db.store()
        try await setup.upsertJob(try Self.job("hourly", "@hourly", extra: ["concurrency": "allow"]))
        let schedulers = try (0..<4).map { _ in Scheduler(store: try db.store(), wakeup: WorkerWakeup()) }
        for s in schedulers { await s.tick(now: Self.utc("2026-03-01T09:30:00Z")) }
        await withTaskGroup(of: Void.self) { group in
            for s in schedulers {
                group.addTask {
                    for minute in ["10:00:01", "10:00:02", "11:00:00", "11:00:03"] {
                        await s.tick(now: Self.utc("2026-03-01T\(minute)Z"))
                    }
                }
            }
        }
        #expect(try await Self.slots(setup, job: "hourly") == [Self.utc("2026-03-01T10:00:00Z"), Self.utc("2026-03-01T11:00:00Z")])
    }

    @Test(arguments: [("skip", 0), ("latest", 1), ("all", 3)])
    func catchUpAfterDowntime(policy: String, missed: Int) async throws {
        let db = DB()
        let store = try db.store()
        try await store.upsertJob(try Self.job("h", "0 * * * *", extra: ["catchup": .string(policy), "concurrency": "allow"]))
        let before = Scheduler(store: store, wakeup: WorkerWakeup())
        await before.tick(now: Self.utc("2026-03-01T08:59:00Z"))
        await before.tick(now: Self.utc("2026-03-01T09:00:01Z"))
        #expect(try await Self.slots(store, job: "h").count == 1)
        // Down from 09:00 to 12:30: slots 10:00, 11:00, 12:00 were missed.
        let after = Scheduler(store: try db.store(), wakeup: WorkerWakeup())
        await after.tick(now: Self.utc("2026-03-01T12:30:00Z"))
        let fired = try await Self.slots(store, job: "h")
        #expect(fired.count == 1 + missed, "\(fired)")
        if policy == "latest" { #expect(fired.last == Self.utc("2026-03-01T12:00:00Z")) }
        // Whatever the policy, the next slot fires on time.
        await after.tick(now: Self.utc("2026-03-01T13:00:02Z"))
        #expect(try await Self.slots(store, job: "h").last == Self.utc("2026-03-01T13:00:00Z"))
    }

    @Test func forbidSkipsWhileARunIsActiveAndReplaceCancelsIt() async throws {
        let db = DB()
        let store = try db.store()
        try await store.upsertJob(try Self.job("f", "0 * * * *", extra: ["concurrency": "forbid"]))
        try await store.upsertJob(try Self.job("r", "0 * * * *", extra: ["concurrency": "replace"]))
        let s = Scheduler(store: store, wakeup: WorkerWakeup())
        await s.tick(now: Self.utc("2026-03-01T09:59:00Z"))
        await s.tick(now: Self.utc("2026-03-01T10:00:00Z"))
        // Nobody works the queue: both 10:00 runs are still queued at 11:00.
        await s.tick(now: Self.utc("2026-03-01T11:00:00Z"))
        #expect(try await Self.slots(store, job: "f").count == 1)
        var filter = RunFilter()
        filter.job = "r"
        let runs = try await store.listRuns(filter, limit: 10, cursor: nil).runs
        #expect(runs.count == 2)
        #expect(runs.first { $0.scheduledFor == Self.utc("2026-03-01T10:00:00Z") }?.status == .cancelled)
    }

    @Test func aSecondSchedulerDoesNotReplaceTheRunOfTheSlotItFindsAlreadyFired() async throws {
        let db = DB()
        let setup = try db.store()
        try await setup.upsertJob(try Self.job("r", "0 * * * *", extra: ["concurrency": "replace"]))
        let a = Scheduler(store: try db.store(), wakeup: WorkerWakeup())
        let b = Scheduler(store: try db.store(), wakeup: WorkerWakeup())
        await a.tick(now: Self.utc("2026-03-01T09:59:00Z"))
        await b.tick(now: Self.utc("2026-03-01T09:59:00Z"))
        await a.tick(now: Self.utc("2026-03-01T10:00:00Z"))
        await b.tick(now: Self.utc("2026-03-01T10:00:01Z"))
        var filter = RunFilter()
        filter.job = "r"
        let runs = try await setup.listRuns(filter, limit: 10, cursor: nil).runs
        #expect(runs.map(\.status) == [.queued])
        // The next slot still replaces the one before it, whichever scheduler fires it.
        await b.tick(now: Self.utc("2026-03-01T11:00:00Z"))
        await a.tick(now: Self.utc("2026-03-01T11:00:01Z"))
        let after = try await setup.listRuns(filter, limit: 10, cursor: nil).runs
        #expect(after.map(\.status) == [.queued, .cancelled])
    }

    @Test func pausedJobsDoNotFire() async throws {
        let db = DB()
        let store = try db.store()
        try await store.upsertJob(try Self.job("p", "* * * * *"))
        _ = try await store.setJobActive("p", active: false, now: Self.utc("2026-03-01T00:00:00Z"))
        let s = Scheduler(store: store, wakeup: WorkerWakeup())
        await s.tick(now: Self.utc("2026-03-01T09:59:30Z"))
        await s.tick(now: Self.utc("2026-03-01T10:00:00Z"))
        #expect(try await Self.slots(store, job: "p").isEmpty)
    }

    @Test func dstSpringForwardJobFiresOnceInBerlin() async throws {
        let db = DB()
        let store = try db.store()
        try await store.upsertJob(try Self.job("berlin", "30 2 * * *", extra: ["timezone": "Europe/Berlin", "concurrency": "allow"]))
        let s = Scheduler(store: store, wakeup: WorkerWakeup())
        // 2026-03-29: Berlin jumps from 02:00 to 03:00 (01:00 UTC); 02:30 does not exist that day.
        var t = Self.utc("2026-03-28T23:00:00Z")
        while t < Self.utc("2026-03-30T03:00:00Z") {
            await s.tick(now: t)
            t = t.addingTimeInterval(300)
        }
        let fired = try await Self.slots(store, job: "berlin")
        #expect(fired.count == 2, "\(fired)")   // once on the 29th (at 03:00 local), once on the 30th
    }
}
