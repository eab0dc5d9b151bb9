import Foundation
import Logging
import PostgresNIO

/// The scale-out backend: one PostgreSQL database shared by every `quire serve` and worker
/// process. Coordination is the database's own: row locks (`FOR UPDATE`, `SKIP LOCKED` for the
/// queue), unique indexes for slots and idempotency keys, and an advisory lock around migrations.
///
/// Open it with `open(url:)`, which connects once to report a bad URL, an unreachable server or a
/// wrong password at start-up and applies the schema migrations; later operations use a pool.
public final class PostgresSchedulingStore: SchedulingStore {
    /// Where the database is (the password is masked in `description`).
    public let url: PostgresURL
    let client: PostgresClient
    let logger: Logger
    /// The longest any one operation may take, waiting for a connection included.
    let operationTimeout: Duration
    private let clientTask: Task<Void, Never>

    /// Parses `url` and prepares a connection pool (see `init(url:maximumConnections:logger:)`
    /// taking a parsed URL).
    public convenience init(url: String, maximumConnections: Int = 20, logger: Logger = Logger(label: "quire.postgres")) throws {
        try self.init(url: try PostgresURL(url), maximumConnections: maximumConnections, logger: logger)
    }

    /// Prepares a connection pool of up to `maximumConnections`, run in the background until the
    /// store is released or `shutdown()`. Does not connect: call `migrate()` (or use `open(url:)`)
    /// before the first operation.
    /// Each operation fails with `.unavailable` after `operationTimeout` without an answer (a
    /// server that is down, restarting or unreachable) rather than waiting for it to return.
    public init(url: PostgresURL, maximumConnections: Int = 20, operationTimeout: Duration = .seconds(15),
                logger: Logger = Logger(label: "quire.postgres")) throws {
        guard maximumConnections >= 1 else {
            throw SchedulingStoreError.invalidDatabaseURL(url.description, reason: "a pool needs at least one connection")
        }
        var config = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password,
            database: url.database, tls: url.clientTLS)
        config.options.maximumConnections = maximumConnections
        config.options.connectTimeout = .seconds(10)
        let client = PostgresClient(configuration: config, backgroundLogger: logger)
        self.url = url
        self.client = client
        self.logger = logger
        self.operationTimeout = operationTimeout
        clientTask = Task { await client.run() }
    }

    /// Connects, migrates the schema and returns a store ready for use.
    public static func open(
        url: String, maximumConnections: Int = 20, logger: Logger = Logger(label: "quire.postgres")
    ) async throws -> PostgresSchedulingStore {
        try await open(url: try PostgresURL(url), maximumConnections: maximumConnections, logger: logger)
    }

    /// Connects, migrates the schema and returns a store ready for use.
    public static func open(
        url: PostgresURL, maximumConnections: Int = 20, operationTimeout: Duration = .seconds(15),
        logger: Logger = Logger(label: "quire.postgres")
    ) async throws -> PostgresSchedulingStore {
        let store = try PostgresSchedulingStore(url: url, maximumConnections: maximumConnections,
                                                operationTimeout: operationTimeout, logger: logger)
        do {
            try await store.migrate()
        } catch {
            await store.shutdown()
            throw error
        }
        return store
    }

    deinit { clientTask.cancel() }

    /// Closes the pool's connections; operations afterwards fail.
    public func shutdown() async {
        clientTask.cancel()
        await clientTask.value
    }

    // MARK: Database access

    /// Runs `body` in one transaction on a pooled connection (READ COMMITTED: bodies lock the rows
    /// they change with `FOR UPDATE` before deciding).
    func transaction<T: Sendable>(
        _ operation: String, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        do {
            return try await withBoundedConnection(operation) { connection in
                try await connection.runStatement("BEGIN", logger: logger)
                do {
                    let value = try await body(connection)
                    try await connection.runStatement("COMMIT", logger: logger)
                    return value
                } catch {
                    // A broken connection rolls back by itself; the first error is the one to report.
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            throw Self.mapped(error, operation)
        }
    }

    /// Runs one statement outside any explicit transaction and returns its rows.
    func rows(_ operation: String, _ query: PostgresQuery) async throws -> [PostgresRow] {
        do {
            return try await withBoundedConnection(operation) { try await $0.query(query, logger: logger).collect() }
        } catch {
            throw Self.mapped(error, operation)
        }
    }

    static func mapped(_ error: any Error, _ operation: String) -> any Error {
        if error is SchedulingStoreError || error is CancellationError { return error }
        if isConnectionLoss(error) { return SchedulingStoreError.unavailable(operation: operation, reason: reason(error)) }
        return SchedulingStoreError.database(operation: operation, reason: reason(error))
    }

    /// What went wrong in words: PSQLError's own description hides the server's message.
    static func reason(_ error: any Error) -> String {
        guard let psql = error as? PSQLError else { return "\(error)" }
        if let info = psql.serverInfo {
            let message = info[.message] ?? "server error"
            let detail = info[.detail].map { " (\($0))" } ?? ""
            return "\(message)\(detail) [SQLSTATE \(info[.sqlState] ?? "?")]"
        }
        if let underlying = psql.underlying { return "\(psql.code): \(underlying)" }
        return "\(psql.code)"
    }

    /// The SQLSTATE of a server error, e.g. 23505 for a unique violation.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }
}
