import Foundation
import QuireTestSupport
import NotebookFormat
import Testing

/// Jobs as code (quire.yaml, reloaded on change) and through the API.
@Suite(.serialized) struct JobAPITests {
    @Test func jobsFromConfigAndAPI() async throws {
        let nbs = try Fixtures.folder()
        let config = """
            jobs:
              - name: nightly
                notebook: \(nbs.path)/params.ipynb
                parameters: {x: 5}
                schedule: "30 2 * * *"
                timezone: Europe/Berlin
                tags: [reports]
            """
        let server = try ServeProcess(workers: 1, config: config)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)

        let jobs = try await http.get("/api/v1/jobs").json["jobs"]?.arrayValue ?? []
        #expect(jobs.count == 1)
        let nightly = jobs[0]
        #expect(nightly["source"]?.stringValue == "config")
        #expect(nightly["definition"]?["timezone"]?.stringValue == "Europe/Berlin")
        #expect(nightly["next_fire"]?.stringValue != nil)
        #expect(nightly["schedule_summary"]?.stringValue?.contains("02:30") == true, "\(nightly.text)")
        // Jobs from the file are changed in the file.
        #expect(try await http.put("/api/v1/jobs/nightly", ["notebook": "x.ipynb"]).status == 409)
        #expect(try await http.delete("/api/v1/jobs/nightly").status == 409)

        // Trigger now with an override; the job's defaults fill the rest.
        let trigger = try await http.post("/api/v1/jobs/nightly/trigger", ["parameters": ["name": "berlin"]])
        #expect(trigger.status == 202, "\(trigger.text)")
        let run = try await http.waitForFinal(trigger.json["id"]!.stringValue!)
        #expect(run["status"]?.stringValue == "succeeded", "\(run.text)")
        #expect(run["job"]?.stringValue == "nightly")
        #expect(run["parameters"] == ["x": 5, "name": "berlin"])
        #expect(run["tags"] == ["reports"])
        #expect((run["output"]?.stringValue ?? "").contains("/runs/nightly/"))
        #expect(try await http.get("/api/v1/jobs/nightly").json["last_run"]?["status"]?.stringValue == "succeeded")
        #expect(try await http.get("/api/v1/runs?job=nightly").json["runs"]?.arrayValue?.count == 1)

        // Pause and resume.
        let paused = try await http.post("/api/v1/jobs/nightly/pause").json
        #expect(paused["active"] == .bool(false) && paused["next_fire"] == .null)
        #expect(try await http.post("/api/v1/jobs/nightly/resume").json["active"] == .bool(true))

        // API jobs: create, conflict, replace, delete.
        let created = try await http.post("/api/v1/jobs", ["name": "adhoc-report", "notebook": .string(nbs.path + "/params.ipynb"),
                                                           "schedule": "@hourly", "retries": 3])
        #expect(created.status == 201, "\(created.text)")
        #expect(created.headers["Location"].first == "/api/v1/jobs/adhoc-report")
        #expect(created.json["source"]?.stringValue == "api")
        #expect(try await http.post("/api/v1/jobs", ["name": "adhoc-report", "notebook": .string(nbs.path + "/params.ipynb")]).status == 409)
        let replaced = try await http.put("/api/v1/jobs/adhoc-report", ["notebook": .string(nbs.path + "/params.ipynb"), "schedule": "*/5 * * * *"])
        #expect(replaced.status == 200, "\(replaced.text)")
        #expect(replaced.json["definition"]?["schedule"]?.stringValue == "*/5 * * * *")
        #expect(try await http.put("/api/v1/jobs/adhoc-report", ["name": "renamed", "notebook": "x.ipynb"]).status == 400)
        #expect(try await http.delete("/api/v1/jobs/adhoc-report").status == 204)
        #expect(try await http.get("/api/v1/jobs/adhoc-report").status == 404)
    }

    @Test func configReloadsOnChangeAndKeepsOldJobsWhenInvalid() async throws {
        let nbs = try Fixtures.folder()
        let one = "jobs:\n  - name: first\n    notebook: \(nbs.path)/params.ipynb\n"
        let server = try ServeProcess(workers: 0, config: one)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let path = server.data + "/quire.yaml"
        func names() async throws -> [String] {
            (try await http.get("/api/v1/jobs").json["jobs"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }.sorted()
        }
        #expect(try await names() == ["first"])

        try (one + "  - name: second\n    notebook: \(nbs.path)/fail.ipynb\n").write(toFile: path, atomically: true, encoding: .utf8)
        try await Self.eventually { try await names() == ["first", "second"] }

        // A broken file changes nothing and the error is logged precisely.
        try (one + "  - name: third\n    notebook: x.ipynb\n    timezone: Mars/Olympus\n").write(toFile: path, atomically: true, encoding: .utf8)
        try await Self.eventually { server.log.contains("Mars/Olympus") }
        #expect(try await names() == ["first", "second"])
        #expect(server.log.contains("jobs[1].timezone"), "\(server.log)")

        // SIGHUP reloads as well.
        try one.write(toFile: path, atomically: true, encoding: .utf8)
        kill(server.process.processIdentifier, SIGHUP)
        try await Self.eventually { try await names() == ["first"] }
    }

    static func eventually(timeout: TimeInterval = 20, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("condition not met within \(timeout) s")
    }
}
