import Foundation

/// Where temporary credentials come from when no access key is configured: the sources the AWS
/// SDKs fall back to on EKS (web identity), ECS and EKS Pod Identity (container endpoint) and EC2
/// (instance metadata), so workers on those platforms need no long-lived keys.
public enum AWSCredentialSource: Sendable, Equatable {
    /// `AssumeRoleWithWebIdentity` on STS with the token in `tokenFile` (re-read on every refresh:
    /// the platform rotates it).
    case webIdentity(tokenFile: String, roleARN: String, sessionName: String, stsEndpoint: String)
    /// A credentials document from `url`, with `Authorization` from `token` or `tokenFile`.
    case container(url: String, token: String?, tokenFile: String?)
    /// The instance metadata service (IMDSv2 session token, falling back to IMDSv1 as the SDKs do).
    case instanceMetadata(endpoint: String)

    public var description: String {
        switch self {
        case .webIdentity(let file, let role, _, let sts): "web identity (role \(role), token \(file), STS \(sts))"
        case .container(let url, _, _): "container credentials endpoint \(url)"
        case .instanceMetadata(let endpoint): "instance metadata service \(endpoint)"
        }
    }

    /// The source the AWS SDKs would use with `env` when neither keys nor a profile gave
    /// credentials; nil when instance metadata is disabled (`AWS_EC2_METADATA_DISABLED=true`) and
    /// nothing else is set.
    static func fromEnvironment(_ env: [String: String], region: String) -> AWSCredentialSource? {
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        if let tokenFile = value("AWS_WEB_IDENTITY_TOKEN_FILE"), let role = value("AWS_ROLE_ARN") {
            let sts = value("AWS_ENDPOINT_URL_STS") ?? value("AWS_ENDPOINT_URL") ?? "https://sts.\(region).amazonaws.com"
            let session = value("AWS_ROLE_SESSION_NAME") ?? "quire-\(Int(Date().timeIntervalSince1970 * 1000))"
            return .webIdentity(tokenFile: tokenFile, roleARN: role, sessionName: session, stsEndpoint: sts)
        }
        let token = value("AWS_CONTAINER_AUTHORIZATION_TOKEN"), tokenFile = value("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")
        if let relative = value("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            return .container(url: "http://169.254.170.2" + relative, token: token, tokenFile: tokenFile)
        }
        if let full = value("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
            return .container(url: full, token: token, tokenFile: tokenFile)
        }
        if value("AWS_EC2_METADATA_DISABLED")?.lowercased() == "true" { return nil }
        let endpoint = value("AWS_EC2_METADATA_SERVICE_ENDPOINT") ?? "http://169.254.169.254"
        return .instanceMetadata(endpoint: endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint)
    }
}
