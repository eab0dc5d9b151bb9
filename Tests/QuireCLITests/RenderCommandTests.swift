import Foundation
import QuireTestSupport
import Testing

/// `quire render`, run as a process.
@Suite struct RenderCommandTests {
    static let corpus = TestPaths.corpus

    @Test func rendersToAFile() throws {
        let tmp = TempDir()
        let out = tmp.path + "/page.html"
        let r = try QuireBinary.run(["render", "\(Self.corpus)/nbclient/Error.ipynb", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Error.ipynb</title>"))
        #expect(html.contains("<strong>ZeroDivisionError</strong>"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["page.html"], "no temporary file may remain")
    }

    @Test func reportModeAndStdout() throws {
        let r = try QuireBinary.run(["render", "\(Self.corpus)/nbclient/Error.ipynb", "--report-mode", "--theme", "dark", "--title", "T<1>"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("<title>T&lt;1&gt;</title>"))
        #expect(r.stdout.contains("data-theme=\"dark\""))
        #expect(!r.stdout.contains("class=\"input\""))
        #expect(r.stdout.contains("ZeroDivisionError"))
    }

    @Test func missingFileIsBadInput() throws {
        let r = try QuireBinary.run(["render", "/nonexistent/x.ipynb", "-o", "/tmp/never.html"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/x.ipynb: cannot read: No such file or directory"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.html"))
    }

    @Test func invalidNotebookIsBadInput() throws {
        let tmp = TempDir()
        let file = "\(Self.corpus)/nbformat/invalid.ipynb"
        let r = try QuireBinary.run(["render", file, "-o", tmp.path + "/x.html"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(file): cells[0]: a markdown cell is missing the required member \"source\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
        let notJSON = tmp.path + "/broken.ipynb"
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: notJSON))
        let j = try QuireBinary.run(["render", notJSON])
        #expect(j.status == 2)
        #expect(j.stderr.contains("\(notJSON): not a notebook: invalid JSON"))
    }

    @Test func unwritableOutputAndBadThemeAreBadInput() throws {
        let w = try QuireBinary.run(["render", "\(Self.corpus)/nbclient/Error.ipynb", "-o", "/nonexistent-dir/x.html"])
        #expect(w.status == 2)
        #expect(w.stderr.contains("/nonexistent-dir/x.html: cannot write"))
        let t = try QuireBinary.run(["render", "\(Self.corpus)/nbclient/Error.ipynb", "--theme", "blue"])
        #expect(t.status == 2)
        #expect(t.stderr.contains("--theme must be auto, light or dark, not \"blue\""))
    }
}
