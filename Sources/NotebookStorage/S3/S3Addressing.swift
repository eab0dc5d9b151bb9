/// Where an S3 request goes. With a custom endpoint (`AWS_ENDPOINT_URL[_S3]`) buckets are
/// addressed path-style (`http://host:port/bucket/key`), as S3-compatible services expect; on AWS
/// itself virtual-hosted style (`https://bucket.s3.region.amazonaws.com/key`), except for bucket
/// names with dots, which would not match the wildcard TLS certificate.
struct S3Addressing {
    /// scheme://host[:port]
    let origin: String
    /// The Host header: host, plus the port when it is not the scheme's default.
    let host: String
    /// The encoded canonical URI, sent as is.
    let path: String

    init(config: S3Configuration, bucket: String, key: String?) {
        let encodedKey = key.map { AWSPercentEncoding.encode($0, keepSlash: true) }
        if let endpoint = config.endpoint {
            var e = endpoint
            while e.hasSuffix("/") { e.removeLast() }
            if !e.contains("://") { e = "https://" + e }
            // An endpoint may carry a base path (a service mounted under /s3).
            let afterScheme = e.range(of: "://")!.upperBound
            let slash = e[afterScheme...].firstIndex(of: "/") ?? e.endIndex
            origin = String(e[..<slash])
            let basePath = String(e[slash...])
            host = Self.hostHeader(origin)
            path = basePath + "/" + AWSPercentEncoding.encode(bucket) + (encodedKey.map { "/" + $0 } ?? "")
        } else if bucket.contains(".") {
            origin = "https://s3.\(config.region).amazonaws.com"
            host = "s3.\(config.region).amazonaws.com"
            path = "/" + bucket + (encodedKey.map { "/" + $0 } ?? "")
        } else {
            origin = "https://\(bucket).s3.\(config.region).amazonaws.com"
            host = "\(bucket).s3.\(config.region).amazonaws.com"
            path = "/" + (encodedKey ?? "")
        }
    }

    /// The full URL with the query encoded exactly as in the canonical request.
    func url(query: [(String, String)]) -> String {
        guard !query.isEmpty else { return origin + path }
        let q = query.map { "\(AWSPercentEncoding.encode($0.0))=\(AWSPercentEncoding.encode($0.1))" }.joined(separator: "&")
        return origin + path + "?" + q
    }

    private static func hostHeader(_ origin: String) -> String {
        let scheme = origin.prefix { $0 != ":" }
        let authority = origin.dropFirst(scheme.count + 3)
        if (scheme == "http" && authority.hasSuffix(":80")) || (scheme == "https" && authority.hasSuffix(":443")) {
            return String(authority.dropLast(scheme == "http" ? 3 : 4))
        }
        return String(authority)
    }
}
