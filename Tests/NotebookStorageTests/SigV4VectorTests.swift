import Foundation
import Testing
@testable import NotebookStorage

/// Our SigV4 signer against botocore's own (Tests/python/sigv4_vectors.py): the canonical request,
/// the string to sign and the signature must be identical, for GET/PUT/list requests with odd keys,
/// query strings, session tokens, hashed and unsigned payloads.
@Suite struct SigV4VectorTests {
    struct Case {
        var method = "GET"
        var endpoint = "http://127.0.0.1:9000"
        var bucket = "notebooks"
        var key: String? = "in.ipynb"
        var query: [(String, String)] = []
        var headers: [(String, String)] = []
        var body: String? = nil
        var unsigned = false
        var token: String? = nil
        var region = "us-east-1"
        var date = Date(timeIntervalSince1970: 1_767_323_045)  // 2026-01-02T03:04:05Z
    }

    static let cases: [Case] = [
        Case(),
        Case(key: "folder with spaces/ü nïcode 日本.ipynb"),
        Case(key: "a+b=c&d;e,f:g@h$i!j'k(l)m*n.ipynb"),
        Case(key: "~tilde/-_./%percent%20literal"),
        Case(method: "PUT", key: "runs/job/2026-01-02T03:04:05 out+1=2.ipynb",
             headers: [("content-type", "application/x-ipynb+json")], body: "{\"cells\": [\"é\"]}"),
        Case(method: "PUT", key: "x.ipynb", headers: [("if-none-match", "*"), ("content-type", "application/x-ipynb+json")],
             body: "", token: "FwoGZXIvYXdzE//////////session+token/with=odd"),
        Case(method: "PUT", endpoint: "https://s3.eu-west-1.example.com", key: "unsigned.ipynb", body: "{}",
             unsigned: true, region: "eu-west-1"),
        Case(key: nil, query: [("list-type", "2"), ("prefix", "runs/a b+c/é"), ("max-keys", "1000"), ("encoding-type", "url"),
                                ("continuation-token", "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")]),
        Case(key: nil, query: [("list-type", "2"), ("delimiter", "/"), ("prefix", "")], token: "tok en"),
        Case(method: "POST", key: "big.ipynb", query: [("uploads", "")]),
        Case(method: "PUT", key: "big.ipynb", query: [("partNumber", "2"), ("uploadId", "abc/def+ghi==")], body: "part"),
        Case(method: "HEAD", endpoint: "http://localhost:80", key: "k", headers: [("x-amz-meta-note", "  two   spaces  ")]),
    ]

    @Test func matchesBotocore() throws {
        let expected = try Self.botocore(Self.cases)
        #expect(expected.count == Self.cases.count)
        for (c, want) in zip(Self.cases, expected) {
            let config = S3Configuration(credentials: AWSCredentials(accessKeyID: "AKIDEXAMPLE",
                                                                    secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                                                    sessionToken: c.token),
                                         region: c.region, endpoint: c.endpoint)
            let target = S3Addressing(config: config, bucket: c.bucket, key: c.key)
            let body = c.body.map { Array($0.utf8) }
            let hash = body.map { c.unsigned ? SigV4Signer.unsignedPayload : SigV4Signer.sha256Hex($0) } ?? SigV4Signer.emptyPayloadHash
            let signed = SigV4Signer(credentials: config.credentials!, region: c.region).sign(
                .init(method: c.method, host: target.host, path: target.path, query: c.query, headers: c.headers, payloadHash: hash),
                at: c.date)
            let label = "\(c.method) \(c.key ?? "<bucket>") \(c.query)"
            #expect(signed.canonicalRequest == want["canonical_request"], "\(label)")
            #expect(signed.stringToSign == want["string_to_sign"], "\(label)")
            #expect(signed.signature == want["signature"], "\(label)")
            #expect(signed.authorization == want["authorization"], "\(label)")
        }
    }

    /// The published example of AWS's SigV4 documentation for S3 (GET /test.txt with a Range header).
    @Test func awsDocumentationExample() {
        let signer = SigV4Signer(credentials: AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE",
                                                             secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                                 region: "us-east-1")
        let signed = signer.sign(.init(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt",
                                       headers: [("Range", "bytes=0-9")], payloadHash: SigV4Signer.emptyPayloadHash),
                                 at: Date(timeIntervalSince1970: 1_369_353_600))  // 2013-05-24T00:00:00Z
        #expect(signed.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    static func botocore(_ cases: [Case]) throws -> [[String: String]] {
        let json = cases.map { c -> [String: Any?] in
            ["method": c.method, "endpoint": c.endpoint, "bucket": c.bucket, "key": c.key,
             "query": c.query.map { [$0.0, $0.1] }, "headers": c.headers.map { [$0.0, $0.1] }, "body": c.body,
             "unsigned": c.unsigned, "timestamp": SigV4Signer.timestamp(c.date), "access_key": "AKIDEXAMPLE",
             "secret_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token": c.token, "region": c.region]
        }
        let input = try JSONSerialization.data(withJSONObject: json.map { $0.mapValues { $0 ?? NSNull() } })
        let out = try PythonHelper.run("sigv4_vectors.py", stdin: input)
        return try #require(JSONSerialization.jsonObject(with: out) as? [[String: String]])
    }
}
