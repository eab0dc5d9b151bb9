/// What `WebSessionMiddleware` learns about a UI request and hands to the page handlers.
struct WebRequestState: Sendable {
    /// The CSRF token forms must echo (also in the `quire_csrf` cookie).
    var csrfToken: String = ""
    /// The decoded `application/x-www-form-urlencoded` body of a POST.
    var form: FormBody = FormBody()
    /// Whether the request came over TLS (cookies then get `Secure`).
    var secure = false
}
