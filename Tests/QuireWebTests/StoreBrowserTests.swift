import Foundation
import NotebookFormat
import Testing

/// The store browser over HTTP against a real `quire serve`: a real run's output found by
/// following the folder links and rendered with its frames, pages of a large folder, sizes and
/// times, paths that try to leave the store, and who may browse.
@Suite(.serialized) struct StoreBrowserTests {
    /// The first `href` of the page that starts with `prefix` and contains `containing`.
    static func link(_ html: String, prefix: String, containing: String) -> String? {
        let pattern = "href=\"(" + NSRegularExpression.escapedPattern(for: prefix) + "[^\"]*)\""
        let regex = try! NSRegularExpression(pattern: pattern)
        for m in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let href = String(html[Range(m.range(at: 1), in: html)!]).replacingOccurrences(of: "&amp;", with: "&")
            if href.contains(containing) { return href }
        }
        return nil
    }

    @Test func browseRenderPageAndRefuseEscapes() async throws {
        let server = try WebServer()
        defer { server.stop() }
        let web = WebClient(base: server.baseURL)
        let root = server.folder + "/data/runs"

        // A real run writes its output into the store.
        let submit = try await web.postJSON("/api/v1/runs", ["notebook": .string(server.notebooks + "/form.ipynb"), "parameters": ["label": "in-the-store"]])
        #expect(submit.status == 202, "\(submit.text)")
        let id = try #require(submit.json["id"]?.stringValue)
        let run = try await web.waitForFinal(id)
        #expect(run["status"]?.stringValue == "succeeded", "\(run)")
        let output = try #require(run["output"]?.stringValue)
        #expect(output.hasPrefix(root + "/"), "\(output)")
        let relative = String(output.dropFirst(root.count + 1))
        let folders = relative.split(separator: "/").dropLast().map(String.init)

        // From the root down to the notebook by the page's own links.
        var page = try await web.get("/store")
        #expect(page.status == 200, "\(page.text)")
        WebPageTests.expectSecure(page, "/store")
        #expect(page.text.contains("<a href=\"/store\">Store</a>"), "the local admin sees the store in the navigation")
        for (depth, folder) in folders.enumerated() {
            let wanted = folders[...depth].joined(separator: "/") + "/"
            let href = try #require(Self.link(page.text, prefix: "/store?path=", containing: wanted), "no link to \(wanted) in \(page.text)")
            page = try await web.get(href)
            #expect(page.status == 200, "\(href): \(page.text)")
            #expect(page.text.contains("aria-current=\"page\">\(folder)</span>"), "breadcrumb of \(href)")
        }
        let size = try FileManager.default.attributesOfItem(atPath: output)[.size] as! Int
        #expect(page.text.contains(WebFormatExpect.bytes(size)), "the notebook's size")
        #expect(page.text.contains("<time datetime=\""), "modification times")
        let view = try #require(Self.link(page.text, prefix: "/store/view?path=", containing: relative), "the output is listed beside its input copy")
        #expect(view == "/store/view?path=" + relative)
        let rendered = try await web.get(view)
        #expect(rendered.status == 200, "\(rendered.text)")
        WebPageTests.expectSecure(rendered, view)
        #expect(rendered.text.contains("label is in-the-store"), "the notebook is rendered")
        #expect(!rendered.text.contains("srcdoc="))
        let frame = try #require(Self.link(rendered.text.replacingOccurrences(of: "src=", with: "href="), prefix: "/store/frames/", containing: "path="))
        let frameReply = try await web.get(frame)
        #expect(frameReply.status == 200, "\(frame): \(frameReply.text)")
        #expect(frameReply.header("Content-Security-Policy")?.contains("sandbox allow-scripts") == true)
        #expect(frameReply.text.contains("<td>in-the-store</td>"))
        #expect(try await web.get("/store/frames/99/0?path=" + relative).status == 404)
        let cells = try #require(try JSONValue.parse(Array(Data(contentsOf: URL(fileURLWithPath: output))))["cells"]?.arrayValue)
        let stream = try #require(cells.firstIndex { $0["outputs"]?.arrayValue?.first?["output_type"]?.stringValue == "stream" })
        let streamFrame = try await web.get("/store/frames/\(stream)/0?path=" + relative)
        #expect(streamFrame.status == 404 && streamFrame.text.contains("is not shown in a frame"), "a stream output is not a frame")
        let noImage = try await web.get("/store/images/\(stream)/0?path=" + relative)
        #expect(noImage.status == 404 && noImage.text.contains("has no image/png image"))

        // A large folder comes a page (50 entries) at a time; sizes in readable units.
        try FileManager.default.createDirectory(atPath: root + "/many/sub", withIntermediateDirectories: true)
        for i in 0..<60 { try Data(repeating: 65, count: 2048).write(to: URL(fileURLWithPath: root + String(format: "/many/f%02d.txt", i))) }
        let first = try await web.get("/store?path=many/")
        #expect(first.status == 200)
        #expect(first.text.contains("f00.txt") && first.text.contains("f49.txt") && !first.text.contains("f50.txt"), "the first 50 entries in key order")
        #expect(first.text.contains("<td>2.0 KiB</td>"))
        let next = try #require(Self.link(first.text, prefix: "/store?path=many/", containing: "after="))
        let second = try await web.get(next)
        #expect(second.status == 200 && second.text.contains("f50.txt") && second.text.contains("f59.txt") && !second.text.contains("f49.txt"))
        #expect(second.text.contains("href=\"/store?path=many/sub/\">sub/</a>"), "folders are listed in key order too")
        #expect(Self.link(second.text, prefix: "/store?path=many/", containing: "after=") == nil, "the last page has no next link")
        #expect(second.text.contains(">First page</a>"))

        // Missing things are 404; a folder named like a notebook and a file that is not one are refused.
        try FileManager.default.createDirectory(atPath: root + "/dir.ipynb", withIntermediateDirectories: true)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: root + "/broken.ipynb"))
        let cases: [(String, Int, String)] = [
            ("/store?path=nope/", 404, "there is no folder &#39;nope&#39;"),
            ("/store/view?path=nope.ipynb", 404, "there is no &#39;nope.ipynb&#39;"),
            ("/store/view?path=dir.ipynb", 404, "cannot be read from the output store"),
            ("/store/view?path=many/f00.txt", 400, "is not a notebook"),
            ("/store/view?path=broken.ipynb", 422, "&#39;broken.ipynb&#39; cannot be shown"),
            // Escapes: plain, percent-encoded, absolute, in every route.
            ("/store?path=..", 400, "may not contain &#39;..&#39; segments"),
            ("/store?path=many/../..", 400, "may not contain"),
            ("/store?path=%2E%2E%2F%2E%2E%2Fetc", 400, "may not contain"),
            ("/store?path=/etc", 400, "must be relative"),
            ("/store?path=%2Fetc", 400, "must be relative"),
            ("/store?path=many//sub", 400, "empty segment"),
            ("/store?path=..%5C..", 400, "backslash"),
            ("/store/view?path=..%2F..%2Fquire.yaml", 400, "may not contain"),
            ("/store/view?path=%2Fetc%2Fpasswd", 400, "must be relative"),
            ("/store/frames/0/0?path=..%2Fx.ipynb", 400, "may not contain"),
            ("/store/images/0/0?path=/x.ipynb", 400, "must be relative"),
            // Encoded twice: after one decoding it is a strange but harmless folder name.
            ("/store?path=%252E%252E/", 404, "there is no folder"),
        ]
        for (path, status, message) in cases {
            let reply = try await web.get(path)
            #expect(reply.status == status, "\(path): \(reply.status) \(reply.text.suffix(400))")
            #expect(reply.text.contains(message), "\(path): \(reply.text.suffix(400))")
        }
    }

    @Test func onlyAdminsBrowse() async throws {
        let server = try WebServer(config: { _ in
            """
            tokens:
              - {token: alice-token, user: alice}
              - {token: root-token, user: root, admin: true}
            """
        })
        defer { server.stop() }
        let alice = WebClient(base: server.baseURL)
        #expect(try await alice.get("/store").status == 303, "no session: the login page")
        _ = try await alice.get("/login")
        #expect(try await alice.post("/login", [("token", "alice-token")]).status == 303)
        let refused = try await alice.get("/store")
        #expect(refused.status == 403 && refused.text.contains("alice is not an admin"), "\(refused.text)")
        #expect(try await alice.get("/store/view?path=x.ipynb").status == 403)
        #expect(!(try await alice.get("/").text.contains("href=\"/store\"")), "no Store link for non-admins")
        let root = WebClient(base: server.baseURL)
        _ = try await root.get("/login")
        #expect(try await root.post("/login", [("token", "root-token")]).status == 303)
        let allowed = try await root.get("/store")
        #expect(allowed.status == 200 && allowed.text.contains("Output store"), "\(allowed.text)")
    }
}

/// Sizes as the store page writes them, computed independently of the server's code.
enum WebFormatExpect {
    static func bytes(_ n: Int) -> String {
        n < 1024 ? "\(n) B" : n < 1 << 20 ? String(format: "%.1f KiB", Double(n) / 1024) : String(format: "%.1f MiB", Double(n) / 1048576)
    }
}
