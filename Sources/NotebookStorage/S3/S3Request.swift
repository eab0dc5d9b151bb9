import NIOHTTP1

/// One S3 API call before signing: the bucket and key it concerns (for URLs and error messages),
/// sub-resource query parameters, extra headers, and the body.
struct S3Request: Sendable {
    var method: HTTPMethod
    var bucket: String
    var key: String?
    var query: [(String, String)] = []
    var headers: [(String, String)] = []
    var body: Body = .empty

    enum Body: Sendable {
        case empty
        /// `range` of a write body (a whole object, or one part of a multipart upload).
        case slice(WriteBody, Range<Int>)
        case bytes([UInt8])

        var count: Int {
            switch self {
            case .empty: 0
            case .slice(_, let r): r.count
            case .bytes(let b): b.count
            }
        }
    }

    /// The S3 address, for messages.
    var s3URL: String { StorageError.s3URL(bucket, key) }
}

/// What S3 answered: status, headers and the whole body (S3's answers other than GET are small).
struct S3Response: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    func header(_ name: String) -> String? { headers.first(name: name) }
}
