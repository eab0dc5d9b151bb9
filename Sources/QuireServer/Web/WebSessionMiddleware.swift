import Hummingbird

/// CSRF protection for the UI's forms by double submit: a random token lives in the `quire_csrf`
/// cookie (SameSite=Strict, HttpOnly — only the server reads it, and writes it into each form) and
/// every POST must send the same value in its `csrf` field. Another site can make a browser send
/// the cookie's request but can neither read the cookie nor guess the token, so its forged forms
/// fail with 403. Also decodes the form body for the handlers.
struct WebSessionMiddleware: RouterMiddleware {
    typealias Context = QuireContext
    static let cookie = "quire_csrf"
    static let formLimit = 1 << 20

    func handle(_ request: Request, context: QuireContext, next: (Request, QuireContext) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let existing = (request.cookies[Self.cookie]?.value).flatMap { Self.isToken($0) ? $0 : nil }
        context.web.csrfToken = existing ?? Self.newToken()
        context.web.secure = WebAuth.isSecure(request)
        if request.method == .post {
            let buffer: ByteBuffer
            do { buffer = try await request.collectBody(upTo: Self.formLimit) } catch {
                throw Problem.tooLarge("the form is larger than \(Self.formLimit) bytes")
            }
            context.web.form = FormBody(Array(buffer.readableBytesView))
            guard let existing, let sent = context.web.form["csrf"],
                  AuthMiddleware.constantTimeEqual(existing, sent) else {
                throw Problem.forbidden("the form's CSRF token is missing or does not match this browser's; reload the page and submit again")
            }
        }
        var response = try await next(request, context)
        if existing == nil {
            response.setCookie(Cookie(name: Self.cookie, value: context.web.csrfToken, path: "/", secure: context.web.secure,
                                      httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// 32 random bytes, base64url: 43 characters.
    static func newToken() -> String {
        var g = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return String((0..<43).map { _ in alphabet[Int(g.next(upperBound: UInt8(64)))] })
    }

    static func isToken(_ s: String) -> Bool {
        s.count == 43 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
