import Foundation
import QuireTestSupport
import NotebookFormat
import Testing

/// The runs API end to end over HTTP against a real `quire serve` with real kernels.
@Suite(.serialized) struct RunAPITests {
    @Test func submitRunsTheNotebookAndRecordsEverything() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 1)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)

        let reply = try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/params.ipynb"),
                                                         "parameters": ["x": 21, "name": "quire"], "tags": ["nightly"]])
        #expect(reply.status == 202, "\(reply.text)")
        let id = try #require(reply.json["id"]?.stringValue)
        #expect(reply.headers["Location"].first == "/api/v1/runs/\(id)")
        #expect(reply.json["status"]?.stringValue == "queued")

        let run = try await http.waitForFinal(id)
        #expect(run["status"]?.stringValue == "succeeded", "\(run.text)\n\(server.log)")
        #expect(run["parameters"]?["x"] == .int(21))
        #expect(run["kernel_resolved"]?.stringValue == "python3")
        #expect(run["input_sha256"]?.stringValue?.count == 64)
        #expect(run["attempt"] == .int(1))
        #expect(run["started"]?.stringValue != nil && run["finished"]?.stringValue != nil)
        let statuses = (run["transitions"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue }
        #expect(statuses == ["queued", "running", "succeeded"])

        // The output notebook is the record: parameters injected, outputs present, papermill metadata.
        let output = try await http.get("/api/v1/runs/\(id)/output")
        #expect(output.status == 200)
        let nb = try Notebook.load(output.body, file: "output").notebook
        let texts = nb.cells.flatMap(\.outputs).compactMap { out -> String? in if case .stream(_, let t) = out { t } else { nil } }
        #expect(texts.contains("hello quire 42\n"))
        // The kernel ran in the notebook's folder.
        #expect(texts.contains { $0.hasPrefix("cwd ") && $0.contains(URL(fileURLWithPath: nbs.path).lastPathComponent) })
        #expect(nb.metadata["papermill"]?["parameters"]?["name"] == .string("quire"))
        #expect(nb.metadata["quire"]?["run_id"]?.stringValue == id)

        // Output and input snapshot both exist in the store, side by side.
        let outputPath = try #require(run["output"]?.stringValue)
        let snapshotPath = try #require(run["input_snapshot"]?.stringValue)
        #expect(FileManager.default.fileExists(atPath: outputPath))
        #expect(outputPath.hasPrefix(server.data + "/runs/adhoc/"))
        let snapshot = try Data(contentsOf: URL(fileURLWithPath: snapshotPath))
        #expect(snapshot == (try Data(contentsOf: URL(fileURLWithPath: nbs.path + "/params.ipynb"))))

        // Status endpoint, filters, metrics.
        let status = try await http.get("/api/v1/runs/\(id)/status").json
        #expect(status["status"]?.stringValue == "succeeded")
        #expect(try await http.get("/api/v1/runs?tag=nightly").json["runs"]?.arrayValue?.count == 1)
        #expect(try await http.get("/api/v1/runs?tag=weekly").json["runs"]?.arrayValue?.count == 0)
        #expect(try await http.get("/api/v1/runs?status=succeeded&param=name:quire").json["runs"]?.arrayValue?.count == 1)
        #expect(try await http.get("/api/v1/runs?param=name:other").json["runs"]?.arrayValue?.count == 0)
        let metrics = try await http.get("/metrics").text
        #expect(metrics.contains("quire_runs{status=\"succeeded\"} 1"))
        #expect(metrics.contains("quire_run_duration_seconds_count 1"))
        #expect(metrics.contains("quire_queue_depth 0"))
    }

    @Test func failedRunReportsTheFailingCell() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 1)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let id = try #require(try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/fail.ipynb"), "parameters": ["n": 7]]).json["id"]?.stringValue)
        let run = try await http.waitForFinal(id)
        #expect(run["status"]?.stringValue == "failed")
        #expect(run["error"]?["ename"]?.stringValue == "ValueError")
        #expect(run["error"]?["evalue"]?.stringValue == "boom 7")
        let cell = try #require(run["error"]?["cell"]?.intValue)
        let nb = try Notebook.load(try await http.get("/api/v1/runs/\(id)/output").body, file: "out").notebook
        #expect(nb.cells[cell].source.contains("raise ValueError"))
        #expect(nb.cells[cell - 1].id == "quire-error-cell")
    }

    @Test func idempotencyListingPaginationAndRerun() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 1)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let body: JSONValue = ["notebook": .string(nbs.path + "/params.ipynb"), "parameters": ["x": 1]]
        let first = try await http.post("/api/v1/runs", body, headers: ["Idempotency-Key": "k-1"])
        let again = try await http.post("/api/v1/runs", body, headers: ["Idempotency-Key": "k-1"])
        #expect(first.status == 202 && again.status == 202)
        #expect(first.json["id"] == again.json["id"])
        let conflicting = try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/params.ipynb"), "parameters": ["x": 2]],
                                              headers: ["Idempotency-Key": "k-1"])
        #expect(conflicting.status == 409)
        #expect(conflicting.headers["Content-Type"].first == "application/problem+json")

        var ids = [first.json["id"]!.stringValue!]
        for i in 2...5 {
            ids.append(try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/params.ipynb"), "parameters": ["x": .int(i)]]).json["id"]!.stringValue!)
        }
        for id in ids { _ = try await http.waitForFinal(id) }
        // Newest first, two per page, every run exactly once.
        var seen: [String] = []
        var cursor: String? = nil
        repeat {
            let page = try await http.get("/api/v1/runs?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")).json
            seen += (page["runs"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
            cursor = page["next_cursor"]?.stringValue
        } while cursor != nil
        #expect(seen == ids.reversed())

        let rerun = try await http.post("/api/v1/runs/\(ids[0])/rerun", ["parameters": ["name": "again"]])
        #expect(rerun.status == 202)
        let r = try await http.waitForFinal(rerun.json["id"]!.stringValue!)
        #expect(r["status"]?.stringValue == "succeeded")
        #expect(r["rerun_of"]?.stringValue == ids[0])
        #expect(r["parameters"] == ["x": 1, "name": "again"])
        // A finished run cannot be cancelled.
        #expect(try await http.post("/api/v1/runs/\(ids[0])/cancel").status == 409)
    }

    @Test func eventsStreamLiveProgressToTheEnd() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 1)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let id = try #require(try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/slow.ipynb"), "parameters": ["seconds": 2]]).json["id"]?.stringValue)
        // The stream stays open until the run finishes; the whole body is the event log.
        let stream = try await http.get("/api/v1/runs/\(id)/events")
        #expect(stream.status == 200)
        #expect(stream.headers["Content-Type"].first == "text/event-stream")
        let events = stream.text.components(separatedBy: "\n\n").compactMap { frame in
            frame.split(separator: "\n").first { $0.hasPrefix("event: ") }.map { String($0.dropFirst(7)) }
        }
        #expect(events.contains("cell_started"))
        #expect(events.contains("output"))
        #expect(events.contains("cell_finished"))
        #expect(events.last == "finished")
        #expect(stream.text.contains("started\\n"))
        // A finished run's stream is just its final state.
        let done = try await http.get("/api/v1/runs/\(id)/events").text
        #expect(done.contains("event: finished") && done.contains("succeeded"))
    }

    @Test func systemEndpoints() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 0)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        #expect(try await http.get("/healthz").json["status"]?.stringValue == "ok")
        let specs = try await http.get("/api/v1/kernelspecs").json["kernelspecs"]?.arrayValue ?? []
        #expect(specs.contains { $0["name"]?.stringValue == "python3" })
        let inspected = try await http.post("/api/v1/inspect", ["notebook": .string(nbs.path + "/params.ipynb")]).json
        let params = inspected["parameters"]?.arrayValue ?? []
        #expect(params.map { $0["name"]?.stringValue } == ["x", "name"])
        #expect(params[0]["type"]?.stringValue == "int")
        #expect(params[1]["type"]?.stringValue == "str")
        #expect(params[1]["help"]?.stringValue == "who to greet")
        let doc = try await http.get("/api/v1/openapi.yaml")
        #expect(doc.status == 200 && doc.text.hasPrefix("openapi: 3.1.0"))
    }
}
