import QuireTestSupport
import Foundation
import Testing
@testable import NotebookStorage

/// Retries with backoff on 5xx and throttling, none on other 4xx: against a server that fails on
/// purpose (Tests/python/flaky_for_tests.py), since moto cannot be made to.
@Suite struct S3RetryTests {
    @Test func retriesThrottlingAndServerErrorsButNotClientErrors() async throws {
        let server = try ChildServer(script: "flaky_for_tests.py")
        defer { server.stop() }
        var config = Moto.config(server.url)
        config.maxAttempts = 4
        config.retryBaseDelay = .milliseconds(10)
        let store = S3Store(bucket: "b", configuration: config)
        func count(_ path: String) async throws -> String {
            String(decoding: try await HTTPStore(origin: server.url).read("/count" + path), as: UTF8.self)
        }

        #expect(try await store.read("slow.ipynb") == Array("{}".utf8))
        #expect(try await count("/b/slow.ipynb") == "3")

        await #expect {
            try await store.read("broken.ipynb")
        } throws: { error in
            guard case StorageError.s3("b", "broken.ipynb", 500, "InternalError", _) = error else { return false }
            return (error as! StorageError).isInfrastructure
        }
        #expect(try await count("/b/broken.ipynb") == "4")

        await #expect {
            try await store.read("bad.ipynb")
        } throws: { error in
            guard case StorageError.s3("b", "bad.ipynb", 400, "InvalidArgument", "Invalid argument.") = error else { return false }
            return !(error as! StorageError).isInfrastructure
        }
        #expect(try await count("/b/bad.ipynb") == "1")
    }
}
