import Hummingbird

/// With tokens configured, every request except health checks and the API description needs
/// `Authorization: Bearer <token>`; the token's user becomes the request's user. Without tokens,
/// every caller is the local admin — the server then binds to loopback only unless told otherwise.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = QuireContext
    let tokens: [APIToken]
    static let open: Set<String> = ["/healthz", "/api/v1/openapi.yaml"]

    func handle(_ request: Request, context: QuireContext, next: (Request, QuireContext) async throws -> Response) async throws -> Response {
        var context = context
        if tokens.isEmpty || Self.open.contains(request.uri.path) {
            context.user = .local
            return try await next(request, context)
        }
        // Browsers carry a session cookie instead of a bearer header (see `WebAuth`).
        switch WebAuth.decide(request, tokens: tokens) {
        case .user(let user):
            context.user = user
            return try await next(request, context)
        case .open:
            return try await next(request, context)
        case .login:
            return WebAuth.loginRedirect(request)
        case .bearer:
            break
        }
        guard let header = request.headers[.authorization] else {
            throw Problem.unauthorized("this server requires a bearer token: send 'Authorization: Bearer <token>'")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.unauthorized("the Authorization header must be 'Bearer <token>'")
        }
        guard let match = tokens.first(where: { Self.constantTimeEqual($0.token, String(parts[1])) }) else {
            throw Problem.unauthorized("unknown or revoked token")
        }
        context.user = APIUser(name: match.user, admin: match.admin)
        return try await next(request, context)
    }

    /// Comparison time must not reveal how much of a guessed token was right.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(truncatingIfNeeded: x.count ^ y.count)
        for i in 0..<max(x.count, y.count) {
            diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return diff == 0 && x.count == y.count
    }
}
