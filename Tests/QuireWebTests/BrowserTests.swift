import Foundation
import NotebookFormat
import QuireTestSupport
import Testing

/// The UI in a real headless Chromium (Tests/python/webui_browser.py, selenium) against a real
/// `quire serve`: console-clean pages, the run-now form with live progress, the XSS corpus, the
/// store browser.
@Suite(.serialized) struct BrowserTests {
    @Test func pagesFormLiveProgressAndXSSCorpus() async throws {
        let server = try WebServer(config: { nbs in
            """
            jobs:
              - {name: report, notebook: \(nbs)/form.ipynb, schedule: "0 6 * * 1-5", timezone: America/New_York}
            """
        })
        defer { server.stop() }
        let web = WebClient(base: server.baseURL)
        // The XSS corpus runs first, so the page the browser opens holds its real outputs.
        let submit = try await web.postJSON("/api/v1/runs", ["notebook": .string(server.notebooks + "/xss.ipynb")])
        #expect(submit.status == 202, "\(submit.text)")
        let xss = try #require(submit.json["id"]?.stringValue)
        let done = try await web.waitForFinal(xss)
        #expect(done["status"]?.stringValue == "succeeded", "\(done)")

        let shots = NSTemporaryDirectory() + "quire-web-screenshots-" + UUID().uuidString
        let result = try Self.python([TestPaths.pythonScripts + "/webui_browser.py", server.baseURL, shots, xss, server.notebooks + "/slow.ipynb"])
        print(result.output)
        #expect(result.status == 0, "browser checks failed:\n\(result.output)\nserver log:\n\(server.log.suffix(4000))")
        for name in ["home", "runs", "job", "run", "xss", "store", "store-notebook", "live-running", "live"] where result.status == 0 {
            #expect(FileManager.default.fileExists(atPath: "\(shots)/\(name).png"), "screenshot \(name)")
        }
        #expect(result.output.contains("live status sequence"))
        #expect(result.output.contains("live view: highlighted"))
        // Screenshots are for looking into a failure; a passing run leaves none behind.
        if result.status == 0 { try? FileManager.default.removeItem(atPath: shots) } else { print("screenshots kept in \(shots)") }
    }

    /// Runs the venv's python; output and errors together, with a deadline.
    static func python(_ args: [String], timeout: TimeInterval = 400) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.python)
        p.arguments = args
        let log = NSTemporaryDirectory() + "quire-web-browser-" + UUID().uuidString + ".log"
        FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let handle = try #require(FileHandle(forWritingAtPath: log))
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        return (p.terminationStatus, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
}
