import Foundation
import NotebookFormat
import Testing

/// With tokens configured: the login page, the session cookie, what it may and may not do.
@Suite(.serialized) struct WebAuthTests {
    @Test func loginSessionAndLogout() async throws {
        let server = try WebServer(config: { nbs in
            """
            tokens:
              - {token: alice-token, user: alice}
            jobs:
              - {name: report, notebook: \(nbs)/form.ipynb, owner: alice}
            """
        })
        defer { server.stop() }
        let web = WebClient(base: server.baseURL)

        let home = try await web.get("/runs?status=failed")
        #expect(home.status == 303)
        #expect(home.location == "/login?next=/runs%3Fstatus%3Dfailed", "\(home.location ?? "")")
        #expect(try await web.get("/api/v1/runs").status == 401, "the API still wants a token")
        let login = try await web.get("/login")
        #expect(login.status == 200 && login.text.contains("<label for=\"token\">API token</label>"))
        #expect(try await web.get("/assets/quire.css").status == 200, "assets are open")

        // Login needs the CSRF token too; a wrong token is refused with the reason.
        #expect(try await web.post("/login", [("token", "alice-token")], csrf: false).status == 403)
        let wrong = try await web.post("/login", [("token", "guess"), ("next", "/")])
        #expect(wrong.status == 401 && wrong.text.contains("unknown or revoked token"))
        #expect(web.cookies["quire_session"] == nil)
        let empty = try await web.post("/login", [("token", " ")])
        #expect(empty.status == 400 && empty.text.contains("enter an API token"))

        // Only local paths are followed after login.
        let offsite = try await web.post("/login", [("token", "alice-token"), ("next", "//evil.example/")])
        #expect(offsite.status == 303 && offsite.location == "/")
        let cookie = try #require(offsite.headers["Set-Cookie"].first { $0.hasPrefix("quire_session=") })
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), "\(cookie)")
        #expect(!cookie.contains("alice-token"), "the cookie holds the token encoded, not in clear")

        let page = try await web.get("/jobs/report")
        #expect(page.status == 200 && page.text.contains("alice") && page.text.contains(">Log out</button>"))
        #expect(try await web.get("/api/v1/jobs").status == 200, "the session reads the API (the event stream needs it)")
        let write = try await web.postJSON("/api/v1/jobs/report/trigger", ["parameters": [:]])
        #expect(write.status == 401, "API writes need the bearer header, not the cookie")

        // A form post with the session works; logout ends it.
        let pause = try await web.post("/jobs/report/pause")
        #expect(pause.status == 303, "\(pause.text)")
        let logout = try await web.post("/logout")
        #expect(logout.status == 303 && logout.location == "/login")
        #expect(web.cookies["quire_session"] == nil)
        #expect(try await web.get("/jobs/report").status == 303)
        #expect(try await web.post("/jobs/report/resume").status == 401)

        // A forged cookie is no session.
        web.cookies["quire_session"] = "Ym9ndXM"
        #expect(try await web.get("/").status == 303)
    }
}
