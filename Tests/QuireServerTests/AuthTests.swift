import Foundation
import QuireTestSupport
import Testing

/// Bearer tokens: with tokens configured every call needs one; users see and cancel only their own
/// runs and jobs unless admin.
@Suite(.serialized) struct AuthTests {
    @Test func tokensOwnersAndAdmins() async throws {
        let nbs = try Fixtures.folder()
        let config = """
            tokens:
              - {token: alice-token, user: alice}
              - {token: bob-token, user: bob}
              - {token_env: QUIRE_TEST_ADMIN_TOKEN, user: ops, admin: true}
            """
        let server = try ServeProcess(workers: 0, config: config, env: ["QUIRE_TEST_ADMIN_TOKEN": "ops-token"])
        defer { server.stop() }
        let anonymous = HTTP(base: server.baseURL)
        let alice = HTTP(base: server.baseURL, token: "alice-token")
        let bob = HTTP(base: server.baseURL, token: "bob-token")
        let ops = HTTP(base: server.baseURL, token: "ops-token")

        let denied = try await anonymous.get("/api/v1/runs")
        #expect(denied.status == 401)
        #expect(denied.headers["WWW-Authenticate"].first?.hasPrefix("Bearer") == true)
        #expect(try await HTTP(base: server.baseURL, token: "wrong").get("/api/v1/runs").status == 401)
        #expect(try await anonymous.get("/healthz").status == 200)
        #expect(try await anonymous.get("/api/v1/openapi.yaml").status == 200)
        #expect(try await anonymous.get("/metrics").status == 401)

        let submitted = try await alice.post("/api/v1/runs", ["notebook": .string(nbs.path + "/params.ipynb")])
        #expect(submitted.status == 202)
        #expect(submitted.json["owner"]?.stringValue == "alice")
        let id = submitted.json["id"]!.stringValue!
        #expect(try await alice.get("/api/v1/runs/\(id)").status == 200)
        #expect(try await bob.get("/api/v1/runs/\(id)").status == 404)
        #expect(try await bob.post("/api/v1/runs/\(id)/cancel").status == 404)
        #expect(try await bob.get("/api/v1/runs").json["runs"]?.arrayValue?.isEmpty == true)
        #expect(try await bob.get("/api/v1/runs?owner=alice").status == 403)
        #expect(try await ops.get("/api/v1/runs").json["runs"]?.arrayValue?.count == 1)
        #expect(try await ops.post("/api/v1/runs/\(id)/cancel").json["status"]?.stringValue == "cancelled")

        let job = try await bob.post("/api/v1/jobs", ["name": "bobs", "notebook": .string(nbs.path + "/params.ipynb")])
        #expect(job.json["owner"]?.stringValue == "bob")
        #expect(try await alice.get("/api/v1/jobs/bobs").status == 404)
        #expect(try await alice.get("/api/v1/jobs").json["jobs"]?.arrayValue?.isEmpty == true)
        #expect(try await ops.get("/api/v1/jobs/bobs").status == 200)
    }
}
