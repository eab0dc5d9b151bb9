import Foundation
import GRDB

extension SQLiteSchedulingStore {
    public func createRun(_ new: NewRun, now: Date) async throws -> (run: RunRecord, created: Bool) {
        try new.validate()
        return try await write("create a run") { db in
            if let existing = try Self.runWithKey(db, new) { return (existing, false) }
            if let job = new.job, let slot = new.scheduledFor, let existing = try Self.slotRun(db, job, slot) {
                throw SchedulingStoreError.slotTaken(job: job, scheduledFor: StoreTime.rounded(slot), existing: existing)
            }
            let run = RunRecord(new: new, id: .make(at: now), now: now)
            try RunRow.insert(db, run, note: new.rerunOf.map { "rerun of \($0)" })
            return (run, true)
        }
    }

    public func fireSlot(_ new: NewRun, now: Date) async throws -> RunRecord? {
        guard let job = new.job else { throw SchedulingStoreError.slotRequired(missing: "a job") }
        guard let slot = new.scheduledFor else { throw SchedulingStoreError.slotRequired(missing: "a slot time (scheduledFor)") }
        try new.validate()
        return try await write("fire a schedule slot") { db in
            // The IMMEDIATE transaction makes check-then-insert atomic across processes; the
            // unique index on (job, scheduled_for) would refuse a second row regardless.
            if try Self.slotRun(db, job, slot) != nil { return nil }
            if try Self.runWithKey(db, new) != nil { return nil }
            let run = RunRecord(new: new, id: .make(at: now), now: now)
            try RunRow.insert(db, run, note: "slot \(SchedulingStoreError.iso(slot))")
            return run
        }
    }

    /// Inserts many runs in one transaction (imports, benchmarks, tests), each created at its own
    /// time; idempotency keys and slots are enforced by the unique indexes (a clash fails the batch).
    public func createRuns(_ runs: [(new: NewRun, created: Date)]) async throws -> [RunRecord] {
        for run in runs { try run.new.validate() }
        return try await write("create runs") { db in
            try runs.map { new, created in
                let run = RunRecord(new: new, id: .make(at: created), now: created)
                try RunRow.insert(db, run, note: nil)
                return run
            }
        }
    }

    public func lastScheduledSlot(job: String) async throws -> Date? {
        try await read("read the last slot of \(job)") { db in
            try Int64.fetchOne(db, sql: "SELECT max(scheduled_for) FROM runs WHERE job = ?", arguments: [job])
                .map(StoreTime.date)
        }
    }

    public func run(_ id: RunID) async throws -> RunRecord? {
        try await read("read run \(id)") { db in try RunRow.fetchOne(db, id) }
    }

    public func transitions(_ id: RunID) async throws -> [RunTransition] {
        try await read("read the transitions of run \(id)") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run_transitions WHERE run_id = ? ORDER BY seq",
                             arguments: [id.rawValue]).map(RunRow.decodeTransition)
        }
    }

    public func activeRuns(job: String) async throws -> [RunRecord] {
        try await read("list active runs of \(job)") { db in
            try RunRow.fetchAll(db, """
                SELECT * FROM runs WHERE job = ? AND status IN ('queued', 'running') ORDER BY created, id
                """, [job])
        }
    }

    static func runWithKey(_ db: Database, _ new: NewRun) throws -> RunRecord? {
        guard let key = new.idempotencyKey else { return nil }
        return try RunRow.fetchAll(
            db, "SELECT * FROM runs WHERE coalesce(owner, '') = ? AND idempotency_key = ?", [new.owner ?? "", key]
        ).first
    }

    static func slotRun(_ db: Database, _ job: String, _ slot: Date) throws -> RunID? {
        try String.fetchOne(
            db, sql: "SELECT id FROM runs WHERE job = ? AND scheduled_for = ?", arguments: [job, StoreTime.micros(slot)]
        ).flatMap(RunID.init)
    }
}
