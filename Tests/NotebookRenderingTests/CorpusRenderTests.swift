import Foundation
import NotebookFormat
import QuireTestSupport
import Testing
@testable import NotebookRendering

/// Every notebook of the shared corpus renders, and each kind of output comes out as it should.
@Suite struct CorpusRenderTests {
    static let notebooks = Fixtures.allCorpusNotebooks()

    @Test func corpusIsThere() {
        #expect(Self.notebooks.count > 60)
    }

    /// Files a lenient reader refuses (not JSON, unknown major version) have nothing to render.
    @Test(arguments: notebooks)
    func rendersWithoutExecutableContentInThePage(_ path: String) throws {
        guard let nb = try? Fixtures.corpus(path) else { return }
        let body = NotebookRenderer().renderBody(nb)
        #expect(body.hasPrefix("<div class=\"quire-notebook\""))
        let cells = body.components(separatedBy: "class=\"cell ").count - 1
        #expect(cells == nb.cells.count - removed(nb), "\(path)")
        let page = ExecutableScan.outsideFrames(body).lowercased()
        #expect(!page.contains("<script"), "\(path)")
        #expect(page.range(of: #"<[a-z][^>]*\son[a-z]+="#, options: .regularExpression) == nil, "\(path)")
    }

    func removed(_ nb: Notebook) -> Int {
        nb.cells.filter { $0.tags.contains { ["remove-cell", "remove_cell"].contains($0.lowercased()) } }.count
    }

    @Test func pngImagesInline() throws {
        let body = NotebookRenderer().renderBody(try Fixtures.corpus("nbclient/Inline Image.ipynb"))
        #expect(body.contains("<img src=\"data:image/png;base64,iVBOR"))
    }

    @Test func jpegImagesInline() throws {
        let body = NotebookRenderer().renderBody(try Fixtures.corpus("nbconvert/files_notebook4_jpeg.ipynb"))
        #expect(body.contains("<img src=\"data:image/jpeg;base64,/9j/"))
    }

    @Test func svgInASandboxedFrame() throws {
        let body = NotebookRenderer().renderBody(try Fixtures.corpus("nbclient/SVG.ipynb"))
        #expect(body.contains("<iframe class=\"quire-output-frame\" sandbox=\"allow-scripts\""))
        #expect(body.contains("&lt;svg"))
        #expect(!body.contains("allow-same-origin"))
    }

    @Test func errorsShowNameAndColouredTraceback() throws {
        let body = NotebookRenderer().renderBody(try Fixtures.corpus("nbclient/Error.ipynb"))
        #expect(body.contains("<div class=\"output output-error\" role=\"alert\"><p class=\"error-summary\"><strong>ZeroDivisionError</strong>"))
        #expect(body.contains("<span class=\"ansi-red-fg\">"))
        #expect(!body.contains("\u{1B}["))
        #expect(body.contains("id=\"cell-0\""))
    }

    @Test func widgetsGetAPlaceholderWithModelIDAndFallback() throws {
        let nb = try Fixtures.corpus("nbclient/JupyterWidgets.ipynb")
        guard case .displayData(let data, _) = nb.cells[0].outputs[0],
              let id = data["application/vnd.jupyter.widget-view+json"]?["model_id"]?.stringValue else {
            Issue.record("corpus notebook changed")
            return
        }
        let body = NotebookRenderer().renderBody(nb)
        #expect(body.contains("<div class=\"widget-placeholder\" role=\"note\">Interactive widget (model <code>\(id)</code>)"))
        #expect(body.contains("<pre class=\"output-text\">Label(value=&#39;Hello World&#39;)</pre>") || body.contains("<pre class=\"output-text\">Label(value='Hello World')</pre>"))
    }

    @Test func latexAndHTMLOutputs() throws {
        // SymPy results carry PNG and LaTeX: the PNG comes first in nbconvert's order.
        let body = NotebookRenderer().renderBody(try Fixtures.corpus("nbconvert/files_notebook1.ipynb"))
        #expect(body.contains("<img src=\"data:image/png;base64,") && !body.contains("output-latex"))
        let latex = Fixtures.bundle(("text/latex", "$$\\frac{a<b}{c}$$"), ("text/plain", "a/c"))
        let latexBody = NotebookRenderer().renderBody(Fixtures.notebook([Fixtures.code("x", outputs: [.displayData(data: latex, metadata: JSONObject())])]))
        #expect(latexBody.contains("<div class=\"output-latex\">$$\\frac{a&lt;b}{c}$$</div>"))
        let test4 = NotebookRenderer().renderBody(try Fixtures.corpus("nbformat/test4.ipynb"))
        #expect(test4.contains("title=\"HTML output\" srcdoc="))
        #expect(test4.contains("title=\"JavaScript output\" srcdoc="))
    }

    @Test func injectionNotebookStaysInert() throws {
        let nb = try Fixtures.corpus("nbconvert/exporters_notebook_inject.ipynb")
        let page = NotebookRenderer().renderPage(nb, title: nb.metadata["title"]?.stringValue ?? "")
        // Only the page's own script element is outside the frames.
        let outside = ExecutableScan.outsideFrames(page)
        #expect(outside.components(separatedBy: "<script").count == 2)
        #expect(outside.contains("<title>TITLE&lt;/title&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</title>")
            || outside.contains("<title>TITLE&lt;/title&gt;&lt;script&gt;alert('title')&lt;/script&gt;</title>"))
        #expect(!outside.contains("alert('png filenames')"))
        // Image data that is not base64 is refused rather than written into an attribute.
        #expect(outside.contains("Image (image/png) with invalid data, not shown."))
        #expect(!outside.contains("output.metadata.width"))
        #expect(outside.contains("<strong>Interactive widget</strong>") || outside.contains("Interactive widget (model <code>wid1</code>)"))
    }
}
