import Foundation
import PostgresNIO

extension PostgresSchedulingStore {
    public func appendEvents(_ events: [RunEvent]) async throws -> [RunEvent] {
        if events.isEmpty { return [] }
        // One statement for the whole batch, so one transaction and one round trip without
        // BEGIN/COMMIT around it; WITH ORDINALITY keeps the ids in the batch's order.
        let ids = try await rows("append \(events.count) run events", """
            INSERT INTO run_events (run_id, at, name, data)
            SELECT run_id, at, name, data
            FROM unnest(\(events.map(\.run))::text[], \(events.map { StoreTime.micros($0.at) })::bigint[],
                        \(events.map(\.name))::text[], \(events.map(\.storedData))::text[])
                WITH ORDINALITY AS e (run_id, at, name, data, n)
            ORDER BY n
            RETURNING id
            """).map { try $0.decode(Int64.self) }
        // RETURNING follows insertion order, and a sequence hands out ascending values within one
        // statement; sorting makes the pairing independent of the first.
        return zip(events, ids.sorted()).map { event, id in
            var stored = event
            stored.at = StoreTime.rounded(event.at)
            stored.sequence = id
            return stored
        }
    }

    public func events(of run: RunID, after: Int64, limit: Int) async throws -> [RunEvent] {
        guard Self.pageSizes.contains(limit) else { throw SchedulingStoreError.invalidLimit(limit) }
        return try await rows("read the events of run \(run)", """
            SELECT id, at, name, data FROM run_events WHERE run_id = \(run.rawValue) AND id > \(after)
            ORDER BY id LIMIT \(limit)
            """).map { row in
            let (id, at, name, data) = try row.decode((Int64, Int64, String, String).self)
            return try RunEvent.stored(run: run.rawValue, name: name, data: data, at: at, sequence: id, table: "run_events")
        }
    }

    public func pruneEvents(finishedBefore cutoff: Date) async throws -> Int {
        let finals = RunStatus.allCases.filter(\.isFinal).map(\.rawValue)
        let rows = try await rows("prune run events", """
            WITH gone AS (
                DELETE FROM run_events e
                WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = e.run_id AND NOT
                                  (r.status = ANY(\(finals)::text[]) AND coalesce(r.finished, 0) < \(StoreTime.micros(cutoff))))
                RETURNING 1
            )
            SELECT count(*) FROM gone
            """)
        return try rows.first.map { Int(try $0.decode(Int64.self)) } ?? 0
    }
}
