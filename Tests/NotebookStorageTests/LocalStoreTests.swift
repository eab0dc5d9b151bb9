import Foundation
import Testing
@testable import NotebookStorage

@Suite struct LocalStoreTests {
    @Test func writeReadStatDelete() async throws {
        let dir = try TempFolder()
        let store = LocalStore(root: dir.path)
        let bytes = SampleNotebooks.unicode()
        try FileManager.default.createDirectory(atPath: dir.path + "/sub dir", withIntermediateDirectories: true)
        try await store.write(bytes, to: "sub dir/ünï.ipynb")
        #expect(try await store.read("sub dir/ünï.ipynb") == bytes)
        let info = try await store.stat("sub dir/ünï.ipynb")
        #expect(info.size == bytes.count && info.etag != nil && abs(info.modified!.timeIntervalSinceNow) < 60)
        try await store.write(bytes + [10], to: "sub dir/ünï.ipynb")
        #expect(try await store.stat("sub dir/ünï.ipynb").etag != info.etag)
        try await store.delete("sub dir/ünï.ipynb")
        try await store.delete("sub dir/ünï.ipynb")
        await #expect {
            try await store.read("sub dir/ünï.ipynb")
        } throws: { error in
            guard case StorageError.fileNotFound(let path) = error else { return false }
            return path == dir.path + "/sub dir/ünï.ipynb"
        }
        #expect(try await store.exists("sub dir/ünï.ipynb") == false)
    }

    @Test func keysCannotClimbOutOfTheRoot() async throws {
        let store = LocalStore(root: try TempFolder().path)
        await #expect(throws: StorageError.self) { try await store.read("../etc/passwd") }
    }

    @Test func createOnlyRefusesExisting() async throws {
        let dir = try TempFolder()
        let store = LocalStore(root: dir.path)
        try await store.write(WriteBody(SampleNotebooks.unicode("a")), to: "x.ipynb", ifAbsent: true)
        await #expect {
            try await store.write(WriteBody(SampleNotebooks.unicode("b")), to: "x.ipynb", ifAbsent: true)
        } throws: { error in
            if case StorageError.alreadyExists = error { return true }
            return false
        }
        #expect(try await store.read("x.ipynb") == SampleNotebooks.unicode("a"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["x.ipynb"])
    }

    @Test func listsLikeS3WithPages() async throws {
        let dir = try TempFolder()
        let store = LocalStore(root: dir.path)
        for sub in ["runs/a", "runs/b/deep", "other"] {
            try FileManager.default.createDirectory(atPath: "\(dir.path)/\(sub)", withIntermediateDirectories: true)
        }
        let keys = ["runs/a/1.ipynb", "runs/a/2.ipynb", "runs/b/deep/3.ipynb", "runs/top.ipynb", "other/x.ipynb"]
        for k in keys { try await store.write([UInt8]("{}".utf8), to: k) }
        // A staging file of a write in progress is not listed.
        FileManager.default.createFile(atPath: dir.path + "/runs/.top.ipynb.abc.tmp", contents: Data())

        let all = try await store.listAll(prefix: "runs/", pageSize: 2)
        #expect(all.map(\.key) == ["runs/a/1.ipynb", "runs/a/2.ipynb", "runs/b/deep/3.ipynb", "runs/top.ipynb"])
        let first = try await store.list(prefix: "runs/", delimiter: "/", pageSize: 2, after: nil)
        #expect(first.folders == ["runs/a/", "runs/b/"] && first.objects.isEmpty && first.nextToken == "runs/b/")
        let second = try await store.list(prefix: "runs/", delimiter: "/", pageSize: 2, after: first.nextToken)
        #expect(second.objects.map(\.key) == ["runs/top.ipynb"] && second.nextToken == nil)
        #expect(try await store.listAll(prefix: "runs/a/1").map(\.key) == ["runs/a/1.ipynb"])
        #expect(try await store.listAll(prefix: "nothing/").isEmpty)
    }
}
