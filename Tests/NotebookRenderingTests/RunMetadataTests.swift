import Foundation
import NotebookFormat
import Testing
@testable import NotebookRendering

/// Papermill's run metadata: parameters header, per-cell status and duration, the error banner.
@Suite struct RunMetadataTests {
    /// papermill's own output for a failing notebook (shared/reference/papermill-vectors).
    @Test func papermillFailureOutput() throws {
        let nb = try Fixtures.reference("papermill-vectors/examples/out_fail.ipynb")
        let failing = try #require(nb.cells.firstIndex { $0.metadata["papermill"]?["status"]?.stringValue == "failed" })
        let body = NotebookRenderer().renderBody(nb)
        // The top banner keeps papermill's text and links to the failing cell's anchor.
        #expect(body.contains("<div class=\"cell error-banner\" role=\"alert\" id=\"cell-0\">"))
        #expect(body.contains("An Exception was encountered at"))
        #expect(body.contains("<a class=\"jump-to-failure\" href=\"#cell-\(failing)\">Go to the failing cell</a>"))
        // papermill's own in-page link still works: ids and fragment links are prefixed alike.
        #expect(body.contains("href=\"#user-content-papermill-error-cell\"") && body.contains("id=\"user-content-papermill-error-cell\""))
        #expect(body.contains("<div class=\"cell code-cell run-failed\" id=\"cell-\(failing)\">"))
        #expect(body.contains("<span class=\"run-status status-failed\">failed</span> <span class=\"run-duration\" title=\"duration\">75 ms</span>"))
        #expect(body.contains("<span class=\"run-status status-pending\">pending</span>"))
        #expect(body.contains("<dt>Status</dt><dd class=\"status-failed\">failed (<a href=\"#cell-\(failing)\">failing cell</a>)</dd>"))
        #expect(body.contains("<p class=\"run-parameters-none\">No parameters.</p>"))
        #expect(body.contains("<span class=\"ansi-red-fg\">red</span>"))
    }

    @Test func parametersTable() throws {
        let nb = try Fixtures.corpus("papermill/binder-cli-simple/simple_output.ipynb")
        let params = try #require(nb.metadata["papermill"]?["parameters"]?.objectValue)
        let body = NotebookRenderer().renderBody(nb)
        #expect(body.contains("<table class=\"run-parameters\"><caption>Parameters</caption>"))
        for (name, _) in params { #expect(body.contains("<tr><th scope=\"row\"><code>\(name)</code></th>")) }
        let hidden = NotebookRenderer(options: RenderOptions(showRunMetadata: false)).renderBody(nb)
        #expect(!hidden.contains("run-header") && !hidden.contains("run-status"))
    }

    @Test func parameterValuesAreEscaped() {
        let pm = JSONObject([("parameters", .object(JSONObject([("x<y>", .string("</code><script>alert(1)</script>")), ("n", 3)])))])
        let body = NotebookRenderer().renderBody(Fixtures.notebook([], metadata: JSONObject([("papermill", .object(pm))])))
        #expect(body.contains("<code>x&lt;y&gt;</code>"))
        #expect(body.contains("<code>\"&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"</code>"))
        #expect(body.contains("<tr><th scope=\"row\"><code>n</code></th><td><code>3</code></td></tr>"))
    }

    @Test func durations() {
        #expect(RunMetadata.formatDuration(0.0754) == "75 ms")
        #expect(RunMetadata.formatDuration(2.305) == "2.31 s" || RunMetadata.formatDuration(2.305) == "2.30 s")
        #expect(RunMetadata.formatDuration(65) == "1 min 05 s")
        #expect(RunMetadata.formatDuration(7300) == "2 h 01 min")
        #expect(RunMetadata.formatDuration(-1) == "?")
    }

    @Test func corpusBannerNotebook() throws {
        let nb = try Fixtures.corpus("papermill/notebooks/broken1.ipynb")
        let body = NotebookRenderer().renderBody(nb)
        #expect(body.components(separatedBy: "class=\"cell error-banner\"").count == 3)
    }
}
