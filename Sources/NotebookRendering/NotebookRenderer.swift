import NotebookFormat

/// Renders notebooks to HTML: the notebook body alone (for server pages to embed) or a
/// standalone page. Untrusted content is either sanitised (markdown) or isolated in sandboxed
/// frames (HTML, SVG and JavaScript outputs); see `contentSecurityPolicy` for what pages must send.
public struct NotebookRenderer: Sendable {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    /// The notebook body: run header (parameters, timings) and every cell, in one `<div>`.
    public func renderBody(_ nb: Notebook) -> String {
        let context = RenderContext(nb, options: options)
        var out = context.bodyStart()
        for i in nb.cells.indices { out += context.cell(i) }
        out += context.bodyEnd()
        return out
    }

    /// The same HTML as `renderBody(_:)`, handed over cell by cell as it is rendered, so a server
    /// can flush the first cells before the last is done.
    public func renderBody(_ nb: Notebook, chunk: (String) async throws -> Void) async rethrows {
        let context = RenderContext(nb, options: options)
        try await chunk(context.bodyStart())
        for i in nb.cells.indices {
            let html = context.cell(i)
            if !html.isEmpty { try await chunk(html) }
        }
        try await chunk(context.bodyEnd())
    }

    /// A standalone HTML page: stylesheet inline, the CSP as a `<meta>`, the frame-height script.
    public func renderPage(_ nb: Notebook, title: String) -> String {
        let shell = PageShell(options: options, title: title)
        return shell.start() + renderBody(nb) + shell.end()
    }

    /// `renderPage(_:title:)` in chunks, for writing large pages without holding them in memory.
    public func renderPage(_ nb: Notebook, title: String, chunk: (String) async throws -> Void) async rethrows {
        let shell = PageShell(options: options, title: title)
        try await chunk(shell.start())
        try await renderBody(nb, chunk: chunk)
        try await chunk(shell.end())
    }

    /// `renderPage(_:title:)` handed to a synchronous writer piece by piece (a file being written).
    public func renderPage(_ nb: Notebook, title: String, into emit: (String) throws -> Void) rethrows {
        let shell = PageShell(options: options, title: title)
        let context = RenderContext(nb, options: options)
        try emit(shell.start())
        try emit(context.bodyStart())
        for i in nb.cells.indices {
            let html = context.cell(i)
            if !html.isEmpty { try emit(html) }
        }
        try emit(context.bodyEnd())
        try emit(shell.end())
    }
}
