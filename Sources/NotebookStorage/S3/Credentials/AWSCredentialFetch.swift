import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Credentials that end: what STS, the container endpoint and instance metadata hand out.
struct TemporaryCredentials: Sendable {
    var credentials: AWSCredentials
    var expiration: Date?
}

/// Why a credential source gave nothing; becomes the reason of `StorageError.missingCredentials`.
struct CredentialFetchError: Error, CustomStringConvertible {
    var description: String
}

/// One request for credentials to one source, as the AWS SDKs make it.
enum AWSCredentialFetch {
    /// Metadata endpoints answer locally in milliseconds; off those platforms nothing answers, and
    /// a run must not wait long to learn that (the SDKs use 1 s too).
    static let metadataTimeout: TimeAmount = .seconds(1)
    static let stsTimeout: TimeAmount = .seconds(10)

    static func fetch(_ source: AWSCredentialSource, http: HTTPClient) async throws(CredentialFetchError) -> TemporaryCredentials {
        do {
            switch source {
            case .webIdentity(let tokenFile, let role, let session, let sts):
                return try await webIdentity(tokenFile: tokenFile, role: role, session: session, sts: sts, http: http)
            case .container(let url, let token, let tokenFile):
                let authorization = try tokenFile.map { try readToken($0, "the container authorization token file \($0)") } ?? token
                let (status, body) = try await get(url, headers: authorization.map { [("Authorization", $0)] } ?? [], http: http)
                guard status == 200 else { throw CredentialFetchError(description: "\(url) answered HTTP \(status)") }
                return try document(body, from: url)
            case .instanceMetadata(let endpoint):
                return try await instanceMetadata(endpoint, http: http)
            }
        } catch let error as CredentialFetchError {
            throw error
        } catch {
            throw CredentialFetchError(description: "\(source.description): \(S3Client.describe(error))")
        }
    }

    private static func instanceMetadata(_ endpoint: String, http: HTTPClient) async throws -> TemporaryCredentials {
        var tokenRequest = HTTPClientRequest(url: endpoint + "/latest/api/token")
        tokenRequest.method = .PUT
        tokenRequest.headers.add(name: "X-aws-ec2-metadata-token-ttl-seconds", value: "21600")
        let tokenResponse = try await http.execute(tokenRequest, timeout: metadataTimeout)
        let tokenBody = try await tokenResponse.body.collect(upTo: 1 << 16)
        var headers: [(String, String)] = []
        switch tokenResponse.status.code {
        case 200: headers = [("X-aws-ec2-metadata-token", String(buffer: tokenBody))]
        case 403, 404, 405: break  // IMDSv2 off or unsupported here: IMDSv1, as the SDKs fall back
        case let status: throw CredentialFetchError(description: "instance metadata service \(endpoint): token request answered HTTP \(status)")
        }
        let base = endpoint + "/latest/meta-data/iam/security-credentials/"
        let (status, roles) = try await get(base, headers: headers, http: http)
        guard status == 200, let role = String(decoding: roles, as: UTF8.self).split(whereSeparator: \.isNewline).first else {
            throw CredentialFetchError(description: "instance metadata service \(endpoint): no IAM role attached to this instance (HTTP \(status))")
        }
        let (docStatus, doc) = try await get(base + AWSPercentEncoding.encode(String(role)), headers: headers, http: http)
        guard docStatus == 200 else {
            throw CredentialFetchError(description: "instance metadata service \(endpoint): credentials of role \(role) answered HTTP \(docStatus)")
        }
        return try document(doc, from: "instance metadata service \(endpoint)")
    }

    private static func webIdentity(tokenFile: String, role: String, session: String, sts: String, http: HTTPClient) async throws -> TemporaryCredentials {
        let token = try readToken(tokenFile, "the web identity token file \(tokenFile) (AWS_WEB_IDENTITY_TOKEN_FILE)")
        let form = [("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"), ("RoleArn", role),
                    ("RoleSessionName", session), ("WebIdentityToken", token)]
            .map { "\($0.0)=\(AWSPercentEncoding.encode($0.1))" }.joined(separator: "&")
        var request = HTTPClientRequest(url: sts.hasSuffix("/") ? sts : sts + "/")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")
        request.body = .bytes(ByteBuffer(string: form))
        let response = try await http.execute(request, timeout: stsTimeout)
        let body = Array(buffer: try await response.body.collect(upTo: 1 << 20))
        let xml = try? XMLReader.parse(body)
        guard response.status == .ok else {
            let error = xml?.child("Error")
            throw CredentialFetchError(description: "STS \(sts) refused AssumeRoleWithWebIdentity for \(role): HTTP \(response.status.code)"
                + (error.map { " \($0.value("Code") ?? ""): \($0.value("Message") ?? "")" } ?? ""))
        }
        guard let c = xml?.child("AssumeRoleWithWebIdentityResult")?.child("Credentials"),
              let id = c.value("AccessKeyId"), let secret = c.value("SecretAccessKey")
        else { throw CredentialFetchError(description: "STS \(sts): no credentials in the AssumeRoleWithWebIdentity answer") }
        return TemporaryCredentials(
            credentials: AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: c.value("SessionToken")),
            expiration: c.value("Expiration").flatMap(S3Dates.iso8601))
    }

    /// A token file's content, re-read on every fetch (platforms rotate them), without the newline.
    private static func readToken(_ path: String, _ what: String) throws(CredentialFetchError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw CredentialFetchError(description: "cannot read \(what)") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The JSON document of the container endpoint and instance metadata.
    private static func document(_ body: [UInt8], from origin: String) throws -> TemporaryCredentials {
        struct Document: Decodable {
            var AccessKeyId: String
            var SecretAccessKey: String
            var Token: String?
            var Expiration: String?
        }
        guard let d = try? JSONDecoder().decode(Document.self, from: Data(body)) else {
            throw CredentialFetchError(description: "\(origin): the answer is not a credentials document")
        }
        return TemporaryCredentials(
            credentials: AWSCredentials(accessKeyID: d.AccessKeyId, secretAccessKey: d.SecretAccessKey, sessionToken: d.Token),
            expiration: d.Expiration.flatMap(S3Dates.iso8601))
    }

    private static func get(_ url: String, headers: [(String, String)], http: HTTPClient) async throws -> (Int, [UInt8]) {
        var request = HTTPClientRequest(url: url)
        request.headers = HTTPHeaders(headers)
        let response = try await http.execute(request, timeout: metadataTimeout)
        return (Int(response.status.code), Array(buffer: try await response.body.collect(upTo: 1 << 20)))
    }
}
