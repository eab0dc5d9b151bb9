import Foundation
import Hummingbird
import NotebookFormat
import NotebookRendering
import NotebookStorage

/// A notebook of the output store rendered as the run page renders outputs: `/store/view?path=…`,
/// with its HTML/SVG/JavaScript outputs in sandboxed frames served by
/// `/store/frames/{cell}/{index}?path=…` (same policy as the run frames, see `OutputRoutes`) and
/// large images from `/store/images/{cell}/{index}?path=…&mime=…`.
struct StoreNotebookRoutes: Sendable {
    let state: ServerState

    func register(on group: RouterGroup<QuireContext>) {
        group.get("store/view", use: view)
        group.get("store/frames/:cell/:index", use: frame)
        group.get("store/images/:cell/:index", use: image)
    }

    @Sendable func view(_ request: Request, context: QuireContext) async throws -> Response {
        let (path, nb) = try await notebook(request, context: context)
        let top = WebLayout.head(title: path.name, context: context) + StoreBrowserPage.breadcrumbs(path, current: true)
            + "<h1><code>\(WebHTML.escape(path.name))</code></h1>\n<section aria-label=\"Notebook\" id=\"store-notebook\">\n"
        let renderer = NotebookRenderer(options: Self.renderOptions(path))
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: top))
            try await renderer.renderBody(nb) { chunk in try await writer.write(ByteBuffer(string: chunk)) }
            try await writer.write(ByteBuffer(string: "</section>\n" + WebLayout.tail()))
            try await writer.finish(nil)
        })
    }

    @Sendable func frame(_ request: Request, context: QuireContext) async throws -> Response {
        let (path, nb) = try await notebook(request, context: context)
        return try OutputRoutes.frameResponse(try Self.output(nb, path: path, context: context), what: "that output of '\(path.relative)'")
    }

    @Sendable func image(_ request: Request, context: QuireContext) async throws -> Response {
        let (path, nb) = try await notebook(request, context: context)
        return try OutputRoutes.imageResponse(try Self.output(nb, path: path, context: context), request: request,
                                              what: "that output of '\(path.relative)'")
    }

    /// The notebook the `path` query names, read and parsed; everything is checked before a byte
    /// of the page is sent, so failures keep their status.
    private func notebook(_ request: Request, context: QuireContext) async throws -> (StorePath, Notebook) {
        try StoreBrowserPage.requireAdmin(context)
        let path = try StorePath(request.uri.queryParameters.get("path"))
        guard path.isNotebook else {
            throw Problem.badRequest("path '\(path.relative)' is not a notebook (only .ipynb files are shown)", field: "path")
        }
        let key = path.key(prefix: state.outputPrefix)
        let bytes: [UInt8]
        do { bytes = try await state.outputStore.read(key) } catch { throw StoreBrowserPage.problem(error, path: path) }
        do { return (path, try Notebook.load(bytes, file: path.relative, strict: false).notebook) } catch {
            throw Problem(status: .unprocessableContent, title: "Not a notebook", detail: "'\(path.relative)' cannot be shown: \(error)")
        }
    }

    private static func output(_ nb: Notebook, path: StorePath, context: QuireContext) throws -> Output {
        let cellRaw = try context.parameters.require("cell"), indexRaw = try context.parameters.require("index")
        guard let cell = Int(cellRaw), nb.cells.indices.contains(cell), let index = Int(indexRaw),
              nb.cells[cell].outputs.indices.contains(index) else {
            throw Problem.notFound("'\(path.relative)' has no output \(indexRaw) in cell \(cellRaw)")
        }
        return nb.cells[cell].outputs[index]
    }

    static func renderOptions(_ path: StorePath) -> RenderOptions {
        let query = "path=" + WebHTML.queryEscape(path.relative)
        return RenderOptions(
            inlineImageLimit: RunDetailPage.inlineImageLimit,
            resourceURL: { cell, output, mime in "/store/images/\(cell)/\(output)?\(query)&mime=\(WebHTML.queryEscape(mime))" },
            frameURL: { cell, output in "/store/frames/\(cell)/\(output)?\(query)" })
    }
}
