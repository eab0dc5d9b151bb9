import Foundation
import NotebookFormat
import PostgresNIO

extension PostgresSchedulingStore {
    /// Serialises configuration reloads of several `quire serve` replicas ("QJOBS").
    static let configJobsLock: Int64 = 0x51_4A_4F_42_53

    public func upsertJob(_ job: StoredJob) async throws {
        try job.validate()
        try await transaction("save job \(job.name)") { db in try await save(db, job) }
    }

    public func job(_ name: String) async throws -> StoredJob? {
        try await rows("read job \(name)", "SELECT * FROM jobs WHERE name = \(name)").first.map(Self.decodeJob)
    }

    public func jobs() async throws -> [StoredJob] {
        try await rows("list jobs", "SELECT * FROM jobs ORDER BY name COLLATE \"C\"").map(Self.decodeJob)
    }

    public func deleteJob(_ name: String) async throws -> Bool {
        let deleted = try await rows("delete job \(name)", "DELETE FROM jobs WHERE name = \(name) RETURNING name")
        return !deleted.isEmpty
    }

    public func setJobActive(_ name: String, active: Bool, now: Date) async throws -> StoredJob? {
        try await transaction("\(active ? "resume" : "pause") job \(name)") { db in
            guard var job = try await fetchJob(db, name, lock: true) else { return nil }
            if job.active == active { return job }
            job.active = active
            job.updated = StoreTime.rounded(now)
            try await save(db, job)
            return job
        }
    }

    public func replaceConfigJobs(_ jobs: [StoredJob], now: Date) async throws {
        try StoredJob.validateConfigurationSet(jobs)
        let now = StoreTime.rounded(now)
        try await transaction("replace configuration jobs") { db in
            try await db.runStatement("SELECT pg_advisory_xact_lock(\(Self.configJobsLock))", logger: logger)
            let existing = try await db.query("SELECT * FROM jobs FOR UPDATE", logger: logger).collect().map(Self.decodeJob)
            let byName = Dictionary(existing.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let names = Set(jobs.map(\.name))
            for old in existing where old.source == "config" && !names.contains(old.name) {
                try await db.runStatement("DELETE FROM jobs WHERE name = \(old.name)", logger: logger)
            }
            for var job in jobs {
                if let old = byName[job.name] {
                    if old.source != "config" {
                        throw SchedulingStoreError.jobSourceConflict(name: job.name, existingSource: old.source)
                    }
                    // An unchanged definition keeps its times: `updated` means the job changed.
                    job.created = old.created
                    job.updated = old.updated
                    if job == old { continue }
                    job.updated = now
                } else {
                    job.created = now
                    job.updated = now
                }
                try await save(db, job)
            }
        }
    }

    /// Inserts or replaces by name; an existing row keeps its `created`.
    func save(_ db: PostgresConnection, _ job: StoredJob) async throws {
        try await db.runStatement("""
            INSERT INTO jobs (name, definition, source, active, owner, tags, created, updated)
            VALUES (\(job.name), \(RunRow.text(job.definition)), \(job.source), \(job.active), \(job.owner), \(job.tags),
                    \(StoreTime.micros(job.created)), \(StoreTime.micros(job.updated)))
            ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, source = excluded.source,
                active = excluded.active, owner = excluded.owner, tags = excluded.tags, updated = excluded.updated
            """, logger: logger)
    }

    func fetchJob(_ db: PostgresConnection, _ name: String, lock: Bool) async throws -> StoredJob? {
        let query: PostgresQuery = lock
            ? "SELECT * FROM jobs WHERE name = \(name) FOR UPDATE" : "SELECT * FROM jobs WHERE name = \(name)"
        return try await db.query(query, logger: logger).collect().first.map(Self.decodeJob)
    }

    static func decodeJob(_ row: PostgresRow) throws(SchedulingStoreError) -> StoredJob {
        let random = row.makeRandomAccess()
        let name = (try? random["name"].decode(String.self)) ?? "?"
        let c = PostgresRunRow.Columns(row: random, table: "jobs", key: name)
        return StoredJob(
            name: name, definition: try c.json("definition"), source: try c.get("source"), active: try c.get("active"),
            owner: try c.get("owner"), tags: try c.get("tags"), created: try c.date("created"),
            updated: try c.date("updated"))
    }
}
