import Foundation
import PostgresNIO

extension PostgresSchedulingStore {
    /// Connects once (so that an unreachable server, a wrong password or a missing database is
    /// reported now, with the server's reason, rather than as a pool waiting forever) and applies
    /// the migrations this version knows and the database lacks. Several processes may start at
    /// once: a transaction-scoped advisory lock lets one migrate while the others wait, then find
    /// the work done.
    public func migrate() async throws {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try url.connectionConfiguration(), id: 0, logger: logger)
        } catch {
            throw SchedulingStoreError.cannotOpen(path: url.description, reason: Self.connectReason(error))
        }
        do {
            try await Self.migrate(connection, logger: logger, url: url)
            try? await connection.close()
        } catch {
            try? await connection.close()
            if let store = error as? SchedulingStoreError { throw store }
            throw SchedulingStoreError.cannotOpen(path: url.description, reason: "migration failed: \(Self.reason(error))")
        }
    }

    private static func migrate(_ db: PostgresConnection, logger: Logger, url: PostgresURL) async throws {
        try await db.runStatement("BEGIN", logger: logger)
        do {
            try await db.runStatement("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))", logger: logger)
            try await db.runStatement(PostgresQuery(unsafeSQL: PostgresSchema.bookkeeping), logger: logger)
            var applied = Set<Int>()
            for try await version in try await db.query("SELECT version FROM quire_schema_migrations", logger: logger)
                .decode(Int.self) { applied.insert(version) }
            let known = Set(PostgresSchema.migrations.map(\.version))
            // A newer Quire may have changed the schema in ways this version would corrupt.
            let unknown = applied.subtracting(known).sorted()
            if !unknown.isEmpty {
                throw SchedulingStoreError.cannotOpen(
                    path: url.description,
                    reason: "written by a newer version of Quire (unknown schema migrations: "
                        + unknown.map(String.init).joined(separator: ", ") + ")")
            }
            let now = StoreTime.micros(Date())
            for migration in PostgresSchema.migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await db.runStatement(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await db.runStatement("""
                    INSERT INTO quire_schema_migrations (version, name, applied)
                    VALUES (\(migration.version), \(migration.name), \(now))
                    """, logger: logger)
            }
            try await db.runStatement("COMMIT", logger: logger)
        } catch {
            _ = try? await db.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// Connection failures come wrapped; the useful part is the server's message or the socket's.
    static func connectReason(_ error: any Error) -> String {
        if let psql = error as? PSQLError, psql.serverInfo == nil, let underlying = psql.underlying {
            return "cannot connect: \(underlying)"
        }
        return reason(error)
    }
}
