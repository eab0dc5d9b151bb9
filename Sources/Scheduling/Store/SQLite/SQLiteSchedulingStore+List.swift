import Foundation
import GRDB

extension SQLiteSchedulingStore {
    public static let pageSizes = 1...500

    public func listRuns(_ filter: RunFilter, limit: Int, cursor: String?) async throws -> RunPage {
        guard Self.pageSizes.contains(limit) else { throw SchedulingStoreError.invalidLimit(limit) }
        let after = try cursor.map { c throws(SchedulingStoreError) in try RunCursor.decode(c) }
        // Keyset pagination: one row more than the page tells whether a next page exists.
        let (sql, values) = Self.listing(filter, after: after, rows: limit + 1)
        let arguments = StatementArguments(values)
        let rows = try await read("list runs") { db in try RunRow.fetchAll(db, sql, arguments) }
        let page = Array(rows.prefix(limit))
        let next = rows.count > limit ? page.last.map { RunCursor.encode($0.id) } : nil
        return RunPage(runs: page, nextCursor: next)
    }

    /// One status walks the (status, id) index newest first. Several statuses would make SQLite
    /// sort every match, so each gets its own index walk of `rows` rows, merged afterwards.
    static func listing(_ f: RunFilter, after: RunID?, rows: Int) -> (String, [(any DatabaseValueConvertible)?]) {
        let (terms, args) = conditions(f, after: after)
        let statuses = Array(Set(f.status)).sorted { $0.rawValue < $1.rawValue }
        func select(_ extra: [String]) -> String {
            let all = extra + terms
            return "SELECT * FROM runs" + (all.isEmpty ? "" : " WHERE " + all.joined(separator: " AND "))
                + " ORDER BY id DESC LIMIT \(rows)"
        }
        if statuses.count <= 1 {
            return (select(statuses.isEmpty ? [] : ["status = ?"]), statuses.map(\.rawValue) + args)
        }
        let branches = statuses.map { _ in "SELECT * FROM (\(select(["status = ?"])))" }
        let sql = "SELECT * FROM (" + branches.joined(separator: " UNION ALL ") + ") ORDER BY id DESC LIMIT \(rows)"
        return (sql, statuses.flatMap { [$0.rawValue] + args })
    }

    /// Every filter but the status. Creation bounds also bound the id (ids start with their
    /// creation millisecond), so a time window is a range of the primary key, not a scan.
    static func conditions(_ f: RunFilter, after: RunID?) -> ([String], [(any DatabaseValueConvertible)?]) {
        var terms: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        if let after {
            terms.append("id < ?")
            args.append(after.rawValue)
        }
        if let job = f.job {
            terms.append("job = ?")
            args.append(job)
        }
        if let owner = f.owner {
            terms.append("owner = ?")
            args.append(owner)
        }
        if let a = f.createdAfter {
            // Same millisecond rule as the id; widened by 1 ms all the same, the exact test follows.
            terms += ["id >= ?", "created > ?"]
            args += [RunID.prefix(milliseconds: RunID.milliseconds(a) - 1), StoreTime.micros(a)]
        }
        if let b = f.createdBefore {
            terms += ["id < ?", "created < ?"]
            args += [RunID.prefix(milliseconds: RunID.milliseconds(b) + 2), StoreTime.micros(b)]
        }
        // With a job, owner or status filter the scan walks that index newest first and probes the
        // side table per row, stopping at the page size (a common value like region=eu would
        // otherwise be materialised whole); alone, the side table's matches are the smaller set.
        let probe = f.job != nil || f.owner != nil || !f.status.isEmpty
        if let tag = f.tag {
            terms.append(probe ? "EXISTS (SELECT 1 FROM run_tags WHERE tag = ? AND run_id = runs.id)"
                               : "id IN (SELECT run_id FROM run_tags WHERE tag = ?)")
            args.append(tag)
        }
        if let p = f.parameter {
            terms.append(probe ? "EXISTS (SELECT 1 FROM run_params WHERE name = ? AND value = ? AND run_id = runs.id)"
                               : "id IN (SELECT run_id FROM run_params WHERE name = ? AND value = ?)")
            args += [p.name, p.value]
        }
        return (terms, args)
    }
}
