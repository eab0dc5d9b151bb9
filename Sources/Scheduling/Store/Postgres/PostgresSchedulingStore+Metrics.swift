import Foundation
import PostgresNIO

extension PostgresSchedulingStore {
    public func countRuns(byStatus: Void) async throws -> [RunStatus: Int] {
        var counts = Dictionary(uniqueKeysWithValues: RunStatus.allCases.map { ($0, 0) })
        for row in try await rows("count runs", "SELECT status, count(*) FROM runs GROUP BY status") {
            let (raw, n) = try row.decode((String, Int).self)
            if let status = RunStatus(rawValue: raw) { counts[status] = n }
        }
        return counts
    }

    public func queueDepth(now: Date) async throws -> Int {
        let rows = try await rows("measure the queue", """
            SELECT count(*) FROM runs WHERE status = 'queued' AND not_before <= \(StoreTime.micros(now))
            """)
        return try rows.first?.decode(Int.self) ?? 0
    }
}
