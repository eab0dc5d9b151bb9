import Foundation
import PostgresNIO

extension PostgresSchedulingStore {
    public static let pageSizes = 1...500

    public func listRuns(_ filter: RunFilter, limit: Int, cursor: String?) async throws -> RunPage {
        guard Self.pageSizes.contains(limit) else { throw SchedulingStoreError.invalidLimit(limit) }
        let after = try cursor.map { c throws(SchedulingStoreError) in try RunCursor.decode(c) }
        // Keyset pagination: one row more than the page tells whether a next page exists.
        let query = try Self.listing(filter, after: after, rows: limit + 1)
        let rows = try await rows("list runs", query).map(PostgresRunRow.decode)
        let page = Array(rows.prefix(limit))
        let next = rows.count > limit ? page.last.map { RunCursor.encode($0.id) } : nil
        return RunPage(runs: page, nextCursor: next)
    }

    /// The newest-first listing: every filter is a condition on `runs` walking the primary key
    /// backwards (or the (job|status|owner, id) index the planner prefers).
    static func listing(_ f: RunFilter, after: RunID?, rows: Int) throws -> PostgresQuery {
        var terms: [String] = []
        var binds = PostgresBindings()
        func bind<T: PostgresThrowingDynamicTypeEncodable>(_ value: T) throws -> String {
            try binds.append(value)
            return "$\(binds.count)"
        }
        let statuses = Array(Set(f.status.map(\.rawValue))).sorted()
        if !statuses.isEmpty { terms.append("status = ANY(\(try bind(statuses))::text[])") }
        if let after { terms.append("id < \(try bind(after.rawValue))") }
        if let job = f.job { terms.append("job = \(try bind(job))") }
        if let owner = f.owner { terms.append("owner = \(try bind(owner))") }
        // Creation bounds also bound the id (ids start with their creation millisecond), so a time
        // window is a range of the primary key; widened by 1 ms, the exact test follows.
        if let a = f.createdAfter {
            terms.append("id >= \(try bind(RunID.prefix(milliseconds: RunID.milliseconds(a) - 1)))")
            terms.append("created > \(try bind(StoreTime.micros(a)))")
        }
        if let b = f.createdBefore {
            terms.append("id < \(try bind(RunID.prefix(milliseconds: RunID.milliseconds(b) + 2)))")
            terms.append("created < \(try bind(StoreTime.micros(b)))")
        }
        if let tag = f.tag { terms.append("id IN (SELECT run_id FROM run_tags WHERE tag = \(try bind(tag)))") }
        if let p = f.parameter {
            terms.append("""
                id IN (SELECT run_id FROM run_params WHERE name = \(try bind(p.name)) AND value = \(try bind(p.value)))
                """)
        }
        let sql = "SELECT * FROM runs" + (terms.isEmpty ? "" : " WHERE " + terms.joined(separator: " AND "))
            + " ORDER BY id DESC LIMIT \(rows)"
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
