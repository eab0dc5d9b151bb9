import Foundation
import NotebookFormat
import Testing
@testable import NotebookRendering

/// Report mode, tags, image resources, anchors, streaming, themes.
@Suite struct RendererOptionsTests {
    static let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

    func sample() -> Notebook {
        Fixtures.notebook([
            Fixtures.markdown("# Title"),
            Fixtures.code("print('kept')", outputs: [.stream(name: "stdout", text: "kept out\n")], count: 1),
            Fixtures.code("secret_cell()", outputs: [.stream(name: "stdout", text: "removed cell out\n")], count: 2, tags: ["remove-cell"]),
            Fixtures.code("secret_input()", outputs: [.stream(name: "stdout", text: "visible out\n")], count: 3, tags: ["remove-input"]),
            Fixtures.code("visible_input()", outputs: [.stream(name: "stdout", text: "removed out\n")], count: 4, tags: ["remove_output"]),
            Fixtures.code("folded_input()", outputs: [.stream(name: "stdout", text: "folded out\n")], count: 5, tags: ["hide-input", "hide-output"]),
            Fixtures.code("img()", outputs: [.displayData(data: Fixtures.bundle(("image/png", .string(Self.png)), ("text/plain", "<Figure>")), metadata: JSONObject())], count: 6),
        ], metadata: JSONObject([("language_info", .object(JSONObject([("name", "python")])))]))
    }

    @Test func tagsAreHonoured() {
        let body = NotebookRenderer().renderBody(sample())
        #expect(body.contains("print(&#39;kept&#39;)") || body.contains("print('kept')"))
        #expect(!body.contains("secret_cell") && !body.contains("removed cell out"))
        #expect(!body.contains("secret_input") && body.contains("visible out"))
        #expect(body.contains("visible_input") && !body.contains("removed out"))
        #expect(body.contains("<details class=\"input-collapsed\"><summary>Show code</summary>"))
        #expect(body.contains("<details class=\"outputs-collapsed\"><summary>Show output</summary>"))
        #expect(!body.contains("id=\"cell-2\"") && body.contains("id=\"cell-3\""))
        #expect(body.contains("<code class=\"language-python\">"))
    }

    @Test func tagsCanBeIgnored() {
        let body = NotebookRenderer(options: RenderOptions(honourTags: false)).renderBody(sample())
        #expect(body.contains("secret_cell") && body.contains("removed out") && !body.contains("<details"))
    }

    @Test func reportModeHidesEveryInput() {
        let body = NotebookRenderer(options: RenderOptions(hideInputs: true)).renderBody(sample())
        #expect(!body.contains("class=\"input\""))
        #expect(!body.contains("print(") && !body.contains("folded_input"))
        #expect(body.contains("kept out") && body.contains("<h1>Title</h1>"))
    }

    @Test func sourceHiddenMetadataCollapsesInput() {
        var cell = Fixtures.code("hidden_by_papermill()")
        cell.metadata["jupyter"] = .object(JSONObject([("source_hidden", true)]))
        let body = NotebookRenderer().renderBody(Fixtures.notebook([cell]))
        #expect(body.contains("<details class=\"input-collapsed\"><summary>Show code</summary><div class=\"input\">"))
    }

    @Test func largeImagesBecomeResources() {
        let options = RenderOptions(inlineImageLimit: 10, resourceURL: { cell, output, mime in "/runs/7/cells/\(cell)/outputs/\(output)?mime=\(mime)" })
        let body = NotebookRenderer(options: options).renderBody(sample())
        #expect(body.contains("<img src=\"/runs/7/cells/6/outputs/0?mime=image/png\" alt=\"&lt;Figure&gt;\">"))
        #expect(!body.contains("data:image/png"))
        // Under the limit, or with no URL given, images stay inline.
        let inline = NotebookRenderer(options: RenderOptions(inlineImageLimit: 10, resourceURL: { _, _, _ in nil })).renderBody(sample())
        #expect(inline.contains("src=\"data:image/png;base64,\(Self.png)\""))
        let big = NotebookRenderer(options: RenderOptions(inlineImageLimit: 1_000_000, resourceURL: { _, _, _ in "/x" })).renderBody(sample())
        #expect(big.contains("src=\"data:image/png;base64,"))
        let standalone = NotebookRenderer(options: RenderOptions(standalone: true, inlineImageLimit: 10, resourceURL: { _, _, _ in "/x" })).renderBody(sample())
        #expect(standalone.contains("src=\"data:image/png;base64,"))
    }

    @Test func anchorPrefixApplies() {
        let body = NotebookRenderer(options: RenderOptions(anchorPrefix: "nb1-")).renderBody(sample())
        #expect(body.contains("id=\"nb1-cell-0\"") && !body.contains("id=\"cell-0\""))
    }

    @Test func streamingChunksConcatenateToTheBody() async throws {
        for path in ["nbclient/Error.ipynb", "nbconvert/files_notebook1.ipynb", "papermill/notebooks/broken1.ipynb", "nbconvert/exporters_notebook2.ipynb"] {
            let nb = try Fixtures.corpus(path)
            let renderer = NotebookRenderer()
            var chunks: [String] = []
            await renderer.renderBody(nb) { chunks.append($0) }
            #expect(chunks.count >= 2)
            #expect(chunks.joined() == renderer.renderBody(nb), "\(path)")
            var pageChunks: [String] = []
            await renderer.renderPage(nb, title: "t", chunk: { pageChunks.append($0) })
            #expect(pageChunks.joined() == renderer.renderPage(nb, title: "t"))
            var synchronous = ""
            renderer.renderPage(nb, title: "t", into: { synchronous += $0 })
            #expect(synchronous == renderer.renderPage(nb, title: "t"))
        }
    }

    @Test func streamingStopsWhenTheConsumerThrows() async {
        struct Gone: Error {}
        var seen = 0
        await #expect(throws: Gone.self) {
            try await NotebookRenderer().renderBody(sample()) { _ in
                seen += 1
                if seen == 2 { throw Gone() }
            }
        }
        #expect(seen == 2)
    }

    @Test func themes() {
        let auto = NotebookRenderer().renderPage(sample(), title: "x")
        #expect(auto.contains("<html lang=\"en\">") && auto.contains("@media (prefers-color-scheme:dark)"))
        let dark = NotebookRenderer(options: RenderOptions(theme: .dark)).renderPage(sample(), title: "x")
        #expect(dark.contains("<html lang=\"en\" data-theme=\"dark\">"))
    }

    @Test func assetsOnlyWhenGivenABase() {
        let standalone = NotebookRenderer().renderPage(sample(), title: "x")
        #expect(!standalone.contains("highlight.js"))
        let served = NotebookRenderer(options: RenderOptions(assetBase: "/assets/")).renderPage(sample(), title: "x")
        #expect(served.contains("<script src=\"/assets/highlight.js\"></script>"))
        #expect(served.contains("<link rel=\"stylesheet\" href=\"/assets/highlight.css\">"))
    }

    @Test func mimePriorityFollowsNbconvert() {
        let all = Fixtures.bundle(("text/plain", "plain"), ("text/latex", "$x$"), ("text/markdown", "**md**"), ("image/png", .string(Self.png)))
        let body = NotebookRenderer().renderBody(Fixtures.notebook([Fixtures.code("x", outputs: [.executeResult(executionCount: 1, data: all, metadata: JSONObject())])]))
        #expect(body.contains("<img src=\"data:image/png") && !body.contains("<strong>md</strong>") && !body.contains(">plain<"))
        let md = Fixtures.bundle(("text/plain", "plain"), ("text/latex", "$x$"), ("text/markdown", "**md**"))
        let mdBody = NotebookRenderer().renderBody(Fixtures.notebook([Fixtures.code("x", outputs: [.executeResult(executionCount: 1, data: md, metadata: JSONObject())])]))
        #expect(mdBody.contains("<strong>md</strong>") && mdBody.contains("Out&nbsp;[1]:"))
        let json = Fixtures.bundle(("application/json", .object(JSONObject([("a", 1)]))), ("text/plain", "plain"))
        let jsonBody = NotebookRenderer().renderBody(Fixtures.notebook([Fixtures.code("x", outputs: [.displayData(data: json, metadata: JSONObject())])]))
        #expect(jsonBody.contains("<pre class=\"output-json\">{\n \"a\": 1\n}</pre>"))
        let unknown = Fixtures.bundle(("application/x-weird", "?"))
        let unknownBody = NotebookRenderer().renderBody(Fixtures.notebook([Fixtures.code("x", outputs: [.displayData(data: unknown, metadata: JSONObject())])]))
        #expect(unknownBody.contains("No displayable representation (application/x-weird)."))
    }

    @Test func streamsKeepWhatTheTerminalShowed() {
        let body = NotebookRenderer().renderBody(Fixtures.notebook([Fixtures.code("x", outputs: [
            .stream(name: "stderr", text: "10%\r50%\r100%\ndone\n"),
        ])]))
        #expect(body.contains("<div class=\"output output-stream output-stderr\"><pre>100%\ndone\n</pre></div>"))
    }

    @Test func imageSizeOnlyFromNumbers() {
        let meta = JSONObject([("image/png", .object(JSONObject([("width", 320), ("height", "\"><script>")])))])
        let body = NotebookRenderer().renderBody(Fixtures.notebook([Fixtures.code("x", outputs: [
            .displayData(data: Fixtures.bundle(("image/png", .string(Self.png))), metadata: meta),
        ])]))
        #expect(body.contains("width=\"320\">") && !body.contains("height="))
    }
}
