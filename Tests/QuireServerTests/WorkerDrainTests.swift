import Foundation
import QuireTestSupport
import Testing

/// SIGTERM drains a worker: a notebook that ends within the grace finishes and is recorded; one
/// that does not is interrupted and handed back to the queue without using up an attempt; either
/// way the process exits 0.
@Suite(.serialized) struct WorkerDrainTests {
    @Test func aRunFinishingWithinTheGraceCompletesBeforeTheWorkerExits() async throws {
        try await WorkerCluster.with { cluster in
            let worker = try await cluster.worker(["--concurrency", "1", "--drain-grace", "120"])
            let id = try await cluster.submit("slow.ipynb", ["seconds": 3])
            try await cluster.waitForStarted(id)
            let waiting = try await cluster.submit("params.ipynb")
            worker.signal(SIGTERM)
            let status = await worker.waitForExit(timeout: 150)
            #expect(status == 0, "\(worker.log)")
            let run = try await cluster.http.waitForFinal(id, timeout: 30)
            #expect(run["status"]?.stringValue == "succeeded", "\(run.text)\n\(worker.log)")
            #expect(cluster.transitions(run) == ["queued", "running", "succeeded"])
            #expect(worker.log.contains("draining"))
            // A draining worker's last finish does not claim the next run.
            let left = try await cluster.http.get("/api/v1/runs/\(waiting)").json
            #expect(cluster.transitions(left) == ["queued"] && left["attempt"] == .int(0), "\(left.text)")
        }
    }

    @Test func aRunOutlastingTheGraceIsHandedBackAndAnotherWorkerTakesIt() async throws {
        try await WorkerCluster.with { cluster in
            let first = try await cluster.worker(["--id", "leaving", "--concurrency", "1", "--drain-grace", "1"])
            // Far longer than the test waits: only a hand-back ends this attempt.
            let id = try await cluster.submit("slow.ipynb", ["seconds": 3600])
            try await cluster.waitForStarted(id)
            first.signal(SIGTERM)
            let status = await first.waitForExit(timeout: 120)
            #expect(status == 0, "\(first.log)")
            var run = try await cluster.http.get("/api/v1/runs/\(id)").json
            #expect(run["status"]?.stringValue == "queued", "\(run.text)\n\(first.log)")
            #expect(cluster.transitions(run) == ["queued", "running", "queued"])
            let note = run["transitions"]?.arrayValue?.last?["note"]?.stringValue
            #expect(note == "handed back: worker stopping", "\(run.text)")
            // The attempt was not the run's fault: its budget grew by one.
            #expect(run["attempt"] == .int(1) && run["max_attempts"] == .int(2), "\(run.text)")

            let second = try await cluster.worker(["--id", "arriving", "--concurrency", "1"])
            try await cluster.http.waitForStatus(id, "running")
            run = try await cluster.http.get("/api/v1/runs/\(id)").json
            #expect(run["worker"]?.stringValue == "arriving/worker-0" && run["attempt"] == .int(2), "\(run.text)\n\(second.log)")
            // Done with it: a cancel reaches the running notebook through the heartbeat.
            _ = try await cluster.http.post("/api/v1/runs/\(id)/cancel")
            run = try await cluster.http.waitForFinal(id)
            #expect(run["status"]?.stringValue == "cancelled", "\(run.text)")
        }
    }

    @Test func aSecondSignalHandsBackAtOnce() async throws {
        try await WorkerCluster.with { cluster in
            let worker = try await cluster.worker(["--concurrency", "1", "--drain-grace", "3600"])
            let id = try await cluster.submit("slow.ipynb", ["seconds": 3600])
            try await cluster.waitForStarted(id)
            worker.signal(SIGTERM)
            // Still draining: the grace is an hour.
            try await Task.sleep(for: .seconds(1))
            #expect(worker.process.isRunning)
            worker.signal(SIGTERM)
            let status = await worker.waitForExit(timeout: 120)
            #expect(status == 0, "\(worker.log)")
            let run = try await cluster.http.get("/api/v1/runs/\(id)").json
            #expect(run["status"]?.stringValue == "queued" && cluster.transitions(run) == ["queued", "running", "queued"], "\(run.text)")
            #expect(worker.log.contains("hurrying"))
            _ = try await cluster.http.post("/api/v1/runs/\(id)/cancel")
        }
    }
}
