import Foundation
import QuireTestSupport
import Testing
@testable import NotebookStorage

/// Without keys, credentials come from where the platform puts them: STS for a web identity (EKS),
/// the container endpoint (ECS, EKS Pod Identity), instance metadata (EC2). moto serves STS and
/// an instance metadata service, so each source is fetched from a real server and then used.
@Suite("credential chain against moto")
struct CredentialChainTests {
    /// An environment with no keys and no profile files.
    static func environment(_ extra: [String: String], home: String) -> [String: String] {
        ["HOME": home, "AWS_ENDPOINT_URL": Moto.endpoint].merging(extra) { $1 }
    }

    /// Writes and reads back through `config`: the fetched credentials are really used.
    static func roundTrip(_ config: S3Configuration) async throws {
        var c = config
        c.retryBaseDelay = .milliseconds(20)
        try await withBucket(c) { store in
            try await store.write(Array("{\"cells\": []}".utf8), to: "k.ipynb")
            #expect(try await store.read("k.ipynb") == Array("{\"cells\": []}".utf8))
        }
    }

    @Test func instanceMetadataServiceProvidesTheCredentials() async throws {
        let home = try TempFolder()
        let config = S3Configuration.fromEnvironment(Self.environment(["AWS_EC2_METADATA_SERVICE_ENDPOINT": Moto.endpoint + "/"], home: home.path))
        #expect(config.credentials == nil)
        let provider = try #require(config.credentialProvider)
        #expect(provider.source == .instanceMetadata(endpoint: Moto.endpoint))
        let credentials = try await provider.credentials()
        #expect(credentials == AWSCredentials(accessKeyID: "test-key", secretAccessKey: "test-secret-key", sessionToken: "test-session-token"))
        try await Self.roundTrip(config)
    }

    @Test func webIdentityAssumesTheRoleBeforeTheCredentialsFile() async throws {
        let home = try TempFolder()
        try FileManager.default.createDirectory(atPath: home.path + "/.aws", withIntermediateDirectories: true)
        try "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = FILESECRET\n"
            .write(toFile: home.path + "/.aws/credentials", atomically: true, encoding: .utf8)
        try "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJxdWlyZSJ9.c2ln\n".write(toFile: home.path + "/token", atomically: true, encoding: .utf8)
        let config = S3Configuration.fromEnvironment(Self.environment([
            "AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/token",
            "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/quire-worker",
            "AWS_ROLE_SESSION_NAME": "worker-1",
        ], home: home.path))
        #expect(config.credentials == nil, "web identity comes before the credentials file, as in the AWS SDKs")
        let provider = try #require(config.credentialProvider)
        #expect(provider.source == .webIdentity(tokenFile: home.path + "/token", roleARN: "arn:aws:iam::123456789012:role/quire-worker",
                                                sessionName: "worker-1", stsEndpoint: Moto.endpoint))
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyID.hasPrefix("ASIA") && credentials.sessionToken?.isEmpty == false, "\(credentials)")
        #expect(try await provider.credentials() == credentials, "valid credentials are reused, not fetched again")
        try await Self.roundTrip(config)
    }

    @Test func containerEndpointProvidesTheCredentials() async throws {
        let home = try TempFolder()
        let config = S3Configuration.fromEnvironment(Self.environment([
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": Moto.endpoint + "/latest/meta-data/iam/security-credentials/default-role",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "pod-token",
        ], home: home.path))
        let credentials = try await #require(config.credentialProvider).credentials()
        #expect(credentials.accessKeyID == "test-key" && credentials.sessionToken == "test-session-token")
        try await Self.roundTrip(config)
    }

    @Test func anUnreachableMetadataServiceIsAClearErrorNotAWait() async throws {
        let home = try TempFolder()
        let closed = "http://127.0.0.1:\(try PostgresTestServer.freePort())"
        let config = S3Configuration.fromEnvironment(Self.environment(["AWS_EC2_METADATA_SERVICE_ENDPOINT": closed], home: home.path))
        let store = S3Store(bucket: "any", configuration: config)
        let started = ContinuousClock.now
        await #expect {
            _ = try await store.read("nb.ipynb")
        } throws: { error in
            guard case StorageError.missingCredentials(let reason) = error else { return false }
            return reason.contains("no access key or profile is configured") && reason.contains("instance metadata service \(closed)")
        }
        #expect(ContinuousClock.now - started < .seconds(30), "a hang would last until the test's time limit")
    }

    @Test func aMissingWebIdentityTokenFileIsNamed() async throws {
        let home = try TempFolder()
        let config = S3Configuration.fromEnvironment(Self.environment([
            "AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/absent", "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/r",
        ], home: home.path))
        await #expect {
            _ = try await S3Store(bucket: "any", configuration: config).read("nb.ipynb")
        } throws: { error in
            "\(error)".contains("cannot read the web identity token file \(home.path)/absent")
        }
    }

    @Test func disabledMetadataAndAMissingProfileKeepThePlainErrors() {
        let home = "/nonexistent"
        let disabled = S3Configuration.fromEnvironment(Self.environment(["AWS_EC2_METADATA_DISABLED": "true"], home: home))
        #expect(disabled.credentials == nil && disabled.credentialProvider == nil)
        let missingProfile = S3Configuration.fromEnvironment(Self.environment(["AWS_PROFILE": "nope"], home: home))
        #expect(missingProfile.credentialProvider == nil && missingProfile.credentialsProblem.contains("\"nope\""))
        let keys = S3Configuration.fromEnvironment(Self.environment(["AWS_ACCESS_KEY_ID": "K", "AWS_SECRET_ACCESS_KEY": "S"], home: home))
        #expect(keys.credentials?.accessKeyID == "K" && keys.credentialProvider == nil)
    }

    @Test func credentialsAreRefreshedFiveMinutesBeforeTheyExpire() {
        let now = Date()
        #expect(!AWSCredentialProvider.isStale(nil, now: now), "credentials without an expiration never go stale")
        #expect(!AWSCredentialProvider.isStale(now.addingTimeInterval(3600), now: now))
        #expect(AWSCredentialProvider.isStale(now.addingTimeInterval(240), now: now))
        #expect(AWSCredentialProvider.isStale(now.addingTimeInterval(-1), now: now))
    }
}
