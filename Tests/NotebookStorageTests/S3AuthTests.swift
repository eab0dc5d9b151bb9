import QuireTestSupport
import Foundation
import Testing
@testable import NotebookStorage

/// Wrong credentials against a moto server that checks them. Moto accepts any credentials unless
/// authentication is switched on (`POST /moto-api/reset-auth` with a count, or the environment
/// variable INITIAL_NO_AUTH_ACTION_COUNT); once on, it checks the key against its IAM users and
/// verifies the SigV4 signature with botocore. That switch is server-wide, so this suite starts a
/// moto server of its own instead of using the shared one.
@Suite struct S3AuthTests {
    @Test func wrongCredentialsGiveTheirSpecificErrors() async throws {
        let server = try ChildServer(script: "moto_for_tests.py")
        defer { server.stop() }
        // Before authentication is on: an IAM user with a key and a policy allowing S3, a bucket, an object.
        let setup = try PythonHelper.run("moto_iam_user.py", [server.url])
        let fields = String(decoding: setup, as: UTF8.self).split(separator: " ").map(String.init)
        let good = AWSCredentials(accessKeyID: fields[0], secretAccessKey: fields[1].trimmingCharacters(in: .whitespacesAndNewlines))

        func store(_ credentials: AWSCredentials) -> S3Store {
            S3Store(bucket: "auth-bucket", configuration: Moto.config(server.url, credentials: credentials))
        }
        // Our signature is accepted by moto's check (botocore's signer on the server side).
        #expect(try await store(good).read("nb.ipynb") == Array("{}".utf8))
        try await store(good).write(Array("{\"x\": 1}".utf8), to: "ünï code+=.ipynb")

        func expectDenied(_ credentials: AWSCredentials, code: String) async {
            await #expect {
                try await store(credentials).read("nb.ipynb")
            } throws: { error in
                guard case StorageError.accessDenied(let bucket, let key, let status, let c, _) = error else { return false }
                return bucket == "auth-bucket" && key == "nb.ipynb" && status == 403 && c == code
                    && (error as! StorageError).isInfrastructure
            }
        }
        await expectDenied(AWSCredentials(accessKeyID: "AKIAUNKNOWNKEY000000", secretAccessKey: good.secretAccessKey),
                           code: "InvalidAccessKeyId")
        await expectDenied(AWSCredentials(accessKeyID: good.accessKeyID, secretAccessKey: "wrong-secret"),
                           code: "SignatureDoesNotMatch")
    }
}
