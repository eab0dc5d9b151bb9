import Foundation
import QuireTestSupport
import Testing

/// A job's secret parameters and variables reach the kernel but no record: not the output
/// notebook, not the input snapshot, not the database, not the server's log.
@Suite(.serialized) struct SecretTests {
    @Test func secretsNeverLandAnywhere() async throws {
        let nbs = try Fixtures.folder()
        let token = "tok-\(UUID().uuidString)"
        let password = "pw-\(UUID().uuidString)"
        let config = """
            jobs:
              - name: with-secrets
                notebook: \(nbs.path)/secret.ipynb
                secrets:
                  token: QUIRE_TEST_TOKEN_SOURCE
                secret_env:
                  API_PASSWORD: QUIRE_TEST_PASSWORD_SOURCE
            """
        let server = try ServeProcess(workers: 1, config: config, env: [
            "QUIRE_TEST_TOKEN_SOURCE": token, "QUIRE_TEST_PASSWORD_SOURCE": password,
        ])
        defer { server.stop() }
        let http = HTTP(base: server.baseURL)
        let trigger = try await http.post("/api/v1/jobs/with-secrets/trigger")
        #expect(trigger.status == 202, "\(trigger.text)")
        let id = try #require(trigger.json["id"]?.stringValue)
        let run = try await http.waitForFinal(id)
        #expect(run["status"]?.stringValue == "succeeded", "\(run.text)\n\(server.log)")
        #expect(run["secret_parameters"] == ["token"])
        #expect(run["parameters"]?["token"]?.stringValue == "<secret>")

        let output = try String(contentsOfFile: try #require(run["output"]?.stringValue), encoding: .utf8)
        // The kernel had the real values: the length printed is the secret's, the env var was set.
        #expect(output.contains("token length \(token.count)"))
        #expect(output.contains("echo: ***"))
        #expect(output.contains("env ***"))
        for path in ["/api/v1/runs/\(id)", "/api/v1/runs/\(id)/output", "/api/v1/jobs/with-secrets", "/api/v1/runs"] {
            let response = try await http.get(path).text
            #expect(!response.contains(token) && !response.contains(password), "\(path)")
        }
        // Nothing anywhere holds either value.
        server.stop(removeData: false)
        var files = [server.logPath]
        let enumerator = FileManager.default.enumerator(atPath: server.data)
        while let f = enumerator?.nextObject() as? String { files.append(server.data + "/" + f) }
        #expect(files.contains { $0.hasSuffix("quire.db") })
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            #expect(data.range(of: Data(token.utf8)) == nil, "\(file) holds the secret parameter")
            #expect(data.range(of: Data(password.utf8)) == nil, "\(file) holds the secret variable")
        }
        try? FileManager.default.removeItem(atPath: server.data)
        try? FileManager.default.removeItem(atPath: server.logPath)
    }
}
