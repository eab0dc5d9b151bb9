import Foundation
import GRDB

extension SQLiteSchedulingStore {
    public func countRuns(byStatus: Void) async throws -> [RunStatus: Int] {
        try await read("count runs") { db in
            var counts = Dictionary(uniqueKeysWithValues: RunStatus.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM runs GROUP BY status") {
                if let status = RunStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    public func queueDepth(now: Date) async throws -> Int {
        try await read("measure the queue") { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE status = 'queued' AND not_before <= ?",
                             arguments: [StoreTime.micros(now)]) ?? 0
        }
    }
}
