import Foundation
import QuireTestSupport
import Testing
@testable import NotebookStorage

/// `quire validate` and `quire fmt` on s3:// and http:// URLs, run as processes against moto and
/// a local HTTP server (the local-path behaviour is covered by QuireCLITests).
@Suite struct CLIStoreTests {
    static let quire = TestPaths.quire

    static func run(_ args: [String], env: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: quire)
        p.arguments = args
        // Only what the test gives: no credentials or profile of the machine leak in.
        p.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"].merging(env) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static let awsEnv = ["AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                         "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": Moto.endpoint]

    @Test func validateAndFmtOnS3() async throws {
        try await withBucket { store in
            let b = store.bucket
            // A v3-style layout (multiline source as one string, no ids) that fmt rewrites.
            let messy = #"{"cells": [{"cell_type": "markdown", "metadata": {}, "source": "é\nx"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}"#
            try await store.write(Array(messy.utf8), to: "in dir/nb.ipynb")

            let v = try Self.run(["validate", "s3://\(b)/in dir/nb.ipynb"], env: Self.awsEnv)
            #expect(v.status == 0, "\(v.stderr)")
            #expect(v.stdout.contains("s3://\(b)/in dir/nb.ipynb: valid (nbformat 4.4, 1 cells)"))

            let f = try Self.run(["fmt", "s3://\(b)/in dir/nb.ipynb", "-o", "s3://\(b)/out/nb.ipynb"], env: Self.awsEnv)
            #expect(f.status == 0, "\(f.stderr)")
            let written = try await store.read("out/nb.ipynb")
            #expect(String(decoding: written, as: UTF8.self).contains("\"source\": [\n    \"é\\n\",\n    \"x\"\n   ]"))

            let missing = try Self.run(["validate", "s3://\(b)/none.ipynb"], env: Self.awsEnv)
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("s3://\(b)/none.ipynb: no such object (S3 NoSuchKey)"))

            let noCreds = try Self.run(["validate", "s3://\(b)/in dir/nb.ipynb"],
                                       env: ["AWS_ENDPOINT_URL": Moto.endpoint, "AWS_EC2_METADATA_DISABLED": "true"])
            #expect(noCreds.status == 3)
            #expect(noCreds.stderr.contains("no AWS credentials: set AWS_ACCESS_KEY_ID"), "\(noCreds.stderr)")

            // No keys at all: the instance metadata service (moto serves one) provides them, as on EC2.
            let fromMetadata = try Self.run(["validate", "s3://\(b)/in dir/nb.ipynb"],
                                            env: ["AWS_ENDPOINT_URL": Moto.endpoint, "AWS_EC2_METADATA_SERVICE_ENDPOINT": Moto.endpoint])
            #expect(fromMetadata.status == 0, "\(fromMetadata.stderr)")
        }
    }

    @Test func validateOverHTTP() async throws {
        let dir = try TempFolder()
        try Data(SampleNotebooks.unicode()).write(to: URL(fileURLWithPath: dir.path + "/nb.ipynb"))
        try Data("<html>not a notebook</html>".utf8).write(to: URL(fileURLWithPath: dir.path + "/index.html"))
        let server = try ChildServer(script: "http_for_tests.py", arguments: [dir.path])
        defer { server.stop() }
        let ok = try Self.run(["validate", server.url + "/nb.ipynb"], env: [:])
        #expect(ok.status == 0, "\(ok.stderr)")
        let html = try Self.run(["validate", server.url + "/index.html"], env: [:])
        #expect(html.status == 2 && html.stderr.contains("\(server.url)/index.html: not a notebook: invalid JSON"))
        let missing = try Self.run(["validate", server.url + "/gone.ipynb"], env: [:])
        #expect(missing.status == 2 && missing.stderr.contains("\(server.url)/gone.ipynb: HTTP 404"))
        let readOnly = try Self.run(["fmt", server.url + "/nb.ipynb"], env: [:])
        #expect(readOnly.status == 2 && readOnly.stderr.contains("not supported"))
    }
}
