import QuireTestSupport
import Foundation
import NotebookFormat
import Testing
@testable import NotebookStorage

/// `quire run` from S3 to S3 against moto: the same run as with local paths, through the store.
@Suite struct RunOnS3Tests {
    static func run(_ args: [String]) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIStoreTests.quire)
        p.arguments = args
        // The kernel is found in the checkout's .venv, as for local runs.
        p.currentDirectoryURL = URL(fileURLWithPath: ChildServer.root)
        // No home: the kernel's IPython and matplotlib then make their folders under TMPDIR,
        // which is this run's own and removed after it.
        let tmp = NSTemporaryDirectory() + "quire-s3run-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        p.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "TMPDIR": tmp].merging(CLIStoreTests.awsEnv) { $1 }
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: e, as: UTF8.self))
    }

    @Test func runFromS3ToS3() async throws {
        try await withBucket { store in
            let hello = try Data(contentsOf: URL(fileURLWithPath: ChildServer.root + "/examples/hello.ipynb"))
            try await store.write(Array(hello), to: "templates/hello.ipynb")
            let b = store.bucket
            let r = try Self.run(["run", "s3://\(b)/templates/hello.ipynb", "s3://\(b)/runs/hello_{name}.ipynb",
                                  "-p", "name", "S3", "-p", "repeat", "1"])
            #expect(r.status == 0, "\(r.stderr)")
            let bytes = try await store.read("runs/hello_S3.ipynb")
            let nb = try Notebook.load(bytes, file: "out").notebook
            let text = nb.cells.flatMap(\.outputs).compactMap { if case .stream(_, let t) = $0 { t } else { nil } }.joined()
            #expect(text == "Hello, S3! (1/1)\n")
            #expect(nb.metadata["papermill"]?["input_path"] == .string("s3://\(b)/templates/hello.ipynb"))
            #expect(bytes.last == UInt8(ascii: "\n"))
        }
    }

    @Test func missingOutputBucketFailsBeforeTheKernelStarts() async throws {
        try await withBucket { store in
            let hello = try Data(contentsOf: URL(fileURLWithPath: ChildServer.root + "/examples/hello.ipynb"))
            try await store.write(Array(hello), to: "in.ipynb")
            let r = try Self.run(["run", "s3://\(store.bucket)/in.ipynb", "s3://no-such-bucket-quire/out.ipynb"])
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr.contains("cannot write s3://no-such-bucket-quire/out.ipynb"))
            #expect(!r.stderr.contains("Executing notebook with kernel"))
        }
    }
}
