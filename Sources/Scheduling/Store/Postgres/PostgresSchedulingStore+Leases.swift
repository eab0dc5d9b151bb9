import Foundation
import PostgresNIO

extension PostgresSchedulingStore {
    public func expireLeases(now: Date, retryAt: (RunRecord) -> Date?) async throws -> [RunRecord] {
        let expired = try await rows("find expired leases", """
            SELECT * FROM runs WHERE status = 'running' AND lease_expires < \(StoreTime.micros(now)) ORDER BY id
            """).map(PostgresRunRow.decode)
        // `retryAt` is the caller's (not Sendable) policy: decide outside the transaction, then apply
        // only to runs that are still in the state that was decided on.
        let plans = expired.map { run in (run, run.cancelRequested ? nil : retryAt(run)) }
        return try await loseWorkers(plans, reason: "lease expired", now: now) { current, seen in
            (current.leaseExpires.map { $0 < now } ?? false) && current.leaseExpires == seen.leaseExpires
        }
    }

    public func runsHeld(by worker: String) async throws -> [RunRecord] {
        try await rows("find runs held by \(worker)", """
            SELECT * FROM runs WHERE status = 'running' AND worker = \(worker) ORDER BY id
            """).map(PostgresRunRow.decode)
    }

    public func reconcileAfterRestart(worker: String, now: Date, retryAt: (RunRecord) -> Date?) async throws -> [RunRecord] {
        let orphaned = try await runsHeld(by: worker)
        let plans = orphaned.map { run in (run, run.cancelRequested ? nil : retryAt(run)) }
        return try await loseWorkers(plans, reason: "worker restarted", now: now) { current, seen in
            current.leaseExpires == seen.leaseExpires
        }
    }

    /// Applies `loseWorker` to each planned run still held as it was when planned (same attempt,
    /// same worker, and whatever `stillApplies` checks), in one transaction; rows are locked in id
    /// order so that two reapers cannot deadlock.
    private func loseWorkers(
        _ plans: [(RunRecord, Date?)], reason: String, now: Date,
        stillApplies: (RunRecord, RunRecord) -> Bool
    ) async throws -> [RunRecord] {
        if plans.isEmpty { return [] }
        return try await transaction("requeue runs whose worker was lost") { db in
            var changed: [RunRecord] = []
            for (seen, retryAt) in plans {
                guard var run = try await PostgresRunRow.lock(db, seen.id, logger: logger), run.status == .running,
                      run.attempt == seen.attempt, run.worker == seen.worker, stillApplies(run, seen)
                else { continue }
                let locked = run
                let transition = run.loseWorker(reason: reason, retryAt: retryAt, now: now)
                try await PostgresRunRow.save(db, run, transition, lockedAs: locked, logger: logger)
                changed.append(run)
            }
            return changed
        }
    }
}
