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
        let renewed = try await rows(operation, """
            UPDATE runs SET lease_expires = \(expires)
            WHERE id = \(id.rawValue) AND status = 'running' AND worker = \(worker)
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
            if let kernelResolved { run.kernelResolved = kernelResolved }
            if let inputSHA256 { run.inputSHA256 = inputSHA256 }
            if let inputSnapshot { run.inputSnapshot = inputSnapshot }
            if let output { run.output = output }
            try await PostgresRunRow.update(db, run, nil, logger: logger)
        }
    }

    public func finish(
        _ id: RunID, worker: String, outcome: FinishOutcome, output: String?, retryAt: Date?, now: Date
    ) async throws -> RunRecord {
        // Every run pays for this once: two round trips (read, then a compare-and-set that also
        // writes the transition) rather than a transaction of five. A concurrent change (a cancel
        // request, a lease expiry) fails the set; the run is read again and the decision redone.
        let operation = "finish run \(id)"
        for _ in 0..<8 {
            guard let seen = try await rows(operation, "SELECT * FROM runs WHERE id = \(id.rawValue)").first.map(PostgresRunRow.decode)
            else { throw SchedulingStoreError.runNotFound(id) }
            var run = seen
            let transition = try run.finish(worker: worker, outcome: outcome, output: output, retryAt: retryAt, now: now)
            if try await rows(operation, PostgresRunRow.updateQuery(run, transition, ifUnchangedSince: seen)).count == 1 { return run }
        }
        throw SchedulingStoreError.database(operation: operation, reason: "the run kept changing while it was being finished")
    }

    public func requestCancel(_ id: RunID, now: Date) async throws -> RunRecord {
        try await transaction("cancel run \(id)") { db in
            guard var run = try await PostgresRunRow.lock(db, id, logger: logger) else {
                throw SchedulingStoreError.runNotFound(id)
            }
            if let transition = try run.requestCancel(now: now) {
                try await PostgresRunRow.update(db, run, transition, logger: logger)
            }
            return run
        }
    }
}
