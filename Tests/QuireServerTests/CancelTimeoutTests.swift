import Foundation
import QuireTestSupport
import NotebookFormat
import Testing

/// Cancel and timeout interrupt the kernel and still leave a valid partial output notebook.
@Suite(.serialized) struct CancelTimeoutTests {
    static func streams(_ nb: Notebook) -> [String] {
        nb.cells.flatMap(\.outputs).compactMap { if case .stream(_, let t) = $0 { t } else { nil } }
    }

    @Test func cancelInterruptsARunningNotebookAndKeepsItsOutput() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 1)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let id = try #require(try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/slow.ipynb"), "parameters": ["seconds": 120]]).json["id"]?.stringValue)
        try await http.waitForStatus(id, "running")
        // Wait until the sleeping cell has started (its predecessor printed).
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let out = try await http.get("/api/v1/runs/\(id)/output")
            if out.status == 200, Self.streams(try Notebook.load(out.body, file: "o").notebook).contains("started\n") { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let cancel = try await http.post("/api/v1/runs/\(id)/cancel")
        #expect(cancel.status == 202)
        #expect(cancel.json["cancel_requested"] == .bool(true))
        let started = Date()
        let run = try await http.waitForFinal(id, timeout: 60)
        #expect(run["status"]?.stringValue == "cancelled", "\(run.text)")
        #expect(Date().timeIntervalSince(started) < 40, "cancellation took too long")
        let nb = try Notebook.load(try await http.get("/api/v1/runs/\(id)/output").body, file: "o").notebook
        #expect(Self.streams(nb).contains("started\n"))
        #expect(!Self.streams(nb).contains("done\n"))
        #expect(nb.cells.first?.source.contains("cancelled") == true)
    }

    @Test func cancelAQueuedRunEndsItAtOnce() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 0)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let id = try #require(try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/params.ipynb")]).json["id"]?.stringValue)
        let r = try await http.post("/api/v1/runs/\(id)/cancel")
        #expect(r.status == 202)
        #expect(r.json["status"]?.stringValue == "cancelled")
        #expect(try await http.post("/api/v1/runs/\(id)/cancel").status == 409)
    }

    @Test func timeoutStopsTheRunAndKeepsItsOutput() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 1)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let id = try #require(try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/slow.ipynb"), "parameters": ["seconds": 120],
                                                                   "timeout": 8]).json["id"]?.stringValue)
        let run = try await http.waitForFinal(id, timeout: 90)
        #expect(run["status"]?.stringValue == "timed_out", "\(run.text)")
        #expect(run["error"]?["ename"]?.stringValue == "RunTimeoutError")
        let nb = try Notebook.load(try await http.get("/api/v1/runs/\(id)/output").body, file: "o").notebook
        #expect(Self.streams(nb).contains("started\n"))
        #expect(nb.cells.first?.source.contains("time limit") == true)
    }
}
