/// Why `quire worker` cannot start.
public enum WorkerError: Error, CustomStringConvertible {
    /// A worker on SQLite shares the database file of a `quire serve` on the same machine; a
    /// missing file means a wrong path or a server not started yet (exit 2).
    case sqliteDatabaseMissing(path: String)
    /// The database or store was reachable enough to open but the worker could not get going (exit 3).
    case cannotStart(reason: String)

    public var description: String {
        switch self {
        case .sqliteDatabaseMissing(let path):
            "no SQLite database at \(path): a worker on SQLite shares the file of a `quire serve` on this machine; start the server first or fix the path (for workers on other machines use PostgreSQL)"
        case .cannotStart(let reason): reason
        }
    }
}
