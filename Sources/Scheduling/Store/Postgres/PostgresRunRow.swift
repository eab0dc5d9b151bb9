import Foundation
import NotebookFormat
import PostgresNIO

/// Reads and writes `RunRecord`s as rows of `runs` (with their `run_tags`, `run_params` and
/// `run_transitions` rows), as `RunRow` does for SQLite.
enum PostgresRunRow {
    /// Inserts `r` unless its slot or idempotency key is taken (then nothing is written and the
    /// answer is false); with its index rows and first transition otherwise.
    static func insert(_ db: PostgresConnection, _ r: RunRecord, note: String?, logger: Logger) async throws -> Bool {
        let micros = StoreTime.micros
        let query: PostgresQuery = """
            INSERT INTO runs (id, job, notebook, parameters, secret_names, kernel, kernel_resolved, timeout, attempt,
                max_attempts, retry_backoff, max_backoff, status, tags, owner, labels, scheduled_for, idempotency_key,
                rerun_of, spec, created, not_before, started, finished, worker, lease_expires, cancel_requested,
                input_sha256, input_snapshot, output, error_ename, error_evalue, error_cell)
            VALUES (\(r.id.rawValue), \(r.job), \(r.notebook), \(RunRow.text(r.parameters)), \(r.secretNames),
                \(r.kernel), \(r.kernelResolved), \(r.timeout), \(r.attempt), \(r.maxAttempts), \(r.retryBackoff),
                \(r.maxBackoff), \(r.status.rawValue), \(r.tags), \(r.owner), \(r.labels), \(r.scheduledFor.map(micros)),
                \(r.idempotencyKey), \(r.rerunOf?.rawValue), \(RunRow.text(r.spec)), \(micros(r.created)),
                \(micros(r.notBefore)), \(r.started.map(micros)), \(r.finished.map(micros)), \(r.worker),
                \(r.leaseExpires.map(micros)), \(r.cancelRequested), \(r.inputSHA256), \(r.inputSnapshot), \(r.output),
                \(r.error?.ename), \(r.error?.evalue), \(r.error?.cell))
            ON CONFLICT DO NOTHING
            RETURNING id
            """
        guard try await db.query(query, logger: logger).collect().count == 1 else { return false }
        let tags = Array(Set(r.tags))
        if !tags.isEmpty {
            try await db.runStatement("""
                INSERT INTO run_tags (tag, run_id) SELECT unnest(\(tags)::text[]), \(r.id.rawValue)
                """, logger: logger)
        }
        let params = RunFilter.parameterTexts(r.parameters)
        if !params.isEmpty {
            try await db.runStatement("""
                INSERT INTO run_params (name, value, run_id)
                SELECT name, value, \(r.id.rawValue) FROM unnest(\(params.map(\.name))::text[], \(params.map(\.text))::text[])
                    AS p (name, value)
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        try await record(db, r.transition(note, at: r.created), logger: logger)
        return true
    }

    /// Saves the mutable fields of `r` (the one SET clause every state change goes through) and
    /// records `t` if there is one, in one statement — provided the row is still as `seen` left it
    /// (same status, worker, attempt and cancel request). Callers read `seen` with `lock`, so under
    /// that row lock the comparison always holds; it stays in the statement so that a caller that
    /// forgot the lock cannot overwrite a change it never saw.
    static func save(
        _ db: PostgresConnection, _ r: RunRecord, _ t: RunTransition?, lockedAs seen: RunRecord, logger: Logger
    ) async throws {
        let micros = StoreTime.micros
        // A nil transition still binds its (then NULL) fields; `\(t != nil)` keeps the insert empty.
        let saved = try await db.query("""
            WITH changed AS (
                UPDATE runs SET kernel_resolved = \(r.kernelResolved), attempt = \(r.attempt),
                    max_attempts = \(r.maxAttempts), status = \(r.status.rawValue), not_before = \(micros(r.notBefore)),
                    started = \(r.started.map(micros)), finished = \(r.finished.map(micros)), worker = \(r.worker),
                    lease_expires = \(r.leaseExpires.map(micros)), cancel_requested = \(r.cancelRequested),
                    input_sha256 = \(r.inputSHA256), input_snapshot = \(r.inputSnapshot), output = \(r.output),
                    error_ename = \(r.error?.ename), error_evalue = \(r.error?.evalue), error_cell = \(r.error?.cell)
                WHERE id = \(r.id.rawValue) AND status = \(seen.status.rawValue) AND worker IS NOT DISTINCT FROM \(seen.worker)
                    AND attempt = \(seen.attempt) AND cancel_requested = \(seen.cancelRequested)
                RETURNING id
            ), logged AS (
                INSERT INTO run_transitions (run_id, attempt, status, at, worker, note)
                SELECT id, \(t?.attempt), \(t?.status.rawValue), \(t.map { micros($0.at) }), \(t?.worker), \(t?.note)
                FROM changed WHERE \(t != nil)
            )
            SELECT id FROM changed
            """, logger: logger).collect()
        guard saved.count == 1 else {
            throw SchedulingStoreError.database(
                operation: "save run \(r.id)", reason: "the run changed although its row was locked (read without `lock`?)")
        }
    }

    static func record(_ db: PostgresConnection, _ t: RunTransition, logger: Logger) async throws {
        try await db.runStatement("""
            INSERT INTO run_transitions (run_id, attempt, status, at, worker, note)
            VALUES (\(t.run.rawValue), \(t.attempt), \(t.status.rawValue), \(StoreTime.micros(t.at)), \(t.worker), \(t.note))
            """, logger: logger)
    }

    /// The run, its row locked until the transaction ends.
    static func lock(_ db: PostgresConnection, _ id: RunID, logger: Logger) async throws -> RunRecord? {
        try await fetch(db, "SELECT * FROM runs WHERE id = \(id.rawValue) FOR UPDATE", logger: logger).first
    }

    static func fetch(_ db: PostgresConnection, _ query: PostgresQuery, logger: Logger) async throws -> [RunRecord] {
        try await db.query(query, logger: logger).collect().map(decode)
    }
}
