import Foundation
import NotebookFormat
import QuireTestSupport

/// A PostgreSQL database, a shared output folder, the test notebooks, and a `quire serve
/// --workers 0` on them: the API side of a deployment whose runs `quire worker`s execute.
final class WorkerCluster: @unchecked Sendable {
    let postgres: PostgresTestServer
    let database: String
    let url: String
    let outputs = Folder()
    let nbs: Folder
    let server: ServeProcess
    var http: HTTP { HTTP(base: server.baseURL) }
    private var workers: [WorkerProcess] = []

    /// `postgres`: a server of the test's own when it is to be stopped, else the shared one.
    init(postgres: PostgresTestServer = .shared, serveArgs: [String] = []) async throws {
        self.postgres = postgres
        nbs = try Fixtures.folder()
        database = try await postgres.createDatabase()
        do {
            url = try await postgres.url(database: database)
            server = try ServeProcess(workers: 0, extraArgs: ["--database", url, "--store", outputs.path] + serveArgs)
        } catch {
            await postgres.dropDatabase(database)
            throw error
        }
    }

    /// Starts `quire worker --database URL --store FOLDER args…` and waits for its start line;
    /// `database` replaces the cluster's URL (e.g. the same database through a proxy).
    func worker(_ args: [String], env: [String: String] = [:], database: String? = nil) async throws -> WorkerProcess {
        let w = try WorkerProcess(["--database", database ?? url, "--store", outputs.path] + args, env: env)
        workers.append(w)
        try await w.waitForReady()
        return w
    }

    func submit(_ notebook: String, _ parameters: JSONValue = [:]) async throws -> String {
        let reply = try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/" + notebook), "parameters": parameters])
        guard reply.status == 202, let id = reply.json["id"]?.stringValue else {
            throw ServeFailure(message: "submit \(notebook): \(reply.status) \(reply.text)")
        }
        return id
    }

    /// Waits until the run's output notebook shows the first cell's "started" (the kernel is
    /// inside the notebook, not still starting).
    func waitForStarted(_ id: String, timeout: TimeInterval = 120) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let out = try? await http.get("/api/v1/runs/\(id)/output")
            if let out, out.status == 200, out.text.contains("started") { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServeFailure(message: "run \(id) never printed 'started'")
    }

    func transitions(_ run: JSONValue) -> [String] {
        (run["transitions"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue }
    }

    /// Workers first (they drain), then the server and the database.
    func shutDown() async {
        for w in workers { await w.stop() }
        server.stop()
        await postgres.dropDatabase(database)
    }

    /// Runs `body`, then shuts down, failed or not.
    static func with(postgres: PostgresTestServer = .shared, serveArgs: [String] = [],
                     _ body: (WorkerCluster) async throws -> Void) async throws {
        let cluster = try await WorkerCluster(postgres: postgres, serveArgs: serveArgs)
        do { try await body(cluster) } catch {
            await cluster.shutDown()
            throw error
        }
        await cluster.shutDown()
    }
}
