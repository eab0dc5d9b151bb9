import Foundation
import GRDB

extension SQLiteSchedulingStore {
    public func appendEvents(_ events: [RunEvent]) async throws -> [RunEvent] {
        if events.isEmpty { return [] }
        return try await write("append \(events.count) run events") { db in
            try events.map { event in
                try db.execute(sql: "INSERT INTO run_events (run_id, at, name, data) VALUES (?, ?, ?, ?)",
                               arguments: [event.run, StoreTime.micros(event.at), event.name, event.storedData])
                var stored = event
                stored.at = StoreTime.rounded(event.at)
                stored.sequence = db.lastInsertedRowID
                return stored
            }
        }
    }

    public func events(of run: RunID, after: Int64, limit: Int) async throws -> [RunEvent] {
        guard Self.pageSizes.contains(limit) else { throw SchedulingStoreError.invalidLimit(limit) }
        return try await read("read the events of run \(run)") { db in
            try Row.fetchAll(db, sql: """
                SELECT id, at, name, data FROM run_events WHERE run_id = ? AND id > ? ORDER BY id LIMIT ?
                """, arguments: [run.rawValue, after, limit]).map { row in
                try RunEvent.stored(run: run.rawValue, name: row["name"], data: row["data"], at: row["at"],
                                    sequence: row["id"], table: "run_events")
            }
        }
    }

    public func pruneEvents(finishedBefore cutoff: Date) async throws -> Int {
        let finals = RunStatus.allCases.filter(\.isFinal).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try await write("prune run events") { db in
            try db.execute(sql: """
                DELETE FROM run_events WHERE NOT EXISTS (
                    SELECT 1 FROM runs r WHERE r.id = run_events.run_id
                    AND NOT (r.status IN (\(finals)) AND coalesce(r.finished, 0) < ?))
                """, arguments: [StoreTime.micros(cutoff)])
            return db.changesCount
        }
    }
}
