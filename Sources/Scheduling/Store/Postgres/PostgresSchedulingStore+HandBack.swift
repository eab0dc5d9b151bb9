import Foundation
import PostgresNIO

extension PostgresSchedulingStore {
    public func handBack(_ id: RunID, worker: String, reason: String, now: Date) async throws -> RunRecord {
        try await transaction("hand back run \(id)") { db in
            guard var run = try await PostgresRunRow.lock(db, id, logger: logger) else {
                throw SchedulingStoreError.runNotFound(id)
            }
            let seen = run
            let transition = try run.handBack(worker: worker, reason: reason, now: now)
            try await PostgresRunRow.save(db, run, transition, lockedAs: seen, logger: logger)
            return run
        }
    }
}
