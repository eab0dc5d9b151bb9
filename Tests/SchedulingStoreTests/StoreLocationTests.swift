import Foundation
import Scheduling
import Testing

/// `--database` picks the backend: SQLite by path or `sqlite:`, PostgreSQL by URL, nothing else.
@Suite struct StoreLocationTests {
    @Test func eachFormNamesItsBackend() throws {
        #expect(try SchedulingStoreLocation("sqlite:/srv/q.db") == .sqlite(path: "/srv/q.db"))
        #expect(try SchedulingStoreLocation("data/q.db") == .sqlite(path: "data/q.db"))
        #expect(try SchedulingStoreLocation("/odd/dir://name.db") == .sqlite(path: "/odd/dir://name.db"))
        let pg = try SchedulingStoreLocation("postgresql://quire:pw@db:5433/runs")
        #expect(pg == .postgres(try PostgresURL("postgres://quire:pw@db:5433/runs")))
        #expect(pg.description == "postgres://quire:***@db:5433/runs")
    }

    @Test func otherSchemesAndEmptyValuesAreRefused() {
        #expect(throws: SchedulingStoreError.invalidDatabaseURL(
            "mysql://u:***@db/q", reason: "unknown scheme; use a SQLite file path, sqlite:PATH or postgres://…")) {
            try SchedulingStoreLocation("mysql://u:pw@db/q")
        }
        #expect(throws: SchedulingStoreError.invalidDatabaseURL("sqlite:", reason: "sqlite: needs a file path")) {
            try SchedulingStoreLocation("sqlite:")
        }
        #expect(throws: SchedulingStoreError.invalidDatabaseURL(
            "", reason: "empty; use a SQLite file path, sqlite:PATH or postgres://…")) {
            try SchedulingStoreLocation("")
        }
        #expect(throws: SchedulingStoreError.self) { try SchedulingStoreLocation("postgres://db/q") }
    }

    @Test func openingChoosesTheBackend() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-loc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await SchedulingStoreLocation("sqlite:" + folder.appendingPathComponent("q.db").path)
            .open()
        #expect(store is SQLiteSchedulingStore)
        try await withFixture(.postgres) { fixture in
            let pg = try #require(fixture as? PostgresFixture)
            let opened = try await SchedulingStoreLocation(pg.url).open()
            let postgres = try #require(opened as? PostgresSchedulingStore)
            #expect(postgres.url.database == pg.database)
            await postgres.shutdown()
        }
    }
}
