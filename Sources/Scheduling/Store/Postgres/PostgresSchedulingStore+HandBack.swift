import Foundation
import PostgresNIO

extension PostgresSchedulingStore {
    public func handBack(_ id: RunID, worker: String, reason: String, now: Date) async throws -> RunRecord {
        try await transaction("hand back run \(id)") { db in
            guard var run = try await PostgresRunRow.lock(db, id, logger: logger) else {
                throw SchedulingStoreError.runNotFound(id)
            }
            let transition = try run.handBack(worker: worker, reason: reason, now: now)
            try await PostgresRunRow.update(db, run, transition, logger: logger)
            // The one change `update` does not save (no other state change touches the budget).
            try await db.runStatement("UPDATE runs SET max_attempts = \(run.maxAttempts) WHERE id = \(id.rawValue)", logger: logger)
            return run
        }
    }
}
