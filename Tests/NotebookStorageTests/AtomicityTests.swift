import Foundation
import Testing
@testable import NotebookStorage

/// A store wrapper whose writes die after `limit` bytes, as a writer killed mid-upload would.
struct FailingStore: NotebookStore {
    let base: any NotebookStore
    let limit: Int

    func url(for key: String) -> String { base.url(for: key) }
    func read(_ key: String) async throws(StorageError) -> [UInt8] { try await base.read(key) }
    func write(_ body: WriteBody, to key: String, ifAbsent: Bool) async throws(StorageError) {
        try await base.write(WriteBody(body.bytes, failingAfter: limit), to: key, ifAbsent: ifAbsent)
    }
    func stat(_ key: String) async throws(StorageError) -> ObjectInfo { try await base.stat(key) }
    func list(prefix: String, delimiter: String?, pageSize: Int, after token: String?) async throws(StorageError) -> ListPage {
        try await base.list(prefix: prefix, delimiter: delimiter, pageSize: pageSize, after: token)
    }
    func delete(_ key: String) async throws(StorageError) { try await base.delete(key) }
}

/// A failed write leaves the previous content intact, locally and in S3 (single PUT and multipart).
@Suite struct AtomicityTests {
    @Test func localWriteDiesMidway() async throws {
        let dir = try TempFolder()
        let store = LocalStore(root: dir.path)
        let previous = SampleNotebooks.unicode("previous")
        try await store.write(previous, to: "out.ipynb")
        let next = SampleNotebooks.large(megabytes: 3)
        await #expect(throws: StorageError.self) {
            try await FailingStore(base: store, limit: 1_500_000).write(next, to: "out.ipynb")
        }
        #expect(try await store.read("out.ipynb") == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.ipynb"], "no temporary file may remain")
        // The same store writes fine afterwards.
        try await store.write(next, to: "out.ipynb")
        #expect(try await store.read("out.ipynb") == next)
    }

    @Test func localCreateOnlyDiesMidway() async throws {
        let dir = try TempFolder()
        let store = LocalStore(root: dir.path)
        await #expect(throws: StorageError.self) {
            try await FailingStore(base: store, limit: 100).write(WriteBody(SampleNotebooks.unicode()), to: "new.ipynb", ifAbsent: true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func s3PutDiesMidway() async throws {
        try await withBucket { store in
            let previous = SampleNotebooks.unicode("previous")
            try await store.write(previous, to: "out.ipynb")
            let next = SampleNotebooks.large(megabytes: 2)
            await #expect {
                try await FailingStore(base: store, limit: 1_000_000).write(next, to: "out.ipynb")
            } throws: { error in
                if case StorageError.interrupted = error { return true }
                return false
            }
            #expect(try await store.read("out.ipynb") == previous)
        }
    }

    @Test func s3MultipartDiesMidwayAndIsAborted() async throws {
        var config = Moto.config()
        config.multipartThreshold = 5 << 20
        config.partSize = 5 << 20
        config.partConcurrency = 1
        try await withBucket(config) { store in
            let previous = SampleNotebooks.unicode("previous")
            try await store.write(previous, to: "out.ipynb")
            let next = SampleNotebooks.large(megabytes: 16)
            // Dies in the third part, after two parts were uploaded.
            await #expect(throws: StorageError.self) {
                try await FailingStore(base: store, limit: 12 << 20).write(next, to: "out.ipynb")
            }
            #expect(try await store.read("out.ipynb") == previous)
            #expect(try await Moto.openUploads(store) == 0, "the multipart upload must be aborted")
        }
    }
}

/// A temporary folder removed when the value goes away.
final class TempFolder: @unchecked Sendable {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "quire-store-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
