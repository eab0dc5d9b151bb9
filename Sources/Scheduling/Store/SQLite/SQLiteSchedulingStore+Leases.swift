import Foundation
import GRDB

extension SQLiteSchedulingStore {
    public func expireLeases(now: Date, retryAt: (RunRecord) -> Date?) async throws -> [RunRecord] {
        let expired = try await read("find expired leases") { db in
            try RunRow.fetchAll(db, "SELECT * FROM runs WHERE status = 'running' AND lease_expires < ? ORDER BY id",
                                [StoreTime.micros(now)])
        }
        // `retryAt` is the caller's (not Sendable) policy: decide outside the transaction, then apply
        // only to runs that are still in the state that was decided on.
        let plans = expired.map { run in (run, run.cancelRequested ? nil : retryAt(run)) }
        return try await loseWorkers(plans, reason: "lease expired", now: now) { current, seen in
            (current.leaseExpires.map { $0 < now } ?? false) && current.leaseExpires == seen.leaseExpires
        }
    }

    public func runsHeld(by worker: String) async throws -> [RunRecord] {
        try await read("find runs held by \(worker)") { db in
            try RunRow.fetchAll(db, "SELECT * FROM runs WHERE status = 'running' AND worker = ? ORDER BY id", [worker])
        }
    }

    public func reconcileAfterRestart(worker: String, now: Date, retryAt: (RunRecord) -> Date?) async throws -> [RunRecord] {
        let orphaned = try await runsHeld(by: worker)
        let plans = orphaned.map { run in (run, run.cancelRequested ? nil : retryAt(run)) }
        return try await loseWorkers(plans, reason: "worker restarted", now: now) { current, seen in
            current.leaseExpires == seen.leaseExpires
        }
    }

    /// Applies `loseWorker` to each planned run still held as it was when planned (same attempt,
    /// same worker, and whatever `stillApplies` checks), in one transaction.
    private func loseWorkers(
        _ plans: [(RunRecord, Date?)], reason: String, now: Date,
        stillApplies: @escaping @Sendable (RunRecord, RunRecord) -> Bool
    ) async throws -> [RunRecord] {
        if plans.isEmpty { return [] }
        return try await write("requeue runs whose worker was lost") { db in
            var changed: [RunRecord] = []
            for (seen, retryAt) in plans {
                guard var run = try RunRow.fetchOne(db, seen.id), run.status == .running,
                      run.attempt == seen.attempt, run.worker == seen.worker, stillApplies(run, seen)
                else { continue }
                let transition = run.loseWorker(reason: reason, retryAt: retryAt, now: now)
                try RunRow.update(db, run, transition)
                changed.append(run)
            }
            return changed
        }
    }
}
