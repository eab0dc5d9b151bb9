import Foundation

/// Whether request bodies are hashed into the signature (see `SigV4Signer`).
public enum S3PayloadSigning: Sendable {
    /// `x-amz-content-sha256` is the body's SHA-256: S3 rejects a body altered in transit.
    case hashed
    /// `x-amz-content-sha256: UNSIGNED-PAYLOAD`: no hashing; rely on TLS for integrity.
    case unsigned
}

/// How to reach S3 and whom to be: read from the environment the way the AWS CLI and boto3 read it.
public struct S3Configuration: Sendable {
    /// Keys from the environment or a profile; when nil, `credentialProvider` is asked, and with
    /// neither requests fail with `.missingCredentials(reason:)`.
    public var credentials: AWSCredentials?
    /// Temporary credentials (web identity, container endpoint, instance metadata) used when no
    /// keys are configured.
    public var credentialProvider: AWSCredentialProvider?
    /// Why `credentials` is nil (for the error message).
    var credentialsProblem = "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile in ~/.aws/credentials"
    public var region: String
    /// An S3-compatible service ("http://127.0.0.1:9000"); buckets are then addressed path-style
    /// (`endpoint/bucket/key`), as MinIO, moto and most compatible services expect.
    public var endpoint: String?
    public var payloadSigning: S3PayloadSigning = .hashed
    /// Bodies of at least this many bytes are uploaded in parts (multipart upload).
    public var multipartThreshold = 16 << 20
    /// Part size of multipart uploads (S3's minimum is 5 MiB for all parts but the last).
    public var partSize = 8 << 20
    /// Parts uploaded at once.
    public var partConcurrency = 4
    /// Attempts per request on 5xx, throttling and connection errors (1 means no retry).
    public var maxAttempts = 4
    /// First retry delay; doubled each time, with jitter.
    public var retryBaseDelay: Duration = .milliseconds(100)
    /// Upper bound for one request, from sending to the last byte of the answer.
    public var requestTimeout: Duration = .seconds(300)

    public init(credentials: AWSCredentials?, region: String = "us-east-1", endpoint: String? = nil) {
        self.credentials = credentials
        self.region = region
        self.endpoint = endpoint
    }

    /// Reads, as the AWS tools do:
    /// - credentials: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`; otherwise the
    ///   profile `AWS_PROFILE` (or "default") of `AWS_SHARED_CREDENTIALS_FILE` (`~/.aws/credentials`),
    ///   then of `AWS_CONFIG_FILE` (`~/.aws/config`); otherwise, fetched when first needed, web
    ///   identity (`AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`, STS at `AWS_ENDPOINT_URL_STS`),
    ///   the container endpoint (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` / `_FULL_URI`), or the
    ///   instance metadata service (`AWS_EC2_METADATA_SERVICE_ENDPOINT`; off with
    ///   `AWS_EC2_METADATA_DISABLED=true`). Web identity comes before the files, as in the SDKs.
    /// - region: `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`, else "us-east-1";
    /// - endpoint: `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, the profile's `endpoint_url`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> S3Configuration {
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        let home = value("HOME") ?? NSHomeDirectory()
        let profileName = value("AWS_PROFILE") ?? value("AWS_DEFAULT_PROFILE") ?? "default"
        let credentialsPath = value("AWS_SHARED_CREDENTIALS_FILE") ?? "\(home)/.aws/credentials"
        let configPath = value("AWS_CONFIG_FILE") ?? "\(home)/.aws/config"
        let credentialsFile = AWSProfileFile(path: credentialsPath)?.profile(profileName, configStyle: false)
        let configFile = AWSProfileFile(path: configPath)?.profile(profileName, configStyle: true)

        let region = value("AWS_REGION") ?? value("AWS_DEFAULT_REGION") ?? configFile?["region"] ?? "us-east-1"
        let fallback = AWSCredentialSource.fromEnvironment(env, region: region)
        var credentials: AWSCredentials? = nil
        var source: AWSCredentialSource? = nil
        var problem: String? = nil
        if let id = value("AWS_ACCESS_KEY_ID"), let secret = value("AWS_SECRET_ACCESS_KEY") {
            credentials = AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN"))
        } else if case .webIdentity? = fallback {
            source = fallback
        } else {
            for section in [credentialsFile, configFile] {
                if let s = section, let id = s["aws_access_key_id"], let secret = s["aws_secret_access_key"] {
                    credentials = AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: s["aws_session_token"])
                    break
                }
            }
            if credentials == nil, value("AWS_PROFILE") != nil, credentialsFile == nil, configFile == nil {
                // A profile asked for by name and missing is a mistake to report, not to paper over.
                problem = "the profile \"\(profileName)\" (AWS_PROFILE) is in neither \(credentialsPath) nor \(configPath)"
            } else if credentials == nil {
                source = fallback
            }
        }
        let endpoint = value("AWS_ENDPOINT_URL_S3") ?? value("AWS_ENDPOINT_URL") ?? configFile?["endpoint_url"]
        var config = S3Configuration(credentials: credentials, region: region, endpoint: endpoint)
        if let problem { config.credentialsProblem = problem }
        config.credentialProvider = source.map { AWSCredentialProvider(source: $0) }
        return config
    }
}
