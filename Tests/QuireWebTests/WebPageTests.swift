import Foundation
import NotebookFormat
import Testing

/// The pages over HTTP against a real `quire serve`: security headers, forms with CSRF, field
/// errors, pause/resume, run pages, output frames, 404 pages.
@Suite(.serialized) struct WebPageTests {
    static func config(_ notebooks: String) -> String {
        """
        jobs:
          - name: report
            notebook: \(notebooks)/form.ipynb
            parameters: {label: from-job}
            schedule: "30 2 * * *"
            timezone: Europe/Berlin
          - name: broken
            notebook: \(notebooks)/fail.ipynb
        """
    }

    static func expectSecure(_ reply: WebClient.Reply, _ path: String) {
        let csp = reply.header("Content-Security-Policy") ?? ""
        for directive in ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"] {
            #expect(csp.contains(directive), "\(path): CSP lacks \(directive): \(csp)")
        }
        #expect(!csp.contains("script-src 'self' 'unsafe-inline'"), "\(path)")
        #expect(reply.header("X-Content-Type-Options") == "nosniff", "\(path)")
        #expect(reply.header("Referrer-Policy") == "same-origin", "\(path)")
    }

    @Test func pagesFormsAndActions() async throws {
        let server = try WebServer(config: Self.config)
        defer { server.stop() }
        let web = WebClient(base: server.baseURL)

        for path in ["/", "/runs", "/jobs/report", "/jobs/broken", "/runs?status=failed", "/login"] {
            let page = try await web.get(path)
            #expect(page.status == 200, "\(path): \(page.status) \(page.text)")
            #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(page.text.contains("<html lang=\"en\">"), "\(path)")
            #expect(!page.text.contains("<script>"), "\(path) has an inline script")
            Self.expectSecure(page, path)
        }
        #expect(web.cookies["quire_csrf"]?.count == 43)

        // The job page: schedule in words and zone, a form generated from the parameters cell.
        let job = try await web.get("/jobs/report").text
        #expect(job.contains("at 02:30 every day (Europe/Berlin time)"), "\(job)")
        #expect(job.contains("CET") || job.contains("CEST") || job.contains("GMT+"), "next run in the job's zone")
        #expect(job.contains("<label for=\"p-count\">count</label>"))
        #expect(job.contains("<input type=\"number\" step=\"1\" id=\"p-count\" name=\"p.count\""))
        #expect(job.contains("<input type=\"number\" step=\"any\" id=\"p-ratio\""))
        #expect(job.contains("<input type=\"checkbox\" id=\"p-verbose\""))
        #expect(job.contains("id=\"p-label\" name=\"p.label\"") && job.contains("value=\"from-job\""), "the job's value is prefilled")
        #expect(job.contains("<textarea id=\"p-items\""))

        // CSRF: no token, a wrong token → 403 and no run.
        let missing = try await web.post("/jobs/report/run", [("p.count", "3")], csrf: false)
        #expect(missing.status == 403, "\(missing.text)")
        #expect(missing.text.contains("CSRF token is missing"))
        Self.expectSecure(missing, "403")
        #expect(try await web.post("/jobs/report/run", [("p.count", "3"), ("csrf", String(repeating: "a", count: 43))], csrf: false).status == 403)
        let stranger = WebClient(base: server.baseURL)
        #expect(try await stranger.post("/jobs/report/pause", [("csrf", web.cookies["quire_csrf"]!)], csrf: false).status == 403,
                "a token without its cookie is refused")

        // Field errors: 400, the form again with the message next to the field.
        let badInt = try await web.post("/jobs/report/run", [("p.count", "three"), ("p.label", "x")])
        #expect(badInt.status == 400)
        #expect(badInt.text.contains("expected an integer (the notebook declares count: int), got &#39;three&#39;"), "\(badInt.text)")
        #expect(badInt.text.contains("aria-invalid=\"true\""))
        #expect(badInt.text.contains("value=\"three\""), "the submitted value is kept")
        let badJSON = try await web.post("/jobs/report/run", [("p.items", "[1,")])
        #expect(badJSON.status == 400 && badJSON.text.contains("expected a JSON value"), "\(badJSON.text)")
        let badType = try await web.post("/jobs/report/run", [("p.items", "{\"a\": 1}")])
        #expect(badType.status == 400 && badType.text.contains("expected a list, found object"), "\(badType.text)")
        let badFloat = try await web.post("/jobs/report/run", [("p.ratio", "half")])
        #expect(badFloat.status == 400 && badFloat.text.contains("expected a number"), "\(badFloat.text)")
        #expect(try await web.get("/api/v1/runs").json["runs"]?.arrayValue?.isEmpty == true, "no run was started by a bad form")

        // A good form: 303 to the new run, with the typed parameters.
        let ok = try await web.post("/jobs/report/run", [("p.count", "4"), ("p.ratio", "1.5"), ("p.verbose", "true"), ("p.items", "[7]"), ("p.label", "web")])
        #expect(ok.status == 303, "\(ok.text)")
        let location = try #require(ok.location)
        #expect(location.hasPrefix("/runs/r"))
        let id = String(location.dropFirst("/runs/".count))
        let run = try await web.waitForFinal(id)
        #expect(run["status"]?.stringValue == "succeeded", "\(run)")
        #expect(run["parameters"] == ["label": "web", "count": 4, "ratio": 1.5, "verbose": true, "items": [7]], "\(run["parameters"] ?? .null)")

        // The run page: facts, rendered output, frames on their own URLs with their own policy.
        let page = try await web.get(location)
        #expect(page.status == 200)
        Self.expectSecure(page, location)
        #expect(page.text.contains("id=\"run-live\"") && page.text.contains("data-status=\"succeeded\""))
        #expect(page.text.contains("label is web"), "the output notebook is rendered")
        #expect(!page.text.contains("srcdoc="), "outputs are frames with their own URL")
        let frameSrc = try #require(page.text.range(of: #"/runs/r[0-9a-z]+/frames/[0-9]+/[0-9]+"#, options: .regularExpression))
        let frame = try await web.get(String(page.text[frameSrc]))
        #expect(frame.status == 200)
        #expect(frame.header("Content-Security-Policy")?.contains("sandbox allow-scripts") == true)
        #expect(frame.header("Content-Security-Policy")?.contains("frame-ancestors 'self'") == true)
        #expect(frame.text.contains("<td>web</td>"))
        #expect(try await web.get("/runs/\(id)/frames/0/9").status == 404)
        let fragment = try await web.get("/runs/\(id)/fragment")
        #expect(fragment.status == 200 && fragment.text.contains("label is web") && !fragment.text.contains("<html"))
        let download = try await web.get("/runs/\(id)/download")
        #expect(download.status == 200 && download.header("Content-Type") == "application/x-ipynb+json")
        #expect((try? JSONValue.parse(download.body))?["cells"] != nil)

        // Cancel a finished run: 409 page; rerun: a new run of the same parameters.
        let cancel = try await web.post("/runs/\(id)/cancel")
        #expect(cancel.status == 409 && cancel.text.contains("already succeeded"), "\(cancel.text)")
        let rerun = try await web.post("/runs/\(id)/rerun")
        #expect(rerun.status == 303)
        let rerunID = String(try #require(rerun.location).dropFirst("/runs/".count))
        let second = try await web.waitForFinal(rerunID)
        #expect(second["rerun_of"]?.stringValue == id && second["parameters"] == run["parameters"])
        #expect(try await web.get("/runs/\(rerunID)").text.contains("href=\"/runs/\(id)\">Previous run of this job</a>"))

        // Pause and resume through the forms.
        let pause = try await web.post("/jobs/report/pause")
        #expect(pause.status == 303 && pause.location == "/jobs/report")
        #expect(try await web.get("/api/v1/jobs/report").json["active"] == .bool(false))
        #expect(try await web.get("/jobs/report").text.contains(">Resume</button>"))
        #expect(try await web.post("/jobs/report/resume").status == 303)
        #expect(try await web.get("/api/v1/jobs/report").json["active"] == .bool(true))

        // History filters and lists.
        let history = try await web.get("/jobs/report?status=succeeded")
        #expect(history.text.contains(id) && history.text.contains(rerunID))
        #expect(!(try await web.get("/jobs/report?status=failed").text.contains(id)))
        #expect(try await web.get("/runs?status=bogus").status == 400)
        #expect(try await web.get("/runs?cursor=!!").status == 400)
        let home = try await web.get("/").text
        #expect(home.contains("href=\"/jobs/report\"") && home.contains("class=\"s-succeeded\""), "history strip")
    }

    @Test func failingRunLinksToItsCellAndUnknownPagesAre404() async throws {
        let server = try WebServer(config: Self.config)
        defer { server.stop() }
        let web = WebClient(base: server.baseURL)
        _ = try await web.get("/")
        let trigger = try await web.post("/jobs/broken/run")
        #expect(trigger.status == 303, "\(trigger.text)")
        let id = String(try #require(trigger.location).dropFirst("/runs/".count))
        let run = try await web.waitForFinal(id)
        #expect(run["status"]?.stringValue == "failed")
        let cell = try #require(run["error"]?["cell"]?.intValue)
        let page = try await web.get("/runs/\(id)").text
        #expect(page.contains("<a class=\"jump-to-failure\" href=\"#cell-\(cell)\">"), "\(page)")
        #expect(page.contains("id=\"cell-\(cell)\""), "the link's target exists")
        #expect(page.contains("boom from the web test"))
        let home = try await web.get("/").text
        #expect(home.contains("Failures in the last 24 hours") && home.contains(id))

        for path in ["/jobs/nope", "/runs/rnothere", "/runs/r0000000000001aaaaaaaaaa", "/no/such/page", "/assets/katex/../../../etc/passwd",
                     "/assets/nothing/x.js", "/runs/\(id)/frames/99/0"] {
            let reply = try await web.get(path)
            #expect(reply.status == 404, "\(path): \(reply.status)")
            #expect(reply.header("Content-Type")?.hasPrefix("text/html") == true, "\(path)")
            #expect(reply.text.contains("404 Not found"), "\(path)")
            Self.expectSecure(reply, path)
        }
        #expect(try await web.get("/api/v1/runs/rnothere").header("Content-Type") == "application/problem+json", "the API keeps JSON errors")
        #expect(try await web.post("/jobs/nope/run").status == 404)
        for asset in ["/assets/quire.css", "/assets/quire.js"] {
            #expect(try await web.get(asset).status == 200, "\(asset)")
        }
        if FileManager.default.fileExists(atPath: "/usr/share/javascript/katex/katex.min.js") {
            #expect(try await web.get("/assets/katex/katex.min.js").status == 200)
            #expect(try await web.get("/assets/katex/fonts/KaTeX_Main-Regular.woff2").header("Content-Type") == "font/woff2")
        }
        if FileManager.default.fileExists(atPath: "/usr/share/javascript/highlight.js/highlight.min.js") {
            #expect(try await web.get("/assets/highlight/highlight.min.js").status == 200)
            #expect(try await web.get("/").text.contains("/assets/highlight/highlight.min.js"))
        }
    }
}
