import Foundation
import HTTPTypes
import Hummingbird

/// How browsers authenticate when tokens are configured (without tokens the UI is open, as the
/// API is, and the server binds to loopback only).
///
/// The login page takes one of the API's bearer tokens and keeps it, base64url-encoded, in the
/// `quire_session` cookie: HttpOnly (page scripts cannot read it), SameSite=Strict (never sent
/// with requests another site starts), Secure when the request arrived over TLS. Every request
/// re-checks the cookie against the same token table, so revoking a token ends its sessions and
/// a restart keeps them. The cookie counts on the UI's routes and, for GET only, on the API (the
/// run page's `EventSource` cannot send headers); API writes still need the bearer header, so the
/// cookie never makes the API's POSTs forgeable. Forms carry a CSRF token (`WebSessionMiddleware`).
enum WebAuth {
    enum Decision {
        /// A valid session cookie: the request acts as this user.
        case user(APIUser)
        /// A UI route anyone may load (login page, static assets).
        case open
        /// A page that needs a session: redirect to the login page.
        case login
        /// Leave it to the API's bearer check (which rejects the request without a header).
        case bearer
    }

    static let cookie = "quire_session"

    static func decide(_ request: Request, tokens: [APIToken]) -> Decision {
        let path = request.uri.path
        let api = path.hasPrefix("/api/") || path == "/metrics"
        if api, request.headers[.authorization] != nil { return .bearer }
        if let user = sessionUser(request, tokens: tokens) {
            return api && request.method != .get ? .bearer : .user(user)
        }
        if api { return .bearer }
        if path == "/login" || path.hasPrefix("/assets/") { return .open }
        return request.method == .get || request.method == .head ? .login : .bearer
    }

    static func sessionUser(_ request: Request, tokens: [APIToken]) -> APIUser? {
        guard let raw = request.cookies[cookie]?.value, let token = decode(raw) else { return nil }
        guard let match = tokens.first(where: { AuthMiddleware.constantTimeEqual($0.token, token) }) else { return nil }
        return APIUser(name: match.user, admin: match.admin)
    }

    /// 303 to the login page, remembering where the user was going (a local path only).
    static func loginRedirect(_ request: Request) -> Response {
        var target = request.uri.path
        if let q = request.uri.query, !q.isEmpty { target += "?" + q }
        return WebResponse.redirect("/login?next=" + WebHTML.queryEscape(target))
    }

    /// The cookie that logs a browser in with `token`.
    static func sessionCookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: cookie, value: encode(token), path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func clearedCookie(secure: Bool) -> Cookie {
        Cookie(name: cookie, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func encode(_ token: String) -> String {
        Data(token.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ value: String) -> String? {
        var b64 = value.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        b64 += String(repeating: "=", count: (4 - b64.count % 4) % 4)
        return Data(base64Encoded: b64).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// A local path to go to after logging in; anything else (another host, a scheme) goes home.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    /// Whether cookies get the Secure flag: the request came over TLS, directly or via a proxy.
    static func isSecure(_ request: Request) -> Bool {
        request.uri.scheme == .https || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }
}
