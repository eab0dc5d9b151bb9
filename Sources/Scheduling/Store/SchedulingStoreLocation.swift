import Foundation
import Logging

/// Which backend holds the runs and jobs, as `--database` / `QUIRE_DATABASE_URL` name it: a SQLite
/// file (`sqlite:PATH` or a plain path) or a PostgreSQL database (`postgres://…`).
public enum SchedulingStoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// Parses `text`; a URL of any other scheme is refused rather than taken for a file name.
    public init(_ text: String) throws(SchedulingStoreError) {
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .invalidDatabaseURL(text, reason: "sqlite: needs a file path") }
            self = .sqlite(path: path)
        } else if PostgresURL.isPostgres(text) {
            self = .postgres(try PostgresURL(text))
        } else if let scheme = text.range(of: "://"), !text[..<scheme.lowerBound].contains("/") {
            throw .invalidDatabaseURL(PostgresURL.masked(text),
                                      reason: "unknown scheme; use a SQLite file path, sqlite:PATH or postgres://…")
        } else if text.isEmpty {
            throw .invalidDatabaseURL(text, reason: "empty; use a SQLite file path, sqlite:PATH or postgres://…")
        } else {
            self = .sqlite(path: text)
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): url.description
        }
    }

    /// Opens the store (creating and migrating it as needed). A PostgreSQL store should be closed
    /// with `PostgresSchedulingStore.shutdown()` when the process is done with it.
    /// `operationTimeout` bounds each PostgreSQL operation (see `PostgresSchedulingStore`).
    public func open(logger: Logger = Logger(label: "quire.store"), operationTimeout: Duration = .seconds(15)) async throws
        -> any SchedulingStore
    {
        switch self {
        case .sqlite(let path): try SQLiteSchedulingStore(path: path)
        case .postgres(let url): try await PostgresSchedulingStore.open(url: url, operationTimeout: operationTimeout, logger: logger)
        }
    }
}
