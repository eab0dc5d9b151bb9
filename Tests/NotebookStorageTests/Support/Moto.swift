import Crypto
import QuireTestSupport
import Foundation
@testable import NotebookStorage

/// The S3 server of the tests: the one `.ci/run` started (`QUIRE_TEST_S3_ENDPOINT`), or a moto
/// server started once for this test process and stopped with it.
enum Moto {
    static let endpoint: String = {
        if let e = ProcessInfo.processInfo.environment["QUIRE_TEST_S3_ENDPOINT"], !e.isEmpty { return e }
        do { return try shared.get().url } catch { return "moto-failed-to-start: \(error)" }
    }()

    private static let shared = Result { try ChildServer(script: "moto_for_tests.py") }

    static let credentials = AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")

    /// Puts `count` objects "{}" named `format` (with `{:05d}` for the index) into `store`: through
    /// the moto helper's backend when the tests started moto, else through concurrent PUTs.
    static func seed(_ store: S3Store, count: Int, format: String, index: (Int) -> String) async throws {
        if ProcessInfo.processInfo.environment["QUIRE_TEST_S3_ENDPOINT"].map({ !$0.isEmpty }) != true {
            let answer = try shared.get().command("seed \(store.bucket) \(count) \(format)")
            guard answer == "ok" else { throw TestServerError(message: "seeding failed: \(answer)") }
            return
        }
        try await putConcurrently(store, keys: (0..<count).map(index), body: [UInt8]("{}".utf8))
    }

    static func config(_ endpoint: String = endpoint, credentials: AWSCredentials? = credentials) -> S3Configuration {
        var c = S3Configuration(credentials: credentials, region: "us-east-1", endpoint: endpoint)
        c.retryBaseDelay = .milliseconds(20)
        return c
    }

    /// A new, empty bucket with a unique name.
    static func bucket(_ config: S3Configuration = config()) async throws -> S3Store {
        let name = "quire-test-\(UInt64.random(in: 0..<(1 << 40)))"
        _ = try await S3Client(config: config).send(S3Request(method: .PUT, bucket: name, key: nil))
        return S3Store(bucket: name, configuration: config)
    }

    /// Deletes every object (1000 per DeleteObjects call) and the bucket.
    static func remove(_ store: S3Store) async {
        let client = store.client
        while let keys = try? await store.list(prefix: "", delimiter: nil, pageSize: 1000, after: nil).objects.map(\.key),
              !keys.isEmpty {
            var xml = "<Delete><Quiet>true</Quiet>"
            for k in keys { xml += "<Object><Key>\(S3Store.escape(k))</Key></Object>" }
            xml += "</Delete>"
            let body = Array(xml.utf8)
            let md5 = Data(Insecure.MD5.hash(data: body)).base64EncodedString()
            guard (try? await client.send(S3Request(method: .POST, bucket: store.bucket, key: nil, query: [("delete", "")],
                                                    headers: [("content-md5", md5)], body: .bytes(body)))) != nil else { break }
        }
        _ = try? await client.send(S3Request(method: .DELETE, bucket: store.bucket, key: nil))
    }

    /// Multipart uploads still open in the bucket (aborted ones are gone).
    static func openUploads(_ store: S3Store) async throws -> Int {
        let r = try await store.client.send(S3Request(method: .GET, bucket: store.bucket, key: nil, query: [("uploads", "")]))
        return try XMLReader.parse(r.body).children("Upload").count
    }
}

/// Runs `body` with a fresh bucket and removes the bucket afterwards, whatever happened.
func withBucket(_ config: S3Configuration = Moto.config(), _ body: (S3Store) async throws -> Void) async throws {
    let store = try await Moto.bucket(config)
    do {
        try await body(store)
    } catch {
        await Moto.remove(store)
        throw error
    }
    await Moto.remove(store)
}
