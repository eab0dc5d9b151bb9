import Foundation
import NotebookFormat
import PostgresNIO

extension PostgresRunRow {
    /// Column access that turns a type mismatch into `corruptRecord` naming the column.
    struct Columns {
        let row: PostgresRandomAccessRow
        let table: String
        let key: String

        func corrupt(_ column: String, _ reason: String) -> SchedulingStoreError {
            .corruptRecord(table: table, key: key, column: column, reason: reason)
        }

        func get<T: PostgresDecodable>(_ column: String, _ type: T.Type = T.self) throws(SchedulingStoreError) -> T {
            guard row.contains(column) else { throw corrupt(column, "missing from the row") }
            do { return try row[column].decode(T.self) } catch { throw corrupt(column, "\(error)") }
        }

        func date(_ column: String) throws(SchedulingStoreError) -> Date { StoreTime.date(try get(column, Int64.self)) }

        func optionalDate(_ column: String) throws(SchedulingStoreError) -> Date? {
            try get(column, Int64?.self).map(StoreTime.date)
        }

        func json(_ column: String) throws(SchedulingStoreError) -> JSONValue {
            let text = try get(column, String.self)
            do { return try JSONValue.parse(text) } catch { throw corrupt(column, "invalid JSON: \(error)") }
        }

        func status(_ column: String) throws(SchedulingStoreError) -> RunStatus {
            let raw = try get(column, String.self)
            guard let status = RunStatus(rawValue: raw) else { throw corrupt(column, "unknown status \(raw)") }
            return status
        }
    }

    static func decode(_ row: PostgresRow) throws(SchedulingStoreError) -> RunRecord {
        let random = row.makeRandomAccess()
        let rawID = (try? random["id"].decode(String.self)) ?? "?"
        let c = Columns(row: random, table: "runs", key: rawID)
        guard let id = RunID(rawID) else { throw c.corrupt("id", "not a run id") }
        var rerunOf: RunID?
        if let raw = try c.get("rerun_of", String?.self) {
            guard let parsed = RunID(raw) else { throw c.corrupt("rerun_of", "\(raw) is not a run id") }
            rerunOf = parsed
        }
        var error: RunErrorSummary?
        if let ename = try c.get("error_ename", String?.self) {
            error = RunErrorSummary(ename: ename, evalue: try c.get("error_evalue", String?.self) ?? "",
                                    cell: try c.get("error_cell", Int?.self))
        }
        return RunRecord(
            id: id, job: try c.get("job"), notebook: try c.get("notebook"), parameters: try c.json("parameters"),
            secretNames: try c.get("secret_names"), kernel: try c.get("kernel"),
            kernelResolved: try c.get("kernel_resolved"), timeout: try c.get("timeout"), attempt: try c.get("attempt"),
            maxAttempts: try c.get("max_attempts"), retryBackoff: try c.get("retry_backoff"),
            maxBackoff: try c.get("max_backoff"), status: try c.status("status"), tags: try c.get("tags"),
            owner: try c.get("owner"), labels: try c.get("labels"), scheduledFor: try c.optionalDate("scheduled_for"),
            idempotencyKey: try c.get("idempotency_key"), rerunOf: rerunOf, spec: try c.json("spec"),
            created: try c.date("created"), notBefore: try c.date("not_before"), started: try c.optionalDate("started"),
            finished: try c.optionalDate("finished"), worker: try c.get("worker"),
            leaseExpires: try c.optionalDate("lease_expires"), cancelRequested: try c.get("cancel_requested"),
            inputSHA256: try c.get("input_sha256"), inputSnapshot: try c.get("input_snapshot"),
            output: try c.get("output"), error: error)
    }

    static func decodeTransition(_ row: PostgresRow) throws(SchedulingStoreError) -> RunTransition {
        let random = row.makeRandomAccess()
        let seq = (try? random["seq"].decode(Int64.self)).map(String.init) ?? "?"
        let c = Columns(row: random, table: "run_transitions", key: seq)
        guard let id = RunID(try c.get("run_id", String.self)) else { throw c.corrupt("run_id", "not a run id") }
        return RunTransition(
            run: id, attempt: try c.get("attempt"), status: try c.status("status"), at: try c.date("at"),
            worker: try c.get("worker"), note: try c.get("note"))
    }
}
