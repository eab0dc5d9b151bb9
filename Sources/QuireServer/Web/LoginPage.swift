import Foundation
import Hummingbird

/// `/login` and `/logout` (see `WebAuth` for what the session cookie holds and why).
struct LoginPage: Sendable {
    let state: ServerState

    func register(on group: RouterGroup<QuireContext>) {
        group.get("login", use: show)
        group.post("login", use: login)
        group.post("logout", use: logout)
    }

    @Sendable func show(_ request: Request, context: QuireContext) async throws -> Response {
        WebResponse.html(page(next: request.uri.queryParameters.get("next"), error: nil, context: context))
    }

    @Sendable func login(_ request: Request, context: QuireContext) async throws -> Response {
        let form = context.web.form
        let next = WebAuth.safeNext(form["next"])
        let token = (form["token"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !state.options.tokens.isEmpty else { return WebResponse.redirect(next) }
        guard !token.isEmpty else {
            return WebResponse.html(page(next: next, error: "enter an API token", context: context), status: .badRequest)
        }
        guard state.options.tokens.contains(where: { AuthMiddleware.constantTimeEqual($0.token, token) }) else {
            return WebResponse.html(page(next: next, error: "unknown or revoked token", context: context), status: .unauthorized)
        }
        var response = WebResponse.redirect(next)
        response.setCookie(WebAuth.sessionCookie(token, secure: context.web.secure))
        return response
    }

    @Sendable func logout(_ request: Request, context: QuireContext) async throws -> Response {
        var response = WebResponse.redirect("/login")
        response.setCookie(WebAuth.clearedCookie(secure: context.web.secure))
        return response
    }

    private func page(next: String?, error: String?, context: QuireContext) -> String {
        var body = "<h1>Log in</h1>\n"
        if state.options.tokens.isEmpty { body += "<p>This server has no tokens configured: every page is open.</p>\n" }
        body += "<form class=\"stacked\" method=\"post\" action=\"/login\">" + WebLayout.csrfField(context)
        body += "<input type=\"hidden\" name=\"next\" value=\"\(WebHTML.escape(WebAuth.safeNext(next)))\">"
        body += "<label for=\"token\">API token</label>"
        body += "<input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"current-password\" required"
        if let error { body += " aria-invalid=\"true\" aria-describedby=\"token-error\"><span class=\"field-error\" id=\"token-error\" role=\"alert\">\(WebHTML.escape(error))</span>" } else { body += ">" }
        body += "<p><button type=\"submit\" class=\"primary\">Log in</button></p></form>\n"
        return WebLayout.page(title: "Log in", body: body, context: context)
    }
}
