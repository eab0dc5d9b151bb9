import NotebookFormat

/// Everything that can go wrong reading, writing or listing a notebook store, with the context a
/// user needs to act on it (path, bucket, key, HTTP status, S3 error code). A store never answers
/// a failure with empty bytes or an empty notebook.
public enum StorageError: Error, Sendable, CustomStringConvertible {
    /// The string is not a location Quire can address (plain path, `file://`, `s3://`, `http(s)://`).
    case invalidLocation(String, reason: String)
    /// A local file or folder does not exist.
    case fileNotFound(path: String)
    /// A local read, write or listing failed; nothing at the destination was changed.
    case localIO(path: String, reason: String)
    /// The S3 bucket does not exist (S3 `NoSuchBucket`).
    case noSuchBucket(bucket: String)
    /// The S3 object does not exist (S3 `NoSuchKey`, or 404 on HEAD).
    case noSuchKey(bucket: String, key: String)
    /// S3 refused the credentials or the signature (`InvalidAccessKeyId`, `SignatureDoesNotMatch`,
    /// `InvalidToken`, `ExpiredToken`, `AccessDenied`, ...).
    case accessDenied(bucket: String, key: String?, status: Int, code: String, message: String)
    /// Any other error answer from S3.
    case s3(bucket: String, key: String?, status: Int, code: String, message: String)
    /// No credentials were found in the environment or the shared credentials file.
    case missingCredentials(reason: String)
    /// An HTTP(S) store answered with a status other than success.
    case httpStatus(url: String, status: Int)
    /// The service could not be reached, or kept failing (5xx, throttling) after every retry.
    case unreachable(url: String, reason: String, attempts: Int)
    /// The writer failed part way through an upload; the previous object (if any) is intact.
    case interrupted(url: String, reason: String)
    /// Creating the object was refused because it already exists (immutable run outputs).
    case alreadyExists(url: String)
    /// A run output was written again after it was finished.
    case alreadyFinished(url: String)
    /// The store cannot be written (HTTP(S) stores are read only) or listed.
    case unsupported(url: String, operation: String)
    /// The bytes were read but are not a notebook Quire can load.
    case notANotebook(url: String, NotebookFormatError)

    public var description: String {
        switch self {
        case .invalidLocation(let s, let reason): "\(s): not a notebook location: \(reason)"
        case .fileNotFound(let path): "\(path): cannot read: No such file or directory"
        case .localIO(let path, let reason): "\(path): \(reason)"
        case .noSuchBucket(let bucket): "s3://\(bucket): the bucket does not exist (S3 NoSuchBucket)"
        case .noSuchKey(let bucket, let key): "s3://\(bucket)/\(key): no such object (S3 NoSuchKey)"
        case .accessDenied(let bucket, let key, let status, let code, let message):
            "\(Self.s3URL(bucket, key)): access denied (HTTP \(status), S3 \(code)): \(message)"
        case .s3(let bucket, let key, let status, let code, let message):
            "\(Self.s3URL(bucket, key)): S3 error (HTTP \(status), \(code)): \(message)"
        case .missingCredentials(let reason): "no AWS credentials: \(reason)"
        case .httpStatus(let url, let status): "\(url): HTTP \(status)"
        case .unreachable(let url, let reason, let attempts):
            "\(url): storage unreachable after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(reason)"
        case .interrupted(let url, let reason): "\(url): upload interrupted, previous content kept: \(reason)"
        case .alreadyExists(let url): "\(url): already exists; run outputs are never overwritten"
        case .alreadyFinished(let url): "\(url): the run output is finished and cannot be written again"
        case .unsupported(let url, let operation): "\(url): \(operation) is not supported by this store"
        case .notANotebook(_, let error):
            // NotebookFormatError already names the file: it was given the URL as its name.
            error.description
        }
    }

    /// True for failures of the infrastructure (network, server errors, credentials) rather than
    /// of the input: the CLI exits 3 for these and 2 for the rest.
    public var isInfrastructure: Bool {
        switch self {
        case .unreachable, .missingCredentials, .accessDenied: true
        case .s3(_, _, let status, _, _): status >= 500
        case .httpStatus(_, let status): status >= 500
        default: false
        }
    }

    /// True when the thing addressed does not exist (file, bucket, key, or HTTP 404).
    public var isNotFound: Bool {
        switch self {
        case .fileNotFound, .noSuchBucket, .noSuchKey: true
        case .httpStatus(_, let status): status == 404 || status == 410
        default: false
        }
    }

    static func s3URL(_ bucket: String, _ key: String?) -> String {
        key.map { "s3://\(bucket)/\($0)" } ?? "s3://\(bucket)"
    }
}
