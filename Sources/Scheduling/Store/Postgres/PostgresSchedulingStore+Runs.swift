import Foundation
import PostgresNIO

extension PostgresSchedulingStore {
    public func createRun(_ new: NewRun, now: Date) async throws -> (run: RunRecord, created: Bool) {
        try new.validate()
        let run = RunRecord(new: new, id: .make(at: now), now: now)
        return try await transaction("create a run") { db in
            // The insert is the check: ON CONFLICT waits for a concurrent insert of the same key
            // or slot to commit, so the lookups below then see the winner.
            if try await PostgresRunRow.insert(db, run, note: new.rerunOf.map { "rerun of \($0)" }, logger: logger) {
                return (run, true)
            }
            if let existing = try await runWithKey(db, new) { return (existing, false) }
            if let job = new.job, let slot = new.scheduledFor, let existing = try await slotRun(db, job, slot) {
                throw SchedulingStoreError.slotTaken(job: job, scheduledFor: StoreTime.rounded(slot), existing: existing)
            }
            throw SchedulingStoreError.database(operation: "create a run", reason: "the insert conflicted with no known run")
        }
    }

    public func fireSlot(_ new: NewRun, now: Date) async throws -> RunRecord? {
        guard new.job != nil else { throw SchedulingStoreError.slotRequired(missing: "a job") }
        guard let slot = new.scheduledFor else {
            throw SchedulingStoreError.slotRequired(missing: "a slot time (scheduledFor)")
        }
        try new.validate()
        let run = RunRecord(new: new, id: .make(at: now), now: now)
        // The unique (job, scheduled_for) index decides between racing schedulers.
        return try await transaction("fire a schedule slot") { db in
            try await PostgresRunRow.insert(db, run, note: "slot \(SchedulingStoreError.iso(slot))", logger: logger)
                ? run : nil
        }
    }

    /// Inserts many runs in one transaction (imports, benchmarks, tests), each created at its own
    /// time; a clash with an existing slot or idempotency key fails the batch.
    public func createRuns(_ runs: [(new: NewRun, created: Date)]) async throws -> [RunRecord] {
        for run in runs { try run.new.validate() }
        let records = runs.map { RunRecord(new: $0.new, id: .make(at: $0.created), now: $0.created) }
        return try await transaction("create runs") { db in
            for (index, run) in records.enumerated() {
                if try await PostgresRunRow.insert(db, run, note: nil, logger: logger) { continue }
                throw SchedulingStoreError.invalidRun(
                    field: "runs[\(index)]", reason: "its slot or idempotency key already has a run")
            }
            return records
        }
    }

    public func lastScheduledSlot(job: String) async throws -> Date? {
        let rows = try await rows("read the last slot of \(job)", "SELECT max(scheduled_for) FROM runs WHERE job = \(job)")
        return try rows.first.flatMap { try $0.decode(Int64?.self) }.map(StoreTime.date)
    }

    public func run(_ id: RunID) async throws -> RunRecord? {
        try await rows("read run \(id)", "SELECT * FROM runs WHERE id = \(id.rawValue)").first.map(PostgresRunRow.decode)
    }

    public func transitions(_ id: RunID) async throws -> [RunTransition] {
        try await rows("read the transitions of run \(id)",
                       "SELECT * FROM run_transitions WHERE run_id = \(id.rawValue) ORDER BY seq")
            .map(PostgresRunRow.decodeTransition)
    }

    public func activeRuns(job: String) async throws -> [RunRecord] {
        try await rows("list active runs of \(job)", """
            SELECT * FROM runs WHERE job = \(job) AND status IN ('queued', 'running') ORDER BY created, id
            """).map(PostgresRunRow.decode)
    }

    func runWithKey(_ db: PostgresConnection, _ new: NewRun) async throws -> RunRecord? {
        guard let key = new.idempotencyKey else { return nil }
        return try await PostgresRunRow.fetch(db, """
            SELECT * FROM runs WHERE coalesce(owner, '') = \(new.owner ?? "") AND idempotency_key = \(key)
            """, logger: logger).first
    }

    func slotRun(_ db: PostgresConnection, _ job: String, _ slot: Date) async throws -> RunID? {
        let rows = try await db.query(
            "SELECT id FROM runs WHERE job = \(job) AND scheduled_for = \(StoreTime.micros(slot))", logger: logger
        ).collect()
        return try rows.first.map { try $0.decode(String.self) }.flatMap(RunID.init)
    }
}
