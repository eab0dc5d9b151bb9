import Foundation
import GRDB
import NotebookFormat

extension RunRow {
    static func decode(_ row: Row) throws(SchedulingStoreError) -> RunRecord {
        let rawID: String = row["id"]
        func corrupt(_ column: String, _ reason: String) -> SchedulingStoreError {
            .corruptRecord(table: "runs", key: rawID, column: column, reason: reason)
        }
        guard let id = RunID(rawID) else { throw corrupt("id", "not a run id") }
        guard let status = RunStatus(rawValue: row["status"]) else {
            throw corrupt("status", "unknown status \(String(describing: row["status"] as String?))")
        }
        var rerunOf: RunID?
        if let raw: String = row["rerun_of"] {
            guard let parsed = RunID(raw) else { throw corrupt("rerun_of", "\(raw) is not a run id") }
            rerunOf = parsed
        }
        let date = { (column: String) -> Date? in (row[column] as Int64?).map(StoreTime.date) }
        var error: RunErrorSummary?
        if let ename: String = row["error_ename"] {
            error = RunErrorSummary(ename: ename, evalue: row["error_evalue"] ?? "", cell: row["error_cell"])
        }
        return RunRecord(
            id: id, job: row["job"], notebook: row["notebook"],
            parameters: try json(row, "parameters", corrupt), secretNames: try strings(row, "secret_names", corrupt),
            kernel: row["kernel"], kernelResolved: row["kernel_resolved"], timeout: row["timeout"],
            attempt: row["attempt"], maxAttempts: row["max_attempts"], retryBackoff: row["retry_backoff"],
            maxBackoff: row["max_backoff"], status: status, tags: try strings(row, "tags", corrupt),
            owner: row["owner"], labels: try strings(row, "labels", corrupt), scheduledFor: date("scheduled_for"),
            idempotencyKey: row["idempotency_key"], rerunOf: rerunOf, spec: try json(row, "spec", corrupt),
            created: StoreTime.date(row["created"]), notBefore: StoreTime.date(row["not_before"]),
            started: date("started"), finished: date("finished"), worker: row["worker"],
            leaseExpires: date("lease_expires"), cancelRequested: row["cancel_requested"],
            inputSHA256: row["input_sha256"], inputSnapshot: row["input_snapshot"], output: row["output"],
            error: error)
    }

    static func decodeTransition(_ row: Row) throws(SchedulingStoreError) -> RunTransition {
        let rawID: String = row["run_id"]
        let seq: Int64 = row["seq"]
        guard let id = RunID(rawID), let status = RunStatus(rawValue: row["status"]) else {
            throw .corruptRecord(table: "run_transitions", key: "\(seq)", column: "run_id/status",
                                 reason: "not a run id and status")
        }
        return RunTransition(
            run: id, attempt: row["attempt"], status: status, at: StoreTime.date(row["at"]), worker: row["worker"],
            note: row["note"])
    }

    static func json(_ row: Row, _ column: String, _ corrupt: (String, String) -> SchedulingStoreError)
        throws(SchedulingStoreError) -> JSONValue
    {
        let text: String = row[column]
        do { return try JSONValue.parse(text) } catch { throw corrupt(column, "invalid JSON: \(error)") }
    }

    static func strings(_ row: Row, _ column: String, _ corrupt: (String, String) -> SchedulingStoreError)
        throws(SchedulingStoreError) -> [String]
    {
        guard case .array(let items) = try json(row, column, corrupt) else {
            throw corrupt(column, "not a JSON array of strings")
        }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw corrupt(column, "not a JSON array of strings") }
            out.append(s)
        }
        return out
    }
}
