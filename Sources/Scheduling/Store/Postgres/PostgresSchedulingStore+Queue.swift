import Foundation
import PostgresNIO

extension PostgresSchedulingStore {
    public func claim(worker: String, labels: [String], lease: Double, now: Date) async throws -> RunRecord? {
        let at = StoreTime.micros(now)
        let expires = StoreTime.micros(now.addingTimeInterval(lease))
        // One statement, one round trip: SKIP LOCKED lets concurrent workers take different runs
        // instead of queueing on the same row. The SET clause is `RunRecord.claim` in SQL (the
        // conformance suite holds both backends to the same result); the transition row is
        // written in the same statement.
        let query: PostgresQuery = """
            WITH claimed AS (
                UPDATE runs SET status = 'running', attempt = attempt + 1, started = coalesce(started, \(at)),
                    worker = \(worker), lease_expires = \(expires)
                WHERE id = (SELECT id FROM runs
                            WHERE status = 'queued' AND not_before <= \(at) AND labels <@ \(labels)::text[]
                            ORDER BY not_before, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *
            ), logged AS (
                INSERT INTO run_transitions (run_id, attempt, status, at, worker)
                SELECT id, attempt, status, \(at), worker FROM claimed
            )
            SELECT * FROM claimed
            """
        return try await rows("claim a run for \(worker)", query).first.map(PostgresRunRow.decode)
    }

    public func heartbeat(_ id: RunID, worker: String, lease: Double, now: Date) async throws -> HeartbeatResult {
        let expires = StoreTime.micros(now.addingTimeInterval(lease))
        let operation = "renew the lease of run \(id)"
        // A renewal is committed without waiting for the WAL flush (`set_config(…, true)` lasts
        // until this statement's own transaction ends; the pooled connection keeps the server's
        // setting). What a database crash can lose is the last renewal or two, which only makes
        // the lease end sooner — the run is requeued as if the worker had stopped renewing, the
        // worker's next heartbeat reports the lease lost, and the attempt is not recorded twice.
        // Claims and finishes stay durable: they decide who runs what and what became of it.
        let renewed = try await rows(operation, """
            UPDATE runs SET lease_expires = \(expires)
            WHERE id = \(id.rawValue) AND status = 'running' AND worker = \(worker)
                AND set_config('synchronous_commit', 'off', true) IS NOT NULL
            RETURNING cancel_requested
            """)
        if let row = renewed.first {
            return HeartbeatResult(leaseHeld: true, cancelRequested: try row.decode(Bool.self))
        }
        guard let row = try await rows(operation, "SELECT cancel_requested FROM runs WHERE id = \(id.rawValue)").first
        else { throw SchedulingStoreError.runNotFound(id) }
        return HeartbeatResult(leaseHeld: false, cancelRequested: try row.decode(Bool.self))
    }

    public func setRunDetails(
        _ id: RunID, worker: String, kernelResolved: String?, inputSHA256: String?, inputSnapshot: String?,
        output: String?
    ) async throws {
        try await transaction("record details of run \(id)") { db in
            guard var run = try await PostgresRunRow.lock(db, id, logger: logger) else {
                throw SchedulingStoreError.runNotFound(id)
            }
            try run.requireHolder(worker)
            let seen = run
            if let kernelResolved { run.kernelResolved = kernelResolved }
            if let inputSHA256 { run.inputSHA256 = inputSHA256 }
            if let inputSnapshot { run.inputSnapshot = inputSnapshot }
            if let output { run.output = output }
            try await PostgresRunRow.save(db, run, nil, lockedAs: seen, logger: logger)
        }
    }

    public func finish(
        _ id: RunID, worker: String, outcome: FinishOutcome, output: String?, retryAt: Date?, now: Date,
        claimingNext next: NextClaim?
    ) async throws -> FinishAndClaim {
        let operation = next == nil ? "finish run \(id)" : "finish run \(id) and claim the next for \(worker)"
        for _ in 0..<8 {
            let query = Self.finishQuery(id, worker: worker, outcome: outcome, output: output, retryAt: retryAt, now: now,
                                         next: next)
            let records = try await rows(operation, query).map(PostgresRunRow.decode)
            // The finished run and the claimed one come back in one result; the claim never takes `id`.
            if let finished = records.first(where: { $0.id == id }) {
                return FinishAndClaim(finished: finished, next: records.first { $0.id != id })
            }
            // Not held by `worker` (or gone), and then nothing was claimed: read the run to say why.
            guard let run = try await self.run(id) else { throw SchedulingStoreError.runNotFound(id) }
            try run.requireHolder(worker)
        }
        throw SchedulingStoreError.database(operation: operation, reason: "the run kept changing while it was being finished")
    }

    /// Every run pays for its finish once, so it is one statement, one round trip and one commit:
    /// `RunRecord.finish` in SQL (the conformance suite holds both backends to the same result),
    /// the transition written in the same statement. The lease check is the WHERE clause and the
    /// retry decision reads the row being updated: a cancel request or a lease expiry committed
    /// meanwhile is waited for and then seen (PostgreSQL re-evaluates both on the newest row).
    /// With `next`, the same statement claims the worker's next run as `claim` does, and only when
    /// the finish updated its row. Every part of a statement sees the same snapshot, in which the
    /// run being finished is still `running`, so it cannot be the one claimed. Without `next` the
    /// claim's one-time condition is false and it reads nothing.
    static func finishQuery(
        _ id: RunID, worker: String, outcome: FinishOutcome, output: String?, retryAt: Date?, now: Date, next: NextClaim?
    ) -> PostgresQuery {
        let at = StoreTime.micros(now)
        let expires = StoreTime.micros(now.addingTimeInterval(next?.lease ?? 0))
        // Whether the attempt is retried: fixed SQL text, no caller input.
        let retry = outcome.isRetryable && retryAt != nil ? "(NOT cancel_requested AND attempt < max_attempts)" : "false"
        return """
            WITH ended AS (
                UPDATE runs SET output = coalesce(\(output), output), error_ename = \(outcome.error?.ename),
                    error_evalue = \(outcome.error?.evalue), error_cell = \(outcome.error?.cell),
                    status = CASE WHEN \(unescaped: retry) THEN 'queued' ELSE \(outcome.status.rawValue) END,
                    not_before = CASE WHEN \(unescaped: retry) THEN \(retryAt.map(StoreTime.micros)) ELSE not_before END,
                    worker = CASE WHEN \(unescaped: retry) THEN NULL ELSE worker END,
                    finished = CASE WHEN \(unescaped: retry) THEN finished ELSE \(at) END,
                    lease_expires = NULL
                WHERE id = \(id.rawValue) AND status = 'running' AND worker = \(worker)
                RETURNING *
            ), logged AS (
                -- A finish never ends in `queued`: that status means the attempt is retried.
                INSERT INTO run_transitions (run_id, attempt, status, at, worker, note)
                SELECT id, attempt, status, \(at), \(worker), CASE WHEN status = 'queued' THEN 'retry' END FROM ended
            ), claimed AS (
                UPDATE runs SET status = 'running', attempt = attempt + 1, started = coalesce(started, \(at)),
                    worker = \(worker), lease_expires = \(expires)
                WHERE id = (SELECT id FROM runs
                            WHERE \(next != nil) AND EXISTS (SELECT 1 FROM ended)
                                AND status = 'queued' AND not_before <= \(at) AND labels <@ \(next?.labels ?? [])::text[]
                            ORDER BY not_before, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *
            ), claim_logged AS (
                INSERT INTO run_transitions (run_id, attempt, status, at, worker)
                SELECT id, attempt, status, \(at), worker FROM claimed
            )
            SELECT * FROM ended UNION ALL SELECT * FROM claimed
            """
    }

    public func requestCancel(_ id: RunID, now: Date) async throws -> RunRecord {
        try await transaction("cancel run \(id)") { db in
            guard var run = try await PostgresRunRow.lock(db, id, logger: logger) else {
                throw SchedulingStoreError.runNotFound(id)
            }
            let seen = run
            if let transition = try run.requestCancel(now: now) {
                try await PostgresRunRow.save(db, run, transition, lockedAs: seen, logger: logger)
            }
            return run
        }
    }
}
