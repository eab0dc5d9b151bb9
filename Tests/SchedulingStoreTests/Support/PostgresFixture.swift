import Foundation
import PostgresNIO
import QuireTestSupport
import Scheduling

/// A fresh database on the suite's shared PostgreSQL server; every `connect` is a new store with
/// its own pool, as another process would have. `cleanUp` closes them and drops the database.
struct PostgresFixture: StoreFixture {
    let database: String
    let url: String
    private let opened = OpenedStores()
    var isPersistent: Bool { true }

    init() async throws {
        database = try await PostgresTestServer.shared.createDatabase()
        do {
            url = try await PostgresTestServer.shared.url(database: database)
        } catch {
            await PostgresTestServer.shared.dropDatabase(database)
            throw error
        }
    }

    func connect() async throws -> any SchedulingStore {
        let store = try await PostgresSchedulingStore.open(url: url, maximumConnections: 4)
        await opened.add(store)
        return store
    }

    func cleanUp() async {
        for store in await opened.all { await store.shutdown() }
        await PostgresTestServer.shared.dropDatabase(database)
    }
}

extension PostgresFixture {
    /// Runs `sql` on its own connection, as an administrator editing the database by hand would.
    func execute(_ sql: String) async throws {
        try await withConnection { db in
            _ = try await db.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger).collect()
        }
    }

    /// The single number `sql` answers.
    func count(_ sql: String) async throws -> Int {
        try await withConnection { db in
            let rows = try await db.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger).collect()
            return Int(try rows.first?.decode(Int64.self) ?? -1)
        }
    }

    /// The schema versions recorded as applied.
    func versions() async throws -> [Int] {
        try await withConnection { db in
            try await db.query("SELECT version FROM quire_schema_migrations ORDER BY version", logger: Self.logger)
                .collect().map { try $0.decode(Int.self) }
        }
    }

    private static let logger = Logger(label: "quire.test.postgres")

    private func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let parsed = try PostgresURL(url)
        let config = PostgresConnection.Configuration(
            host: parsed.host, port: parsed.port, username: parsed.username, password: parsed.password,
            database: parsed.database, tls: .disable)
        let db = try await PostgresConnection.connect(configuration: config, id: 1, logger: Self.logger)
        do {
            let value = try await body(db)
            try await db.close()
            return value
        } catch {
            try? await db.close()
            throw error
        }
    }
}

/// The stores a fixture handed out, to close at clean-up.
actor OpenedStores {
    private(set) var all: [PostgresSchedulingStore] = []
    func add(_ store: PostgresSchedulingStore) { all.append(store) }
}
