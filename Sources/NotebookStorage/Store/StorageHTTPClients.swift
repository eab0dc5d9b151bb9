import AsyncHTTPClient
import NIOCore

/// The HTTP clients stores use unless given one: process-wide, created on first use and never
/// shut down (like async-http-client's own `HTTPClient.shared`, whose browser-like settings do not
/// suit a storage client: 90 s connect timeout, transparent decompression with a ratio limit).
public enum StorageHTTPClients {
    /// For S3: redirects are not followed (a signed request must not be replayed to another host;
    /// S3's redirects name the right region in the error instead), no decompression (objects are
    /// returned byte for byte), up to 16 connections per host for multipart and parallel transfers.
    public static let s3 = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration(followRedirects: false))

    /// For read-only HTTP(S) locations: redirects followed (up to 5).
    public static let web = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration(followRedirects: true))

    static func configuration(followRedirects: Bool) -> HTTPClient.Configuration {
        var c = HTTPClient.Configuration(
            redirectConfiguration: followRedirects ? .follow(max: 5, allowCycles: false) : .disallow,
            // The pool keeps retrying a refused connection until this deadline; S3Client's own
            // retries come on top, so keep each wait short.
            timeout: .init(connect: .seconds(5), read: .seconds(60)),
            decompression: .disabled)
        c.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 16)
        return c
    }
}
