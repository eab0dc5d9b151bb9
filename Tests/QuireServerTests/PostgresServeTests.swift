import Foundation
import NotebookFormat
import QuireTestSupport
import Testing

/// `quire serve --database postgres://…` against a real PostgreSQL: runs are queued, claimed,
/// executed and recorded there, and survive a restart of the server on the same database.
@Suite(.serialized) struct PostgresServeTests {
    @Test func aSubmittedRunSucceedsWithThePostgresBackend() async throws {
        let nbs = try Fixtures.folder()
        let database = try await PostgresTestServer.shared.createDatabase()
        do {
            try await submitAndRestart(nbs, url: try await PostgresTestServer.shared.url(database: database))
        } catch {
            await PostgresTestServer.shared.dropDatabase(database)
            throw error
        }
        await PostgresTestServer.shared.dropDatabase(database)
    }

    private func submitAndRestart(_ nbs: Folder, url: String) async throws {
        let server = try ServeProcess(workers: 1, extraArgs: ["--database", url])
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let reply = try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/params.ipynb"),
                                                         "parameters": ["x": 4, "name": "pg"], "tags": ["pg"]])
        #expect(reply.status == 202, "\(reply.text)")
        let id = try #require(reply.json["id"]?.stringValue)
        let run = try await http.waitForFinal(id)
        #expect(run["status"]?.stringValue == "succeeded", "\(run.text)\n\(server.log)")
        let statuses = (run["transitions"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue }
        #expect(statuses == ["queued", "running", "succeeded"])
        let output = try await http.get("/api/v1/runs/\(id)/output")
        let nb = try Notebook.load(output.body, file: "output").notebook
        let texts = nb.cells.flatMap(\.outputs).compactMap { out -> String? in if case .stream(_, let t) = out { t } else { nil } }
        #expect(texts.contains("hello pg 8\n"))
        // No SQLite file was made: the runs live in PostgreSQL, where a new server finds them.
        #expect(!FileManager.default.fileExists(atPath: server.data + "/quire.db"))
        server.stop()

        let again = try ServeProcess(workers: 0, env: ["QUIRE_DATABASE_URL": url])
        defer { again.stop() }
        let listed = try await HTTP(base: again.baseURL).get("/api/v1/runs?tag=pg")
        let ids = (listed.json["runs"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        #expect(ids == [id], "\(listed.text)\n\(again.log)")
    }

    @Test func anUnreachableDatabaseStopsTheServerWithTheReason() async throws {
        let port = try PostgresTestServer.freePort()
        let error = #expect(throws: (any Error).self) {
            try ServeProcess(workers: 0, extraArgs: ["--database", "postgres://quire:secret@127.0.0.1:\(port)/quire"])
        }
        let text = "\(String(describing: error))"
        #expect(text.contains("postgres://quire:***@127.0.0.1:\(port)/quire") && text.contains("cannot connect"), "\(text)")
        #expect(!text.contains("secret"))
    }
}
