import Foundation
import QuireTestSupport
import Testing

/// The OpenAPI document is valid OpenAPI 3.1, and the live server conforms to it under
/// schemathesis's generated requests: no 500s, responses match their schemas.
@Suite(.serialized) struct OpenAPITests {
    @Test func documentValidatesAndServerConforms() async throws {
        let nbs = try Fixtures.folder()
        let server = try ServeProcess(workers: 1)
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        // Some data for the generated requests to find.
        _ = try await http.post("/api/v1/runs", ["notebook": .string(nbs.path + "/params.ipynb")])
        _ = try await http.post("/api/v1/jobs", ["name": "seeded", "notebook": .string(nbs.path + "/params.ipynb")])
        let doc = nbs.path + "/openapi.yaml"
        try Data(try await http.get("/api/v1/openapi.yaml").body).write(to: URL(fileURLWithPath: doc))

        let validator = try Python.run(["-m", "openapi_spec_validator", doc])
        #expect(validator.status == 0, "\(validator.output)")

        let examples = ProcessInfo.processInfo.environment["QUIRE_SCHEMATHESIS_EXAMPLES"] ?? "25"
        let st = try Python.run(["-m", "schemathesis.cli", "run", doc, "--url", server.baseURL,
                                 "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                                 "--max-examples", examples, "--exclude-path-regex", "events|cancel|rerun|trigger",
                                 "--no-color"], timeout: 900)
        #expect(st.status == 0, "\(st.output.suffix(6000))\n\(server.log.suffix(3000))")
    }
}

enum Python {
    struct Result { let status: Int32; let output: String }

    /// Runs in a temporary folder: schemathesis keeps a cache of found failures in its working
    /// directory, which must not land in the checkout.
    static func run(_ args: [String], timeout: TimeInterval = 300) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.python)
        p.arguments = args
        let cwd = Folder()
        p.currentDirectoryURL = URL(fileURLWithPath: cwd.path)
        let file = NSTemporaryDirectory() + "quire-py-" + UUID().uuidString
        FileManager.default.createFile(atPath: file, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: file) }
        p.standardOutput = FileHandle(forWritingAtPath: file)
        p.standardError = p.standardOutput
        var env = ProcessInfo.processInfo.environment
        env["SCHEMATHESIS_HOOKS"] = nil
        p.environment = env
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        _ = cwd
        return Result(status: p.terminationStatus, output: (try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
    }
}
