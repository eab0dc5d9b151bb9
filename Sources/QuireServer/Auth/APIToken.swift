/// A bearer token the server accepts, and who it stands for.
public struct APIToken: Sendable, Equatable {
    public var token: String
    public var user: String
    public var admin: Bool

    public init(token: String, user: String, admin: Bool) {
        self.token = token
        self.user = user
        self.admin = admin
    }
}
