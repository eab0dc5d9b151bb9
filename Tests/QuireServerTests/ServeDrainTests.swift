import Foundation
import QuireTestSupport
import Testing

/// SIGTERM to `quire serve` drains its embedded workers as `quire worker` does: a notebook that
/// ends within `drain_grace` is recorded as finished; one that does not goes back to the queue.
/// (Before, the kernel library's own SIGTERM handler killed every kernel at once and the running
/// run ended `failed` with "kernel died".)
@Suite(.serialized) struct ServeDrainTests {
    @Test func aRunFinishingWithinTheGraceSucceedsBeforeTheServerExits() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 1, env: ["QUIRE_DRAIN_GRACE": "120"])
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let id = try await Self.submitAndWaitForStart(http, nbs.path + "/slow.ipynb", seconds: 3)
        server.process.terminate()
        let status = Self.waitForExit(server.process, timeout: 150)
        #expect(status == 0, "\(server.log)")

        let after = try ServeProcess(workers: 0, data: server.data)
        defer { after.stop() }  // its log; the data folder is `server`'s
        let run = try await HTTP(base: after.baseURL).get("/api/v1/runs/\(id)").json
        #expect(run["status"]?.stringValue == "succeeded", "\(run)\n\(server.log)")
    }

    @Test func aRunOutlastingTheGraceIsHandedBackToTheQueue() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 1, env: ["QUIRE_DRAIN_GRACE": "1"])
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let id = try await Self.submitAndWaitForStart(http, nbs.path + "/slow.ipynb", seconds: 3600)
        server.process.terminate()
        let status = Self.waitForExit(server.process, timeout: 60)
        #expect(status == 0, "\(server.log)")

        let after = try ServeProcess(workers: 0, data: server.data)
        defer { after.stop() }  // its log; the data folder is `server`'s
        let run = try await HTTP(base: after.baseURL).get("/api/v1/runs/\(id)").json
        let statuses = (run["transitions"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue }
        #expect(run["status"]?.stringValue == "queued" && statuses == ["queued", "running", "queued"], "\(run)\n\(server.log)")
        #expect(run["transitions"]?.arrayValue?.last?["note"]?.stringValue == "handed back: worker stopping", "\(run)")
    }

    static func submitAndWaitForStart(_ http: HTTP, _ notebook: String, seconds: Int) async throws -> String {
        let reply = try await http.post("/api/v1/runs", ["notebook": .string(notebook), "parameters": ["seconds": .int(seconds)]])
        let id = try #require(reply.json["id"]?.stringValue, "\(reply.text)")
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let out = try? await http.get("/api/v1/runs/\(id)/output")
            if let out, out.status == 200, out.text.contains("started") { return id }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServeFailure(message: "run \(id) never printed 'started'")
    }

    static func waitForExit(_ process: Process, timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        return process.isRunning ? nil : process.terminationStatus
    }
}
