import Foundation
import GRDB
import NotebookFormat

extension SQLiteSchedulingStore {
    public func upsertJob(_ job: StoredJob) async throws {
        try job.validate()
        try await write("save job \(job.name)") { db in try Self.save(db, job) }
    }

    public func job(_ name: String) async throws -> StoredJob? {
        try await read("read job \(name)") { db in try Self.fetchJob(db, name) }
    }

    public func jobs() async throws -> [StoredJob] {
        try await read("list jobs") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM jobs ORDER BY name").map(Self.decodeJob)
        }
    }

    public func deleteJob(_ name: String) async throws -> Bool {
        try await write("delete job \(name)") { db in
            try db.execute(sql: "DELETE FROM jobs WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    public func setJobActive(_ name: String, active: Bool, now: Date) async throws -> StoredJob? {
        try await write("\(active ? "resume" : "pause") job \(name)") { db in
            guard var job = try Self.fetchJob(db, name) else { return nil }
            if job.active == active { return job }
            job.active = active
            job.updated = StoreTime.rounded(now)
            try Self.save(db, job)
            return job
        }
    }

    public func replaceConfigJobs(_ jobs: [StoredJob], now: Date) async throws {
        try StoredJob.validateConfigurationSet(jobs)
        let now = StoreTime.rounded(now)
        try await write("replace configuration jobs") { db in
            let names = Set(jobs.map(\.name))
            for existing in try Row.fetchAll(db, sql: "SELECT * FROM jobs").map(Self.decodeJob) {
                if existing.source == "config", !names.contains(existing.name) {
                    try db.execute(sql: "DELETE FROM jobs WHERE name = ?", arguments: [existing.name])
                }
            }
            for var job in jobs {
                if let existing = try Self.fetchJob(db, job.name) {
                    if existing.source != "config" {
                        throw SchedulingStoreError.jobSourceConflict(name: job.name, existingSource: existing.source)
                    }
                    // An unchanged definition keeps its times: `updated` means the job changed.
                    job.created = existing.created
                    job.updated = existing.updated
                    if job == existing { continue }
                    job.updated = now
                } else {
                    job.created = now
                    job.updated = now
                }
                try Self.save(db, job)
            }
        }
    }

    /// Inserts or replaces by name; an existing row keeps its `created`.
    static func save(_ db: Database, _ job: StoredJob) throws {
        try db.execute(sql: """
            INSERT INTO jobs (name, definition, source, active, owner, tags, created, updated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, source = excluded.source,
                active = excluded.active, owner = excluded.owner, tags = excluded.tags, updated = excluded.updated
            """, arguments: [
                job.name, RunRow.text(job.definition), job.source, job.active, job.owner, RunRow.strings(job.tags),
                StoreTime.micros(job.created), StoreTime.micros(job.updated),
            ])
    }

    static func fetchJob(_ db: Database, _ name: String) throws -> StoredJob? {
        try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE name = ?", arguments: [name]).map(decodeJob)
    }

    static func decodeJob(_ row: Row) throws -> StoredJob {
        let name: String = row["name"]
        let corrupt = { (column: String, reason: String) in
            SchedulingStoreError.corruptRecord(table: "jobs", key: name, column: column, reason: reason)
        }
        return StoredJob(
            name: name, definition: try RunRow.json(row, "definition", corrupt), source: row["source"],
            active: row["active"], owner: row["owner"], tags: try RunRow.strings(row, "tags", corrupt),
            created: StoreTime.date(row["created"]), updated: StoreTime.date(row["updated"]))
    }
}
