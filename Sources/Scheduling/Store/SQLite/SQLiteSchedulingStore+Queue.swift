import Foundation
import GRDB

extension SQLiteSchedulingStore {
    public func claim(worker: String, labels: [String], lease: Double, now: Date) async throws -> RunRecord? {
        let workerLabels = RunRow.strings(labels)
        return try await write("claim a run for \(worker)") { db in
            try Self.claim(db, worker: worker, labels: workerLabels, lease: lease, now: now, except: nil)
        }
    }

    /// The run ready the longest (index order, no sort) none of whose required labels is missing
    /// from the worker's, other than `except`, claimed inside the caller's transaction.
    private static func claim(
        _ db: Database, worker: String, labels workerLabels: String, lease: Double, now: Date, except: RunID?
    ) throws -> RunRecord? {
        guard var run = try RunRow.fetchAll(db, """
            SELECT * FROM runs
            WHERE status = 'queued' AND not_before <= ? AND id IS NOT ?
              AND NOT EXISTS (SELECT 1 FROM json_each(runs.labels) AS need
                              WHERE need.value NOT IN (SELECT value FROM json_each(?)))
            ORDER BY not_before, id LIMIT 1
            """, [StoreTime.micros(now), except?.rawValue, workerLabels]).first
        else { return nil }
        let transition = run.claim(worker: worker, lease: lease, now: now)
        try RunRow.update(db, run, transition)
        return run
    }

    public func heartbeat(_ id: RunID, worker: String, lease: Double, now: Date) async throws -> HeartbeatResult {
        try await write("renew the lease of run \(id)") { db in
            guard var run = try RunRow.fetchOne(db, id) else { throw SchedulingStoreError.runNotFound(id) }
            guard run.isHeld(by: worker) else {
                return HeartbeatResult(leaseHeld: false, cancelRequested: run.cancelRequested)
            }
            run.renewLease(lease: lease, now: now)
            try RunRow.update(db, run, nil)
            return HeartbeatResult(leaseHeld: true, cancelRequested: run.cancelRequested)
        }
    }

    public func setRunDetails(
        _ id: RunID, worker: String, kernelResolved: String?, inputSHA256: String?, inputSnapshot: String?,
        output: String?
    ) async throws {
        try await write("record details of run \(id)") { db in
            guard var run = try RunRow.fetchOne(db, id) else { throw SchedulingStoreError.runNotFound(id) }
            try run.requireHolder(worker)
            if let kernelResolved { run.kernelResolved = kernelResolved }
            if let inputSHA256 { run.inputSHA256 = inputSHA256 }
            if let inputSnapshot { run.inputSnapshot = inputSnapshot }
            if let output { run.output = output }
            try RunRow.update(db, run, nil)
        }
    }

    public func finish(
        _ id: RunID, worker: String, outcome: FinishOutcome, output: String?, retryAt: Date?, now: Date,
        claimingNext next: NextClaim?
    ) async throws -> FinishAndClaim {
        try await write("finish run \(id)") { db in
            guard var run = try RunRow.fetchOne(db, id) else { throw SchedulingStoreError.runNotFound(id) }
            let transition = try run.finish(worker: worker, outcome: outcome, output: output, retryAt: retryAt, now: now)
            try RunRow.update(db, run, transition)
            guard let next else { return FinishAndClaim(finished: run, next: nil) }
            let claimed = try Self.claim(db, worker: worker, labels: RunRow.strings(next.labels), lease: next.lease, now: now,
                                         except: id)
            return FinishAndClaim(finished: run, next: claimed)
        }
    }

    public func requestCancel(_ id: RunID, now: Date) async throws -> RunRecord {
        try await write("cancel run \(id)") { db in
            guard var run = try RunRow.fetchOne(db, id) else { throw SchedulingStoreError.runNotFound(id) }
            if let transition = try run.requestCancel(now: now) { try RunRow.update(db, run, transition) }
            return run
        }
    }
}
