import HTTPTypes
import Hummingbird

/// For everything outside `/api/`: the security headers every page sends, and errors as HTML
/// pages (the API keeps its problem-details JSON).
struct WebMiddleware: RouterMiddleware {
    typealias Context = QuireContext

    /// Scripts only from Quire's own files (no inline script at all); styles may be inline because
    /// sanitised notebook markdown keeps harmless `style` attributes. Output frames come from this
    /// origin but are sandboxed into opaque origins (see `OutputRoutes`).
    static let contentSecurityPolicy = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: https:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
    ].joined(separator: "; ")

    func handle(_ request: Request, context: QuireContext, next: (Request, QuireContext) async throws -> Response) async throws -> Response {
        guard !request.uri.path.hasPrefix("/api/"), request.uri.path != "/healthz", request.uri.path != "/metrics" else {
            return try await next(request, context)
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let problem as Problem {
            response = WebResponse.html(ErrorPage.render(problem, context: context), status: problem.status)
        } catch let error as HTTPResponseError {
            let problem = error.status == .notFound
                ? Problem.notFound("there is no page at \(request.uri.path)")
                : Problem(status: error.status, title: error.status.reasonPhrase, detail: error.status.reasonPhrase)
            response = WebResponse.html(ErrorPage.render(problem, context: context), status: problem.status)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            let problem = Problem(status: .internalServerError, title: "Internal server error",
                                  detail: "the server failed; see its log for request \(context.id)")
            response = WebResponse.html(ErrorPage.render(problem, context: context), status: .internalServerError)
        }
        Self.secure(&response.headers)
        return response
    }

    /// Adds the headers; a response that chose its own policy (an output frame) keeps it.
    static func secure(_ headers: inout HTTPFields) {
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = contentSecurityPolicy }
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
    }
}
