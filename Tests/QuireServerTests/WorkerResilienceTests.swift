import Foundation
import QuireTestSupport
import Testing

/// Workers and servers against failures: PostgreSQL restarting under a running notebook, a worker
/// killed and restarted under the same id, two server replicas on one host.
@Suite(.serialized) struct WorkerResilienceTests {
    @Test func aPostgresRestartMidRunLosesNothingAndTheWorkerReconnects() async throws {
        let postgres = PostgresTestServer()
        defer { Task { await postgres.remove() } }
        try await WorkerCluster.with(postgres: postgres) { cluster in
            // Short database timeout and heartbeat, and an outage far longer than both: the
            // heartbeat and the recording of the run's end fail several times over and are retried.
            let config = cluster.outputs.path + "/worker.yaml"
            try "lease:\n  duration: 60\n  heartbeat: 1\n".write(toFile: config, atomically: true, encoding: .utf8)
            // Two workers: one runs the notebook, the other keeps trying to claim through the outage.
            let worker = try await cluster.worker(["--id", "steady", "--concurrency", "2", "--database-timeout", "1", "--config", config])
            let id = try await cluster.submit("slow.ipynb", ["seconds": 3])
            try await cluster.waitForStarted(id)
            try await postgres.stopServer()
            try await Task.sleep(for: .seconds(10))
            try await postgres.startServer()

            let run = try await cluster.http.waitForFinal(id, timeout: 180)
            #expect(run["status"]?.stringValue == "succeeded", "\(run.text)\n\(worker.log)")
            #expect(cluster.transitions(run) == ["queued", "running", "succeeded"], "\(run.text)\n\(worker.log)")
            #expect(run["attempt"] == .int(1) && run["output"]?.stringValue != nil, "\(run.text)")
            #expect(worker.log.contains("heartbeat for run \(id) failed"), "\(worker.log)")
            #expect(worker.log.contains("could not record the end of run \(id)"), "\(worker.log)")
            #expect(worker.log.contains("could record the end of run \(id) after"), "\(worker.log)")
            #expect(worker.log.contains("claim failed") && worker.log.contains("the run database answers again"), "\(worker.log)")
            // The worker came back by itself: a run submitted now is executed.
            let after = try await cluster.submit("params.ipynb", ["name": "again"])
            let second = try await cluster.http.waitForFinal(after, timeout: 180)
            #expect(second["status"]?.stringValue == "succeeded" && second["worker"]?.stringValue?.hasPrefix("steady/worker-") == true,
                    "\(second.text)\n\(worker.log)")
            #expect(worker.process.isRunning)
        }
        await postgres.remove()
    }

    @Test func aWorkerRestartedUnderTheSameIdRequeuesItsRunAtOnce() async throws {
        try await WorkerCluster.with { cluster in
            // Leases far longer than the test: only the restart's reconcile can requeue the run.
            let config = cluster.outputs.path + "/worker.yaml"
            try "lease:\n  duration: 3600\n  heartbeat: 5\n".write(toFile: config, atomically: true, encoding: .utf8)
            let first = try await cluster.worker(["--id", "pod-7", "--concurrency", "1", "--config", config])
            let id = try await cluster.submit("slow.ipynb", ["seconds": 3600])
            try await cluster.waitForStarted(id)
            await first.kill9()
            #expect(try await cluster.http.get("/api/v1/runs/\(id)").json["status"]?.stringValue == "running")

            let again = try await cluster.worker(["--id", "pod-7", "--concurrency", "1", "--config", config])
            try await cluster.http.waitForStatus(id, "running")
            var run = try await cluster.http.get("/api/v1/runs/\(id)").json
            let deadline = Date().addingTimeInterval(120)
            while run["attempt"] != .int(2) && Date() < deadline {
                try await Task.sleep(for: .milliseconds(100))
                run = try await cluster.http.get("/api/v1/runs/\(id)").json
            }
            #expect(run["attempt"] == .int(2) && run["worker"]?.stringValue == "pod-7/worker-0", "\(run.text)\n\(again.log)")
            #expect(cluster.transitions(run) == ["queued", "running", "queued", "running"], "\(run.text)")
            let note = run["transitions"]?.arrayValue?[2]["note"]?.stringValue
            #expect(note == "retry: worker restarted", "\(run.text)")
            #expect(again.log.contains("left running by a previous pod-7/worker-0"), "\(again.log)")
            _ = try await cluster.http.post("/api/v1/runs/\(id)/cancel")
        }
    }

    @Test func twoServerReplicasOnOneHostDoNotRequeueEachOthersRuns() async throws {
        let nbs = try Fixtures.folder()
        let database = try await PostgresTestServer.shared.createDatabase()
        let url = try await PostgresTestServer.shared.url(database: database)
        let outputs = Folder()
        do {
            let first = try ServeProcess(workers: 1, extraArgs: ["--database", url, "--store", outputs.path])
            defer { first.stop() }
            let http = HTTP(base: first.baseURL)
            let reply = try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/slow.ipynb"), "parameters": ["seconds": 4]])
            let id = try #require(reply.json["id"]?.stringValue)
            try await http.waitForStatus(id, "running")
            // A second replica on the same host and database starts while the first one's run is
            // running; its start-up reconcile must not take that run for its own.
            let second = try ServeProcess(workers: 1, extraArgs: ["--database", url, "--store", outputs.path])
            defer { second.stop() }
            let run = try await http.waitForFinal(id)
            #expect(run["status"]?.stringValue == "succeeded", "\(run.text)\n\(first.log)\n\(second.log)")
            #expect((run["transitions"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue } == ["queued", "running", "succeeded"],
                    "\(run.text)\n\(second.log)")
            let worker = run["worker"]?.stringValue ?? ""
            #expect(worker.hasSuffix("-\(first.process.processIdentifier)/serve-0"), "\(worker)")
            #expect(!second.log.contains("left running"), "\(second.log)")
            // Named instances are taken as given.
            second.stop()
            first.stop()
            let named = try ServeProcess(workers: 1, extraArgs: ["--database", url, "--store", outputs.path, "--instance", "replica-b"])
            defer { named.stop() }
            let next = try #require(try await HTTP(base: named.baseURL).post("/api/v1/runs", ["notebook": .string(nbs.path + "/params.ipynb")])
                .json["id"]?.stringValue)
            let done = try await HTTP(base: named.baseURL).waitForFinal(next)
            #expect(done["worker"]?.stringValue == "replica-b/serve-0", "\(done.text)")
        } catch {
            await PostgresTestServer.shared.dropDatabase(database)
            throw error
        }
        await PostgresTestServer.shared.dropDatabase(database)
    }
}
