import Hummingbird

/// Per-request state: who is calling (set by `AuthMiddleware`).
struct QuireContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var user: APIUser?
    /// The web UI's per-request state (CSRF token, parsed form), set by `WebSessionMiddleware`.
    var web = WebRequestState()

    init(source: Source) {
        coreContext = .init(source: source)
        user = nil
    }

    /// Bodies are read by the handlers themselves with their own limits (a notebook may be large).
    var maxUploadSize: Int { 64 << 20 }
}

/// An authenticated caller. Without configured tokens every caller is the local admin.
struct APIUser: Sendable, Equatable {
    var name: String
    var admin: Bool

    static let local = APIUser(name: "local", admin: true)

    func mayAccess(owner: String?) -> Bool { admin || owner == name }
}
