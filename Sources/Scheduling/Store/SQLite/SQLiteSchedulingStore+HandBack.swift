import Foundation
import GRDB

extension SQLiteSchedulingStore {
    public func handBack(_ id: RunID, worker: String, reason: String, now: Date) async throws -> RunRecord {
        try await write("hand back run \(id)") { db in
            guard var run = try RunRow.fetchOne(db, id) else { throw SchedulingStoreError.runNotFound(id) }
            let transition = try run.handBack(worker: worker, reason: reason, now: now)
            try RunRow.update(db, run, transition)
            // The one change `update` does not save (no other state change touches the budget).
            try db.execute(sql: "UPDATE runs SET max_attempts = ? WHERE id = ?", arguments: [run.maxAttempts, id.rawValue])
            return run
        }
    }
}
