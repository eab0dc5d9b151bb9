import AsyncHTTPClient
import Foundation

/// Turns the strings users write into store locations:
/// - a plain path (`out.ipynb`, `/data/in.ipynb`) or `file:///data/in.ipynb`: `LocalStore`;
/// - `s3://bucket/key`: `S3Store`, configured from the environment like the AWS tools;
/// - `http://…` and `https://…`: `HTTPStore`, read only.
public struct StoreResolver: Sendable {
    public var s3: S3Configuration
    /// The client for every store; `nil` uses `StorageHTTPClients` (one for S3, one for the web).
    public var httpClient: HTTPClient?

    /// S3 settings from `environment` (see `S3Configuration.fromEnvironment`).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, httpClient: HTTPClient? = nil) {
        self.init(s3: .fromEnvironment(environment), httpClient: httpClient)
    }

    public init(s3: S3Configuration, httpClient: HTTPClient? = nil) {
        self.s3 = s3
        self.httpClient = httpClient
    }

    /// True when `string` has a scheme this resolver handles other than a plain path.
    public static func isURL(_ string: String) -> Bool {
        let lower = string.lowercased()
        return ["s3://", "http://", "https://", "file://"].contains { lower.hasPrefix($0) }
    }

    public func location(_ string: String) throws(StorageError) -> StoreLocation {
        let lower = string.lowercased()
        if lower.hasPrefix("s3://") {
            let rest = string.dropFirst(5)
            let bucket = String(rest.prefix { $0 != "/" })
            guard !bucket.isEmpty else { throw .invalidLocation(string, reason: "no bucket after s3://") }
            let key = String(rest.dropFirst(bucket.count + 1))
            return StoreLocation(store: S3Store(bucket: bucket, configuration: s3, httpClient: httpClient ?? StorageHTTPClients.s3), key: key)
        }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            let schemeEnd = string.range(of: "://")!.upperBound
            let authorityEnd = string[schemeEnd...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? string.endIndex
            guard authorityEnd > schemeEnd else { throw .invalidLocation(string, reason: "no host") }
            var key = String(string[authorityEnd...])
            if let hash = key.firstIndex(of: "#") { key = String(key[..<hash]) }
            if key.isEmpty || key.hasPrefix("?") { key = "/" + key }
            return StoreLocation(store: HTTPStore(origin: String(string[..<authorityEnd]), httpClient: httpClient ?? StorageHTTPClients.web), key: key)
        }
        if lower.hasPrefix("file://") {
            let rest = string.dropFirst(7)
            let host = rest.prefix { $0 != "/" }
            guard host.isEmpty || host.lowercased() == "localhost" else {
                throw .invalidLocation(string, reason: "file URLs on another host (\(host)) are not supported")
            }
            let path = AWSPercentEncoding.decode(String(rest.dropFirst(host.count)))
            guard !path.isEmpty else { throw .invalidLocation(string, reason: "no path") }
            return StoreLocation(store: LocalStore(root: ""), key: path)
        }
        if let colon = string.range(of: "://"), string[..<colon.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" }) {
            throw .invalidLocation(string, reason: "unsupported scheme \"\(string[..<colon.lowerBound])\" (use a path, file://, s3://, http:// or https://)")
        }
        guard !string.isEmpty else { throw .invalidLocation(string, reason: "empty") }
        return StoreLocation(store: LocalStore(root: ""), key: string)
    }
}
