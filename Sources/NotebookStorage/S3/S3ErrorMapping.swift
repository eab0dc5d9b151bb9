/// Turns S3's error answers (`<Error><Code>…</Code><Message>…</Message></Error>`, or a bare
/// status for HEAD, which has no body) into `StorageError`s, and says which are worth retrying.
enum S3ErrorMapping {
    /// Error codes that mean "who you are or how you signed" rather than "what you asked for".
    static let authCodes: Set<String> = [
        "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken",
        "TokenRefreshRequired", "AuthorizationHeaderMalformed", "InvalidSecurity", "AllAccessDisabled",
        "AccountProblem", "RequestTimeTooSkewed", "InvalidClientTokenId",
    ]
    /// Error codes S3 sends with a 4xx (or 200) that a later attempt can get past.
    static let retryableCodes: Set<String> = [
        "RequestTimeout", "Throttling", "ThrottlingException", "SlowDown", "RequestLimitExceeded",
        "TooManyRequestsException", "InternalError", "ServiceUnavailable", "ConditionalRequestConflict",
    ]

    /// The code and message of an error document, when there is one.
    static func parse(_ body: [UInt8]) -> (code: String, message: String)? {
        guard !body.isEmpty, let root = try? XMLReader.parse(body), root.name == "Error" else { return nil }
        return (root.value("Code") ?? "", root.value("Message") ?? "")
    }

    static func isRetryable(_ response: S3Response) -> Bool {
        if response.status >= 500 || response.status == 429 { return true }
        return parse(response.body).map { retryableCodes.contains($0.code) } ?? false
    }

    static func error(for response: S3Response, request: S3Request) -> StorageError {
        let status = response.status
        let parsed = parse(response.body)
        let code = parsed?.code ?? Self.codeForBareStatus(status)
        let message = parsed?.message ?? "HTTP \(status) with no error document"
        let bucket = request.bucket, key = request.key
        switch code {
        case "NoSuchBucket": return .noSuchBucket(bucket: bucket)
        case "NoSuchKey": return .noSuchKey(bucket: bucket, key: key ?? "")
        case "PreconditionFailed" where request.headers.contains { $0.0.lowercased() == "if-none-match" }:
            return .alreadyExists(url: request.s3URL)
        case _ where authCodes.contains(code) || status == 403:
            return .accessDenied(bucket: bucket, key: key, status: status, code: code, message: message)
        case "NotFound" where key != nil: return .noSuchKey(bucket: bucket, key: key!)
        case "NotFound": return .noSuchBucket(bucket: bucket)
        default: return .s3(bucket: bucket, key: key, status: status, code: code, message: message)
        }
    }

    /// HEAD answers carry no body: name the code the way the AWS SDKs do for them.
    static func codeForBareStatus(_ status: Int) -> String {
        switch status {
        case 404: "NotFound"
        case 403: "Forbidden"
        case 412: "PreconditionFailed"
        case 400: "BadRequest"
        default: "HTTP\(status)"
        }
    }
}
