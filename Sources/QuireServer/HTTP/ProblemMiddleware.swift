import Hummingbird
import Logging

/// Every error leaves as problem details: Quire's own problems as they are, framework errors
/// (unknown route, bad method) with their status, and anything else as a logged 500 without
/// internals in the body.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = QuireContext

    func handle(_ request: Request, context: QuireContext, next: (Request, QuireContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            throw problem
        } catch let error as HTTPResponseError {
            let detail = error.status == .notFound ? "no such endpoint: \(request.method) \(request.uri.path)" : "\(error.status.reasonPhrase)"
            throw Problem(status: error.status, title: error.status.reasonPhrase, detail: detail)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            throw Problem(status: .internalServerError, title: "Internal server error", detail: "the server failed; see its log for request \(context.id)")
        }
    }
}
