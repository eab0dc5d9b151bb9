import Foundation
import NotebookFormat
import QuireTestSupport
import Testing

/// Two `quire serve` replicas on one PostgreSQL: A runs the only worker, B takes the requests
/// (`--workers 0`). A's worker polls every 300 s, far beyond these tests' bounds, so a run that
/// finishes in time was started by a NOTIFY; B's SSE viewers see what A's worker did through the
/// events table.
@Suite(.serialized) struct PostgresReplicaTests {
    @Test func aRunSubmittedToOneReplicaWakesTheWorkerOfAnother() async throws {
        try await withReplicas { a, b, nbs in
            let http = HTTP(base: b.baseURL)
            let reply = try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/params.ipynb"), "parameters": ["x": 2]])
            #expect(reply.status == 202, "\(reply.text)")
            let id = try #require(reply.json["id"]?.stringValue)
            let run = try await http.waitForFinal(id, timeout: 60)
            #expect(run["status"]?.stringValue == "succeeded", "\(run.text)\n\(a.log)")
            let workers = (run["transitions"]?.arrayValue ?? []).compactMap { $0["worker"]?.stringValue }
            #expect(workers.contains { $0.hasSuffix("/serve-0") })
        }
    }

    @Test func viewersOfEitherReplicaSeeTheWorkersEventsOnceAndInOrder() async throws {
        try await withReplicas { a, b, nbs in
            let http = HTTP(base: b.baseURL)
            let id = try #require(try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/slow.ipynb"),
                                                                        "parameters": ["seconds": 3]]).json["id"]?.stringValue)
            try await http.waitForStatus(id, "running")
            // Connected mid-run to the replica without workers: the past from the table, then live.
            let live = try await http.get("/api/v1/runs/\(id)/events")
            #expect(live.status == 200 && live.headers["Content-Type"].first == "text/event-stream")
            let frames = SSEFrame.parse(live.text)
            let stored = frames.filter { $0.id != nil }
            let names = stored.map(\.event)
            #expect(names.first == "status" && names.last == "finished", "\(live.text)\n\(a.log)")
            let started = names.filter { $0 == "cell_started" }.count
            #expect(started >= 4 && names.filter { $0 == "cell_finished" }.count == started)
            #expect(stored.contains { $0.event == "output" && $0.data.contains("started\\n") })
            #expect(stored.contains { $0.event == "output" && $0.data.contains("done\\n") })
            let ids = stored.compactMap(\.id)
            #expect(ids == ids.sorted() && Set(ids).count == ids.count, "each event once, in order: \(ids)")
            #expect(frames.last?.event == "finished" && frames.last?.data.contains("succeeded") == true)

            // Connected after the end, to either replica: the same events from the table.
            for replica in [b, a] {
                let late = SSEFrame.parse(try await HTTP(base: replica.baseURL).get("/api/v1/runs/\(id)/events").text)
                #expect(late.filter { $0.id != nil } == stored)
            }
            // A viewer reconnecting with the last id it saw gets only what came after.
            let resumed = try await http.call("GET", "/api/v1/runs/\(id)/events", headers: ["Last-Event-ID": "\(ids[2])"])
            #expect(SSEFrame.parse(resumed.text).filter { $0.id != nil } == Array(stored.dropFirst(3)))
        }
    }

    /// The PostgreSQL server restarts: A's listener reconnects and still hears the next run.
    @Test func aWorkerStillWakesAfterTheDatabaseRestarts() async throws {
        let server = PostgresTestServer()
        do {
            try await withReplicas(server: server) { a, b, nbs in
                try await server.restart()
                let deadline = Date().addingTimeInterval(90)
                while !a.log.contains("listening on quire_queue at") || !a.log.contains("again") {
                    guard Date() < deadline else { Issue.record("no reconnection:\n\(a.log)"); return }
                    try await Task.sleep(for: .milliseconds(100))
                }
                let http = HTTP(base: b.baseURL)
                // B's pool may try a connection the restart closed: a failed request is retried.
                var id: String?
                for _ in 0..<40 where id == nil {
                    let reply = try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/params.ipynb"), "parameters": ["x": 3]])
                    id = reply.status == 202 ? reply.json["id"]?.stringValue : nil
                    if id == nil { try await Task.sleep(for: .milliseconds(250)) }
                }
                let run = try await http.waitForFinal(try #require(id), timeout: 60)
                #expect(run["status"]?.stringValue == "succeeded", "\(run.text)\n\(a.log)")
            }
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    /// A with one worker polling every 300 s, B with none, both on a fresh database of `server`.
    private func withReplicas(server: PostgresTestServer = .shared,
                              _ body: (ServeProcess, ServeProcess, Folder) async throws -> Void) async throws {
        let nbs = try Fixtures.folder()
        let database = try await server.createDatabase()
        do {
            let url = try await server.url(database: database)
            let a = try ServeProcess(workers: 1, extraArgs: ["--database", url], env: ["QUIRE_WORKER_POLL": "300"])
            defer { a.stop() }
            let b = try ServeProcess(workers: 0, extraArgs: ["--database", url])
            defer { b.stop() }
            try await body(a, b, nbs)
        } catch {
            await server.dropDatabase(database)
            throw error
        }
        await server.dropDatabase(database)
    }
}

/// One server-sent event as the stream carries it.
struct SSEFrame: Equatable {
    var id: Int?
    var event: String
    var data: String

    static func parse(_ text: String) -> [SSEFrame] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var frame = SSEFrame(id: nil, event: "", data: "")
            for line in block.split(separator: "\n") {
                if line.hasPrefix("id: ") { frame.id = Int(line.dropFirst(4)) }
                if line.hasPrefix("event: ") { frame.event = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { frame.data = String(line.dropFirst(6)) }
            }
            return frame.event.isEmpty ? nil : frame
        }
    }
}
