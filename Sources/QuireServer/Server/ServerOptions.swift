/// How the HTTP side of `quire serve` listens and whom it lets in.
public struct ServerOptions: Sendable {
    public var host: String
    /// 0 lets the OS choose (tests); the chosen port is printed on start.
    public var port: Int
    public var tokens: [APIToken]

    public init(host: String = "127.0.0.1", port: Int = 8080, tokens: [APIToken] = []) {
        self.host = host
        self.port = port
        self.tokens = tokens
    }

    /// Without tokens anyone who can reach the port controls the server, so only loopback is allowed.
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }
}
