import NotebookFormat

/// One rendering of one notebook: what is computed once (language, failing cell) and the
/// per-cell rendering that `NotebookRenderer` calls in order.
struct RenderContext {
    let nb: Notebook
    let options: RenderOptions
    /// `language-…` class for code inputs, from the notebook's language info.
    let language: String
    /// The cell papermill (or Quire) recorded as failed, for the banner's link.
    let failingCell: Int?

    init(_ nb: Notebook, options: RenderOptions) {
        self.nb = nb
        self.options = options
        let name = nb.metadata["language_info"]?["name"]?.stringValue
            ?? nb.metadata["kernelspec"]?["language"]?.stringValue ?? "python"
        language = String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-_#".unicodeScalars.contains($0) }.prefix(32))
        failingCell = RunMetadata.failingCell(in: nb)
    }

    var prefix: String { options.anchorPrefix }

    /// The id of cell `cell`, escaped for an attribute.
    func anchor(_ cell: Int) -> String { HTMLEscape.attribute("\(prefix)cell-\(cell)") }

    func bodyStart() -> String {
        var out = HTMLBuffer()
        out.raw("<div class=\"quire-notebook\"")
        if options.theme != .auto { out.raw(" data-theme=\"\(options.theme.rawValue)\"") }
        out.raw(">\n")
        if options.showRunMetadata { RunMetadata.header(nb, context: self, into: &out) }
        return out.string
    }

    func bodyEnd() -> String { "</div>\n" }

    /// The HTML of cell `i`, or "" when it is removed.
    func cell(_ i: Int) -> String {
        let cell = nb.cells[i]
        let display = CellDisplay(cell, options: options)
        if display.cellRemoved { return "" }
        var out = HTMLBuffer(capacity: 4096)
        if cell.tags.contains(RunMetadata.bannerTag) {
            banner(cell, index: i, into: &out)
            return out.string
        }
        switch cell.cellType {
        case "code": code(cell, index: i, display: display, into: &out)
        case "markdown":
            out.raw("<div class=\"cell markdown-cell\" id=\"\(anchor(i))\">\n<div class=\"markdown\">")
            out.raw(MarkdownRenderer.html(cell.source, attachments: cell.attachments, idPrefix: prefix + "user-content-"))
            out.raw("</div>\n</div>\n")
        default: raw(cell, index: i, into: &out)
        }
        return out.string
    }

    /// Raw cells meant for HTML are shown sanitised, markdown ones rendered; anything else as text.
    func raw(_ cell: Cell, index i: Int, into out: inout HTMLBuffer) {
        let format = (cell.metadata["format"] ?? cell.metadata["raw_mimetype"])?.stringValue?.lowercased() ?? ""
        out.raw("<div class=\"cell raw-cell\" id=\"\(anchor(i))\">")
        switch format {
        case "text/html":
            out.raw(HTMLSanitizer.sanitize(cell.source, idPrefix: prefix + "user-content-"))
        case "text/markdown":
            out.raw("<div class=\"markdown\">")
            out.raw(MarkdownRenderer.html(cell.source, attachments: cell.attachments, idPrefix: prefix + "user-content-"))
            out.raw("</div>")
        default:
            out.raw("<pre class=\"raw\">")
            out.text(cell.source)
            out.raw("</pre>")
        }
        out.raw("</div>\n")
    }

    /// Papermill's error banner, with a link to the failing cell's anchor.
    func banner(_ cell: Cell, index i: Int, into out: inout HTMLBuffer) {
        out.raw("<div class=\"cell error-banner\" role=\"alert\" id=\"\(anchor(i))\">")
        out.raw(MarkdownRenderer.html(cell.source, idPrefix: prefix + "user-content-"))
        if let f = failingCell, f != i + 1 {
            out.raw(" <a class=\"jump-to-failure\" href=\"#\(anchor(f))\">Go to the failing cell</a>")
        }
        out.raw("</div>\n")
    }
}
