import Foundation
import Scheduling

/// A database the conformance suite runs against, one `Backend` case each.
protocol StoreFixture: Sendable {
    /// True when a new connection after every handle was dropped finds the same data (a restart).
    var isPersistent: Bool { get }
    /// A new handle on the same database; for file and server backends an independent connection
    /// (a pool, for PostgreSQL), as another process would open.
    func connect() async throws -> any SchedulingStore
    func cleanUp() async
}

enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqliteFile, sqliteMemory, postgres

    var description: String { rawValue }

    func fixture() async throws -> any StoreFixture {
        switch self {
        case .sqliteFile: try SQLiteFileFixture()
        case .sqliteMemory: try SQLiteMemoryFixture()
        case .postgres: try await PostgresFixture()
        }
    }
}

/// A database file in a fresh temporary folder, removed afterwards.
struct SQLiteFileFixture: StoreFixture {
    let folder: URL
    var path: String { folder.appendingPathComponent("db/runs.sqlite").path }
    var isPersistent: Bool { true }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func connect() throws -> any SchedulingStore { try SQLiteSchedulingStore(path: path) }
    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

/// One in-memory database: every `connect` returns the same store, since a second in-memory store
/// would be a different database.
struct SQLiteMemoryFixture: StoreFixture {
    let store: SQLiteSchedulingStore
    var isPersistent: Bool { false }

    init() throws { store = try SQLiteSchedulingStore.inMemory() }
    func connect() throws -> any SchedulingStore { store }
    func cleanUp() {}
}

/// Runs `body` with a fixture of `backend`, cleaning up afterwards, failed or not.
func withFixture(_ backend: Backend, _ body: (any StoreFixture) async throws -> Void) async throws {
    let fixture = try await backend.fixture()
    do {
        try await body(fixture)
    } catch {
        await fixture.cleanUp()
        throw error
    }
    await fixture.cleanUp()
}

/// Runs `body` with a fixture of `backend` and its first connection, cleaning up afterwards.
func withStore(
    _ backend: Backend, _ body: (any SchedulingStore, any StoreFixture) async throws -> Void
) async throws {
    try await withFixture(backend) { fixture in try await body(try await fixture.connect(), fixture) }
}
