import Foundation
import GRDB

/// The embedded backend: one SQLite file in WAL mode, shared safely by every connection and process
/// that opens it (writes are IMMEDIATE transactions, waiting up to `busyTimeout` for the lock).
public final class SQLiteSchedulingStore: SchedulingStore {
    let writer: any DatabaseWriter
    /// The database file; nil for an in-memory store.
    public let path: String?

    /// How long a write waits for another connection's write lock before failing.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (creating the file and its folders if needed) and migrates the database at `path`.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw SchedulingStoreError.cannotOpen(path: path, reason: "cannot create its folder: \(Self.reason(error))")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: Self.configuration())
            try Self.migrate(pool)
            writer = pool
        } catch let error as SchedulingStoreError {
            throw error
        } catch {
            throw SchedulingStoreError.cannotOpen(path: path, reason: Self.reason(error))
        }
        self.path = path
    }

    /// A private database that lives as long as the store (tests, `quire serve --ephemeral`).
    public static func inMemory() throws -> SQLiteSchedulingStore {
        do {
            let queue = try DatabaseQueue(configuration: configuration())
            try migrate(queue)
            return SQLiteSchedulingStore(writer: queue)
        } catch {
            throw SchedulingStoreError.cannotOpen(path: ":memory:", reason: reason(error))
        }
    }

    private init(writer: any DatabaseWriter) {
        self.writer = writer
        path = nil
    }

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "quire-scheduling"
        return config
    }

    private static func migrate(_ writer: any DatabaseWriter) throws {
        let migrator = SQLiteSchema.migrator
        // A newer Quire may have changed the schema in ways this version would corrupt.
        if try writer.read({ try migrator.hasBeenSuperseded($0) }) {
            let applied = try writer.read { try migrator.appliedIdentifiers($0) }
            let known = Set(migrator.migrations)
            let unknown = applied.subtracting(known).sorted().joined(separator: ", ")
            throw SchedulingStoreError.cannotOpen(
                path: (writer as? DatabasePool)?.path ?? ":memory:",
                reason: "written by a newer version of Quire (unknown schema migrations: \(unknown))")
        }
        // Processes creating the same new file race between the migrator's check and its
        // transaction; the loser finds the work done, or done a moment later.
        for attempt in 1...5 {
            do {
                try migrator.migrate(writer)
                return
            } catch {
                if try writer.read({ try migrator.hasCompletedMigrations($0) }) { return }
                if attempt == 5 { throw error }
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }

    // MARK: Database access

    /// Runs `body` in one IMMEDIATE write transaction, so that what it reads cannot change before
    /// it writes, even from another process.
    func write<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch {
            throw Self.mapped(error, operation)
        }
    }

    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch {
            throw Self.mapped(error, operation)
        }
    }

    private static func mapped(_ error: any Error, _ operation: String) -> any Error {
        if error is SchedulingStoreError || error is CancellationError { return error }
        return SchedulingStoreError.database(operation: operation, reason: reason(error))
    }

    static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError {
            return db.message.map { "\($0) (SQLite code \(db.extendedResultCode.rawValue))" } ?? "\(db)"
        }
        if let ns = error as? CocoaError, let underlying = ns.underlying { return underlying.localizedDescription }
        return "\(error)"
    }
}
