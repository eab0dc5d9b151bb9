import Foundation

/// Everything the run/job store can refuse or fail at, with what a user (or the API layer mapping
/// it to an HTTP status) needs to act on it.
public enum SchedulingStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A new run has a field no backend stores (empty notebook, `maxAttempts` < 1, ...).
    case invalidRun(field: String, reason: String)
    /// `fireSlot` needs both a job and a slot time.
    case slotRequired(missing: String)
    /// `createRun` was given a job and slot that already have a run (`fireSlot` answers nil instead).
    case slotTaken(job: String, scheduledFor: Date, existing: RunID)
    /// A listing page size outside 1...500.
    case invalidLimit(Int)
    /// A listing cursor that no listing returned.
    case invalidCursor(String, reason: String)
    case runNotFound(RunID)
    /// The worker no longer holds the run (lease expired and reaped, run finished or taken by another
    /// worker); what it wanted to write is dropped.
    case leaseLost(RunID, worker: String, status: RunStatus, holder: String?)
    /// The run already reached a final status (409 upstream).
    case alreadyFinished(RunID, status: RunStatus)
    /// A job definition the store refuses (empty name, unknown source).
    case invalidJob(name: String, reason: String)
    /// A configuration reload tried to replace a job created through the API.
    case jobSourceConflict(name: String, existingSource: String)
    /// The database file cannot be created or opened (bad folder, not a database, newer schema).
    case cannotOpen(path: String, reason: String)
    /// A stored row cannot be read back (edited by hand, or written by an incompatible version).
    case corruptRecord(table: String, key: String, column: String, reason: String)
    /// A `--database` URL that names no usable PostgreSQL database (password already masked).
    case invalidDatabaseURL(String, reason: String)
    /// The database failed an operation (disk full, locked past the busy timeout, I/O error).
    case database(operation: String, reason: String)
    /// The database did not answer in time or the connection broke (server down, restarting,
    /// unreachable). An operation cut off mid-way may or may not have been applied; retrying it later
    /// is safe, since the run state machine refuses a second ending.
    case unavailable(operation: String, reason: String)

    public var description: String {
        switch self {
        case .invalidRun(let field, let reason): "invalid run: \(field) \(reason)"
        case .slotRequired(let missing): "cannot fire a schedule slot without \(missing)"
        case .slotTaken(let job, let slot, let existing):
            "job \(job) already has run \(existing) for the slot \(Self.iso(slot))"
        case .invalidLimit(let n): "page size \(n) is out of range; it must be between 1 and 500"
        case .invalidCursor(let c, let reason): "invalid cursor \(c.debugDescription): \(reason)"
        case .runNotFound(let id): "run \(id) not found"
        case .leaseLost(let id, let worker, let status, let holder):
            "worker \(worker) no longer holds run \(id) (status \(status.rawValue)"
                + (holder.map { ", held by \($0))" } ?? ")")
        case .alreadyFinished(let id, let status): "run \(id) already finished (\(status.rawValue))"
        case .invalidJob(let name, let reason): "invalid job \(name.debugDescription): \(reason)"
        case .jobSourceConflict(let name, let source):
            "job \(name) exists from the \(source == "api" ? "API" : source); the configuration cannot replace it"
        case .cannotOpen(let path, let reason): "\(path): cannot open the run database: \(reason)"
        case .corruptRecord(let table, let key, let column, let reason):
            "\(table) \(key): column \(column) cannot be read: \(reason)"
        case .invalidDatabaseURL(let url, let reason): "invalid database URL \(url): \(reason)"
        case .database(let operation, let reason): "run database failed to \(operation): \(reason)"
        case .unavailable(let operation, let reason): "run database unavailable (could not \(operation)): \(reason)"
        }
    }

    /// Whether trying the same operation again later may succeed: the database was unreachable
    /// or failed (not a refusal about the run itself, which retrying would only repeat).
    public var isTransient: Bool {
        switch self {
        case .unavailable, .database: true
        default: false
        }
    }

    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
