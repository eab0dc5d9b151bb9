import Foundation
import QuireTestSupport
import NotebookFormat
import Testing

/// Every kind of bad input is a precise 400 (or 404/409/413/415) problem document naming the
/// field — never a 500, never a queued run that fails later.
@Suite(.serialized) struct BadInputTests {
    struct Case: CustomStringConvertible {
        let body: JSONValue
        let status: Int
        let field: String?
        let says: String
        var description: String { says }
    }

    @Test func submissionsAreCheckedFieldByField() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 0)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let params = JSONValue.string(nbs.path + "/params.ipynb")
        let cases: [Case] = [
            Case(body: ["parameters": [:]], status: 400, field: "notebook", says: "'notebook' is required"),
            Case(body: ["notebook": 5], status: 400, field: "notebook", says: "non-empty string"),
            Case(body: ["notebook": .string(nbs.path + "/missing.ipynb")], status: 400, field: "notebook", says: "missing.ipynb"),
            Case(body: ["notebook": params, "kernel": "no-such-kernel"], status: 400, field: "kernel", says: "no kernel named 'no-such-kernel'"),
            Case(body: ["notebook": params, "parameters": ["x": "seven"]], status: 400, field: "parameters.x", says: "expected an integer, found string"),
            Case(body: ["notebook": params, "parameters": ["name": 3]], status: 400, field: "parameters.name", says: "expected a string"),
            Case(body: ["notebook": params, "parameters": [1, 2]], status: 400, field: "parameters", says: "must be an object"),
            Case(body: ["notebook": params, "timeout": -1], status: 400, field: "timeout", says: "greater than 0"),
            Case(body: ["notebook": params, "timeout": 6.5e307], status: 400, field: "timeout", says: "at most 2592000"),
            Case(body: ["notebook": params, "tags": ["ok", ""]], status: 400, field: "tags[1]", says: "1 to 200 characters"),
            Case(body: ["notebook": params, "tags": ["a", 2]], status: 400, field: "tags[1]", says: "must be a string"),
            Case(body: ["notebook": params, "colour": "red"], status: 400, field: "colour", says: "unknown field 'colour'"),
            Case(body: ["notebook": "ftp://host/x.ipynb"], status: 400, field: "notebook", says: "unsupported scheme"),
        ]
        for c in cases {
            let r = try await http.post("/api/v1/runs", c.body)
            #expect(r.status == c.status, "\(c): \(r.text)")
            #expect(r.headers["Content-Type"].first == "application/problem+json", "\(c)")
            #expect(r.json["field"]?.stringValue == c.field, "\(c): \(r.text)")
            #expect(r.json["detail"]?.stringValue?.contains(c.says) == true, "\(c): \(r.text)")
            #expect(r.json["status"]?.intValue == c.status)
        }
        // Not JSON, not an object, wrong media type, too large.
        let notJSON = try await http.call("POST", "/api/v1/runs", body: Array("{nope".utf8))
        #expect(notJSON.status == 400 && notJSON.json["detail"]?.stringValue?.contains("not valid JSON") == true)
        #expect(try await http.call("POST", "/api/v1/runs", body: Array("[1]".utf8)).status == 400)
        let wrongType = try await http.call("POST", "/api/v1/runs", body: Array("{}".utf8), headers: ["Content-Type": "text/plain"])
        #expect(wrongType.status == 415)
        let huge = try await http.call("POST", "/api/v1/runs", body: Array(repeating: UInt8(ascii: " "), count: 5 << 20))
        #expect(huge.status == 413, "\(huge.text)")
        // Nothing was queued by any of it.
        #expect(try await http.get("/api/v1/runs").json["runs"]?.arrayValue?.isEmpty == true)
    }

    @Test func queriesAndUnknownThings() async throws {
        let server = try ServeProcess(workers: 0)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let checks: [(String, Int, String?)] = [
            ("/api/v1/runs?limit=0", 400, "limit"),
            ("/api/v1/runs?limit=abc", 400, "limit"),
            ("/api/v1/runs?status=done", 400, "status"),
            ("/api/v1/runs?since=yesterday", 400, "since"),
            ("/api/v1/runs?param=novalue", 400, "param"),
            ("/api/v1/runs?cursor=%%%garbage", 400, "cursor"),
            ("/api/v1/runs/r0000", 404, nil),
            ("/api/v1/runs/r0000/output", 404, nil),
            ("/api/v1/jobs/nope", 404, nil),
            ("/api/v1/nothing-here", 404, nil),
        ]
        for (path, status, field) in checks {
            let r = try await http.get(path)
            #expect(r.status == status, "\(path): \(r.text)")
            #expect(r.json["field"]?.stringValue == field, "\(path): \(r.text)")
            #expect(r.headers["Content-Type"].first == "application/problem+json", "\(path)")
        }
    }

    @Test func jobDefinitionsAreValidated() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 0)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let nb = JSONValue.string(nbs.path + "/params.ipynb")
        let cases: [(JSONValue, String, String)] = [
            (["name": "a", "notebook": nb, "schedule": "61 * * * *"], "schedule", "61"),
            (["name": "a", "notebook": nb, "schedule": "0 3 * * *", "timezone": "Mars/Olympus"], "timezone", "Mars/Olympus"),
            (["name": "a", "notebook": nb, "kernel": "nope"], "kernel", "no kernel named 'nope'"),
            (["name": "a", "notebook": .string(nbs.path + "/missing.ipynb")], "notebook", "missing.ipynb"),
            (["name": "a", "notebook": nb, "parameters": ["x": "ten"]], "parameters.x", "expected an integer"),
            (["name": "a", "notebook": nb, "retries": ["max_attempts": "three"]], "retries.max_attempts", "three"),
            (["name": "bad name!", "notebook": nb], "name", "name"),
            (["notebook": nb], "name", "name"),
        ]
        for (body, field, says) in cases {
            let r = try await http.post("/api/v1/jobs", body)
            #expect(r.status == 400, "\(body.text): \(r.text)")
            #expect(r.json["field"]?.stringValue == field, "\(body.text): \(r.text)")
            #expect(r.json["detail"]?.stringValue?.contains(says) == true, "\(body.text): \(r.text)")
        }
        #expect(try await http.get("/api/v1/jobs").json["jobs"]?.arrayValue?.isEmpty == true)
    }

    @Test func serveRefusesBadConfiguration() throws {
        let folder = Folder()
        let bad = folder.path + "/quire.yaml"
        try "jobs:\n  - name: x\n    notebook: [unclosed\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try Quire.run(["serve", "--config", bad, "--port", "0", "--data", folder.path + "/data"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("quire.yaml"), "\(r.stderr)")
        try "jobs:\n  - name: x\n    notebook: a.ipynb\n    schedule: \"0 25 * * *\"\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let cron = try Quire.run(["serve", "--config", bad, "--port", "0", "--data", folder.path + "/data"])
        #expect(cron.status == 2)
        #expect(cron.stderr.contains("jobs[0].schedule"), "\(cron.stderr)")
        let remote = try Quire.run(["serve", "--host", "0.0.0.0", "--port", "0", "--data", folder.path + "/data"])
        #expect(remote.status == 2)
        #expect(remote.stderr.contains("without API tokens"), "\(remote.stderr)")
        let missing = try Quire.run(["serve", "--config", folder.path + "/nope.yaml", "--port", "0", "--data", folder.path + "/data"])
        #expect(missing.status == 2)
    }
}
