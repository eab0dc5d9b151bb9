/// The standalone page around a rendered body: stylesheet, CSP `<meta>`, and the one script the
/// page runs (frame heights, and highlight.js when an asset base provides it).
struct PageShell {
    let options: RenderOptions
    let title: String

    func start() -> String {
        var out = HTMLBuffer(capacity: 16_384)
        out.raw("<!DOCTYPE html>\n<html lang=\"en\"")
        if options.theme != .auto { out.raw(" data-theme=\"\(options.theme.rawValue)\"") }
        out.raw(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        out.attribute(NotebookRenderer.contentSecurityPolicy)
        out.raw("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>")
        out.text(title)
        out.raw("</title>\n<style>\n")
        out.raw(Stylesheet.css)
        out.raw("</style>\n")
        if let base = assetBase {
            out.raw("<link rel=\"stylesheet\" href=\"")
            out.attribute(base + "/highlight.css")
            out.raw("\">\n")
        }
        out.raw("</head>\n<body>\n<main>\n")
        return out.string
    }

    func end() -> String {
        var out = HTMLBuffer()
        out.raw("</main>\n")
        if let base = assetBase {
            out.raw("<script src=\"")
            out.attribute(base + "/highlight.js")
            out.raw("\"></script>\n")
        }
        out.raw(NotebookRenderer.pageScript)
        out.raw("\n</body>\n</html>\n")
        return out.string
    }

    /// Without a trailing slash; nil for standalone pages.
    var assetBase: String? {
        guard !options.standalone, var base = options.assetBase, !base.isEmpty else { return nil }
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }
}
