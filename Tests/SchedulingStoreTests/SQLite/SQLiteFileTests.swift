import Foundation
import GRDB
import Scheduling
import Testing

/// What only the SQLite backend does: the file, WAL, schema versions and refusing bad files.
@Suite struct SQLiteFileTests {
    @Test func opensInWALModeCreatingFoldersAndSchema() async throws {
        let fixture = try SQLiteFileFixture()
        defer { fixture.cleanUp() }
        let store = try SQLiteSchedulingStore(path: fixture.path)
        #expect(store.path == fixture.path)
        #expect(FileManager.default.fileExists(atPath: fixture.path))
        let db = try DatabaseQueue(path: fixture.path)
        let mode = try await db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let migrations = try await db.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations == ["v1: runs, transitions, jobs", "v2: run events"])
        let indexes = try await db.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'runs_%'") }
        #expect(Set(indexes) == ["runs_job_id", "runs_status_id", "runs_owner_id", "runs_claim", "runs_active", "runs_slot",
                                  "runs_idempotency"])
        // Reopening an up-to-date file migrates nothing and keeps the data.
        let run = try await store.createRun(sampleRun(), now: t0).run
        #expect(try await SQLiteSchedulingStore(path: fixture.path).run(run.id) == run)
    }

    @Test func aFolderThatCannotBeCreatedIsReported() throws {
        let fixture = try SQLiteFileFixture()
        defer { fixture.cleanUp() }
        let blocker = fixture.folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let path = blocker.appendingPathComponent("sub/runs.sqlite").path
        let error = #expect(throws: SchedulingStoreError.self) { try SQLiteSchedulingStore(path: path) }
        guard case .cannotOpen(let named, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(named == path && reason.contains("cannot create its folder"))
        #expect(error?.description.hasPrefix(path) == true)
    }

    @Test func aFileThatIsNotADatabaseIsReported() throws {
        let fixture = try SQLiteFileFixture()
        defer { fixture.cleanUp() }
        try FileManager.default.createDirectory(atPath: (fixture.path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: fixture.path))
        let error = #expect(throws: SchedulingStoreError.self) { try SQLiteSchedulingStore(path: fixture.path) }
        guard case .cannotOpen(_, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(reason.contains("not a database"))
    }

    @Test func aSchemaFromANewerVersionIsRefused() async throws {
        let fixture = try SQLiteFileFixture()
        defer { fixture.cleanUp() }
        _ = try SQLiteSchedulingStore(path: fixture.path)
        let db = try DatabaseQueue(path: fixture.path)
        try await db.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2: from the future')") }
        let error = #expect(throws: SchedulingStoreError.self) { try SQLiteSchedulingStore(path: fixture.path) }
        guard case .cannotOpen(_, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(reason.contains("newer version") && reason.contains("v2: from the future"))
    }

    @Test func aHandEditedRowIsReportedAsCorrupt() async throws {
        let fixture = try SQLiteFileFixture()
        defer { fixture.cleanUp() }
        let store = try SQLiteSchedulingStore(path: fixture.path)
        let run = try await store.createRun(sampleRun(), now: t0).run
        try await store.upsertJob(StoredJob(name: "j", definition: [:], source: "api", created: t0, updated: t0))
        let db = try DatabaseQueue(path: fixture.path)
        try await db.write {
            try $0.execute(sql: "UPDATE runs SET parameters = '{\"n\": ' WHERE id = ?", arguments: [run.id.rawValue])
            try $0.execute(sql: "UPDATE jobs SET tags = '[1]'")
        }
        let error = await #expect(throws: SchedulingStoreError.self) { try await store.run(run.id) }
        guard case .corruptRecord(let table, let key, let column, _)? = error else {
            Issue.record("\(String(describing: error))"); return
        }
        #expect(table == "runs" && key == run.id.rawValue && column == "parameters")
        await #expect(throws: SchedulingStoreError.corruptRecord(table: "jobs", key: "j", column: "tags",
                                                                reason: "not a JSON array of strings")) {
            try await store.jobs()
        }
    }

    @Test func aFailingStatementIsReportedWithTheOperation() async throws {
        let fixture = try SQLiteFileFixture()
        defer { fixture.cleanUp() }
        let store = try SQLiteSchedulingStore(path: fixture.path)
        let run = try await store.createRun(sampleRun(), now: t0).run
        let db = try DatabaseQueue(path: fixture.path)
        try await db.write { try $0.execute(sql: "DROP TABLE run_transitions") }
        let error = await #expect(throws: SchedulingStoreError.self) { try await store.transitions(run.id) }
        guard case .database(let operation, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(operation == "read the transitions of run \(run.id)" && reason.contains("no such table"))
        // The claim's write fails as a whole: the run stays queued.
        await #expect(throws: SchedulingStoreError.self) {
            try await store.claim(worker: "w", labels: [], lease: 60, now: at(1))
        }
        #expect(try await store.run(run.id)?.status == .queued)
    }
}
