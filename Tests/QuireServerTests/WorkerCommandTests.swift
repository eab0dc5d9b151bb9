import Foundation
import NotebookFormat
import QuireTestSupport
import Testing

/// `quire worker` beside `quire serve --workers 0` on PostgreSQL: it executes what the API queued,
/// only what its labels allow, and refuses bad configuration with the documented exit codes.
@Suite(.serialized) struct WorkerCommandTests {
    @Test func aWorkerExecutesRunsSubmittedToAServerWithoutWorkers() async throws {
        try await WorkerCluster.with { cluster in
            let worker = try await cluster.worker(["--id", "box-a", "--concurrency", "1"])
            #expect(try await worker.waitForReady().contains("Quire worker box-a ready"))
            let id = try await cluster.submit("params.ipynb", ["x": 5, "name": "worker"])
            let run = try await cluster.http.waitForFinal(id)
            #expect(run["status"]?.stringValue == "succeeded", "\(run.text)\n\(worker.log)")
            #expect(run["worker"]?.stringValue == "box-a/worker-0", "\(run.text)")
            #expect(cluster.transitions(run) == ["queued", "running", "succeeded"])
            // The output is in the shared store, where the server reads it.
            let outputPath = try #require(run["output"]?.stringValue)
            #expect(outputPath.contains(cluster.outputs.path), "\(outputPath)")
            let output = try await cluster.http.get("/api/v1/runs/\(id)/output")
            let nb = try Notebook.load(output.body, file: "output").notebook
            let texts = nb.cells.flatMap(\.outputs).compactMap { out -> String? in if case .stream(_, let t) = out { t } else { nil } }
            #expect(texts.contains("hello worker 10\n"), "\(texts)")
            let files = try FileManager.default.subpathsOfDirectory(atPath: cluster.outputs.path).filter { $0.hasSuffix(".ipynb") }
            #expect(files.count == 2, "output and input snapshot: \(files)")
        }
    }

    @Test func theNextRunIsClaimedInTheCommitThatEndsTheCurrentOne() async throws {
        try await WorkerCluster.with { cluster in
            let worker = try await cluster.worker(["--id", "box-b", "--concurrency", "1"])
            let first = try await cluster.submit("slow.ipynb", ["seconds": 2])
            try await cluster.waitForStarted(first)
            let second = try await cluster.submit("params.ipynb", ["x": 1, "name": "next"])
            let ended = try await cluster.http.waitForFinal(first)
            let next = try await cluster.http.waitForFinal(second)
            #expect(ended["status"]?.stringValue == "succeeded" && next["status"]?.stringValue == "succeeded",
                    "\(ended.text)\n\(next.text)\n\(worker.log)")
            // One statement wrote both: the claim has the finish's time, to the microsecond.
            let finishedAt = ended["transitions"]?.arrayValue?.last?["at"]
            let claimedAt = next["transitions"]?.arrayValue?.first { $0["status"]?.stringValue == "running" }?["at"]
            #expect(finishedAt != nil && finishedAt == claimedAt, "\(ended.text)\n\(next.text)")
            #expect(next["worker"]?.stringValue == "box-b/worker-0" && cluster.transitions(next) == ["queued", "running", "succeeded"])
        }
    }

    @Test func aJobRequiringALabelRunsOnlyOnAWorkerWithIt() async throws {
        try await WorkerCluster.with { cluster in
            let plain = try await cluster.worker(["--id", "plain", "--concurrency", "1"])
            let gpu = try await cluster.worker(["--id", "gpu-box", "--concurrency", "1", "--label", "gpu", "--label", "py311"])
            let created = try await cluster.http.post("/api/v1/jobs", ["name": "train", "notebook": .string(cluster.nbs.path + "/params.ipynb"),
                                                                       "requires": ["gpu"]])
            #expect(created.status == 201, "\(created.text)")
            var ids: [String] = []
            for _ in 0..<3 {
                let trigger = try await cluster.http.post("/api/v1/jobs/train/trigger", ["parameters": ["name": "gpu"]])
                ids.append(try #require(trigger.json["id"]?.stringValue, "\(trigger.text)"))
            }
            // Unlabelled work goes to either worker; labelled work only to the gpu one.
            let plainRun = try await cluster.submit("params.ipynb")
            for id in ids {
                let run = try await cluster.http.waitForFinal(id)
                #expect(run["status"]?.stringValue == "succeeded", "\(run.text)\n\(gpu.log)")
                #expect(run["worker"]?.stringValue == "gpu-box/worker-0", "\(run.text)\n\(plain.log)")
            }
            #expect(try await cluster.http.waitForFinal(plainRun)["status"]?.stringValue == "succeeded")
        }
    }

    @Test func aJobRequiringALabelNoWorkerHasStaysQueued() async throws {
        try await WorkerCluster.with { cluster in
            _ = try await cluster.worker(["--concurrency", "1"])
            _ = try await cluster.http.post("/api/v1/jobs", ["name": "train", "notebook": .string(cluster.nbs.path + "/params.ipynb"),
                                                             "requires": ["gpu"]])
            let waiting = try #require(try await cluster.http.post("/api/v1/jobs/train/trigger", [:]).json["id"]?.stringValue)
            // A run the worker can take, submitted after: once it is done, the labelled one was
            // passed over, not merely not reached yet.
            let other = try await cluster.submit("params.ipynb")
            #expect(try await cluster.http.waitForFinal(other)["status"]?.stringValue == "succeeded")
            let status = try await cluster.http.get("/api/v1/runs/\(waiting)").json
            #expect(status["status"]?.stringValue == "queued" && status["worker"] == .null, "\(status.text)")
        }
    }

    @Test func badConfigurationExitsTwoAndAnUnreachableDatabaseThree() async throws {
        let store = Folder()
        func worker(_ args: [String], env: [String: String] = [:]) async throws -> (Int32?, String) {
            let w = try WorkerProcess(args, env: env)
            let status = await w.waitForExit(timeout: 120)
            let log = w.log
            await w.stop()
            return (status, log)
        }
        var (status, log) = try await worker(["--store", store.path])
        #expect(status == 2 && log.contains("no database") && log.contains("QUIRE_DATABASE_URL"), "\(log)")

        (status, log) = try await worker(["--database", "mysql://db.example/quire", "--store", store.path])
        #expect(status == 2 && log.contains("unknown scheme"), "\(log)")

        (status, log) = try await worker(["--database", "postgres://quire@127.0.0.1:1/quire?sslmode=bogus", "--store", store.path])
        #expect(status == 2 && log.contains("invalid database URL"), "\(log)")

        let missing = store.path + "/nowhere/quire.db"
        (status, log) = try await worker(["--database", missing, "--store", store.path])
        #expect(status == 2 && log.contains("no SQLite database at \(missing)"), "\(log)")

        let url = try await PostgresTestServer.shared.url(database: "postgres")
        (status, log) = try await worker(["--database", url])
        #expect(status == 2 && log.contains("no output store"), "\(log)")

        for bad in ["0", "-3", "many"] {
            (status, log) = try await worker(["--database", url, "--store", store.path, "--concurrency", bad])
            #expect(status == 2 && log.contains("concurrency"), "\(bad): \(log)")
        }
        (status, log) = try await worker(["--database", url, "--store", store.path, "--drain-grace", "-1"])
        #expect(status == 2 && log.contains("--drain-grace"), "\(log)")

        (status, log) = try await worker(["--database", url, "--store", store.path, "--database-timeout", "0"])
        #expect(status == 2 && log.contains("--database-timeout"), "\(log)")
        (status, log) = try await worker(["--database", url, "--store", store.path, "--label", "has space"])
        #expect(status == 2 && log.contains("--label must be a non-empty word"), "\(log)")
        (status, log) = try await worker(["--database", url, "--store", store.path, "--id", ""])
        #expect(status == 2 && log.contains("--id must be a non-empty name"), "\(log)")
        let serve = try Quire.run(["serve", "--port", "0", "--data", store.path + "/serve", "--instance", "two words"])
        #expect(serve.status == 2 && serve.stderr.contains("--instance must be a non-empty name"), "\(serve.stderr)")

        let port = try PostgresTestServer.freePort()
        (status, log) = try await worker(["--store", store.path], env: ["QUIRE_DATABASE_URL": "postgres://quire:secret@127.0.0.1:\(port)/quire"])
        #expect(status == 3 && log.contains("cannot connect") && log.contains("127.0.0.1:\(port)"), "\(log)")
        #expect(!log.contains("secret"))
    }

    /// A database reachable and migrated, but a role that may not read the runs: the worker cannot
    /// take over what a previous worker of its name left, says so and why, and exits 3.
    @Test func aRoleThatCannotReadRunsStopsTheWorkerWithExitThree() async throws {
        let pg = PostgresTestServer.shared
        let name = try await pg.createDatabase()
        let role = "ro_\(name)"
        do {
            let store = Folder()
            let owner = try WorkerProcess(["--database", try await pg.url(database: name), "--store", store.path, "--id", "box"])
            try await owner.waitForReady()
            await owner.stop()
            try await pg.execute("""
                CREATE ROLE \(role) LOGIN PASSWORD 'ro-pw';
                GRANT CONNECT ON DATABASE \(name) TO \(role);
                GRANT USAGE, CREATE ON SCHEMA public TO \(role);
                GRANT SELECT ON quire_schema_migrations TO \(role);
                """, database: name)
            let url = try await pg.url(database: name)
                .replacingOccurrences(of: "\(PostgresTestServer.user):\(PostgresTestServer.password)@", with: "\(role):ro-pw@")
            let worker = try WorkerProcess(["--database", url, "--store", store.path, "--id", "box"])
            let status = await worker.waitForExit(timeout: 120)
            let log = worker.log
            await worker.stop()
            #expect(status == 3, "\(log)")
            #expect(log.contains("cannot requeue runs left by a previous box") && log.contains("permission denied"), "\(log)")
            #expect(!log.contains("ro-pw"))
        } catch {
            Issue.record(error)
        }
        try? await pg.execute("DROP OWNED BY \(role); DROP ROLE IF EXISTS \(role)", database: name)
        await pg.dropDatabase(name)
    }

    @Test func aWorkerSharesTheSQLiteFileOfAServerOnTheSameMachine() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 0)
        defer { server.stop() }
        let worker = try WorkerProcess(["--database", "sqlite:" + server.data + "/quire.db", "--store", server.data + "/runs",
                                        "--concurrency", "1", "--id", "local"])
        do {
            try await worker.waitForReady()
            let http = HTTP(base: server.baseURL)
            let reply = try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/params.ipynb")])
            let run = try await http.waitForFinal(try #require(reply.json["id"]?.stringValue))
            #expect(run["status"]?.stringValue == "succeeded" && run["worker"]?.stringValue == "local/worker-0", "\(run.text)\n\(worker.log)")
        } catch {
            await worker.stop()
            throw error
        }
        await worker.stop()
    }
}
