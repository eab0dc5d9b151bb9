import AsyncHTTPClient

/// An HTTP client that gives up connecting after 300 ms (async-http-client retries a refused
/// connection until its connect timeout), shut down after `body`.
func withQuickFailingClient(_ body: (HTTPClient) async throws -> Void) async throws {
    let client = HTTPClient(eventLoopGroupProvider: .singleton,
                            configuration: .init(timeout: .init(connect: .milliseconds(300), read: .seconds(5))))
    do { try await body(client) } catch {
        try? await client.shutdown()
        throw error
    }
    try await client.shutdown()
}
