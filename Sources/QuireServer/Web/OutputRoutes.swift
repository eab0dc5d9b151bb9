import Hummingbird
import NotebookFormat
import NotebookRendering

/// Untrusted outputs served on their own URLs, so that the page itself can keep a strict policy.
///
/// Chosen design: HTML, SVG and JavaScript outputs are not written into the page with `srcdoc`
/// (such frames inherit the page's policy, so their scripts could never run); the page embeds
/// `<iframe sandbox="allow-scripts" src="/runs/{id}/frames/{cell}/{index}">` and this route
/// answers with a permissive policy for that response only, which itself carries
/// `sandbox allow-scripts`: the document gets an opaque origin even when opened directly, so its
/// scripts run but can reach neither the page's DOM nor its cookies or storage. Large images come
/// from `/runs/{id}/images/{cell}/{index}?mime=…` instead of being inlined.
struct OutputRoutes: Sendable {
    let runs: RunLookup

    static let framePolicy = [
        "default-src 'none'",
        "script-src 'unsafe-inline' 'unsafe-eval' https:",
        "style-src 'unsafe-inline' https:",
        "img-src data: blob: https:",
        "font-src data: https:",
        "media-src data: blob: https:",
        "frame-ancestors 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "sandbox allow-scripts",
    ].joined(separator: "; ")

    func register(on group: RouterGroup<QuireContext>) {
        group.get("runs/:id/frames/:cell/:index", use: frame)
        group.get("runs/:id/images/:cell/:index", use: image)
    }

    @Sendable func frame(_ request: Request, context: QuireContext) async throws -> Response {
        let run = try await runs.run(context)
        let output = try await runs.cellOutput(run, context: context)
        return try Self.frameResponse(output, what: "that output of run \(run.id)")
    }

    @Sendable func image(_ request: Request, context: QuireContext) async throws -> Response {
        let run = try await runs.run(context)
        let output = try await runs.cellOutput(run, context: context)
        return try Self.imageResponse(output, request: request, what: "that output of run \(run.id)")
    }

    /// The output as its own sandboxed document; `what` names it in the 404.
    static func frameResponse(_ output: Output, what: String) throws -> Response {
        guard let document = NotebookRenderer.frameDocument(output) else {
            throw Problem.notFound("\(what) is not shown in a frame")
        }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: framePolicy,
                                               .cacheControl: "private, max-age=60"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: document)))
    }

    /// The output's image of the `mime` query parameter (PNG by default).
    static func imageResponse(_ output: Output, request: Request, what: String) throws -> Response {
        let mime = request.uri.queryParameters.get("mime") ?? "image/png"
        guard let bytes = NotebookRenderer.imageBytes(output, mime: mime) else {
            throw Problem.notFound("\(what) has no \(mime) image")
        }
        return Response(status: .ok, headers: [.contentType: mime, .cacheControl: "private, max-age=3600"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
