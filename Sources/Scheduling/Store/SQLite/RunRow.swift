import Foundation
import GRDB
import NotebookFormat

/// Reads and writes `RunRecord`s as rows of `runs` (with their `run_tags`, `run_params` and
/// `run_transitions` rows).
enum RunRow {
    static let insertColumns = [
        "id", "job", "notebook", "parameters", "secret_names", "kernel", "kernel_resolved", "timeout", "attempt",
        "max_attempts", "retry_backoff", "max_backoff", "status", "tags", "owner", "labels", "scheduled_for",
        "idempotency_key", "rerun_of", "spec", "created", "not_before", "started", "finished", "worker",
        "lease_expires", "cancel_requested", "input_sha256", "input_snapshot", "output", "error_ename",
        "error_evalue", "error_cell",
    ]
    /// What changes after creation; the rest of a run is immutable.
    static let mutableColumns = [
        "kernel_resolved", "attempt", "status", "not_before", "started", "finished", "worker", "lease_expires",
        "cancel_requested", "input_sha256", "input_snapshot", "output", "error_ename", "error_evalue", "error_cell",
    ]

    static let insertSQL = "INSERT INTO runs (\(insertColumns.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: insertColumns.count).joined(separator: ", ") + ")"
    static let updateSQL = "UPDATE runs SET " + mutableColumns.map { "\($0) = ?" }.joined(separator: ", ")
        + " WHERE id = ?"

    /// Inserts a new run with its index rows and its first transition.
    static func insert(_ db: Database, _ r: RunRecord, note: String?) throws {
        let micros = StoreTime.micros
        let args: [(any DatabaseValueConvertible)?] = [
            r.id.rawValue, r.job, r.notebook, text(r.parameters), strings(r.secretNames), r.kernel,
            r.kernelResolved, r.timeout, r.attempt, r.maxAttempts, r.retryBackoff, r.maxBackoff,
            r.status.rawValue, strings(r.tags), r.owner, strings(r.labels), r.scheduledFor.map(micros),
            r.idempotencyKey, r.rerunOf?.rawValue, text(r.spec), micros(r.created), micros(r.notBefore),
            r.started.map(micros), r.finished.map(micros), r.worker, r.leaseExpires.map(micros), r.cancelRequested,
            r.inputSHA256, r.inputSnapshot, r.output, r.error?.ename, r.error?.evalue, r.error?.cell,
        ]
        try db.cachedStatement(sql: insertSQL).execute(arguments: StatementArguments(args))
        for tag in Set(r.tags) {
            try db.cachedStatement(sql: "INSERT INTO run_tags (tag, run_id) VALUES (?, ?)")
                .execute(arguments: [tag, r.id.rawValue])
        }
        for p in RunFilter.parameterTexts(r.parameters) {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO run_params (name, value, run_id) VALUES (?, ?, ?)")
                .execute(arguments: [p.name, p.text, r.id.rawValue])
        }
        try record(db, r.transition(note, at: r.created))
    }

    /// Saves the mutable fields of `r` and records `transition` if there is one.
    static func update(_ db: Database, _ r: RunRecord, _ transition: RunTransition?) throws {
        let micros = StoreTime.micros
        let args: [(any DatabaseValueConvertible)?] = [
            r.kernelResolved, r.attempt, r.status.rawValue, micros(r.notBefore), r.started.map(micros),
            r.finished.map(micros), r.worker, r.leaseExpires.map(micros), r.cancelRequested, r.inputSHA256,
            r.inputSnapshot, r.output, r.error?.ename, r.error?.evalue, r.error?.cell, r.id.rawValue,
        ]
        try db.cachedStatement(sql: updateSQL).execute(arguments: StatementArguments(args))
        if let transition { try record(db, transition) }
    }

    static func record(_ db: Database, _ t: RunTransition) throws {
        try db.cachedStatement(
            sql: "INSERT INTO run_transitions (run_id, attempt, status, at, worker, note) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [t.run.rawValue, t.attempt, t.status.rawValue, StoreTime.micros(t.at), t.worker, t.note])
    }

    static func fetchOne(_ db: Database, _ id: RunID) throws -> RunRecord? {
        try fetchAll(db, "SELECT * FROM runs WHERE id = ?", [id.rawValue]).first
    }

    static func fetchAll(_ db: Database, _ sql: String, _ arguments: StatementArguments = []) throws -> [RunRecord] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map(decode)
    }

    static func text(_ value: JSONValue) -> String { String(decoding: value.serialized(.compact), as: UTF8.self) }

    static func strings(_ list: [String]) -> String { text(.array(list.map(JSONValue.string))) }
}
