import Foundation
import Testing
@testable import NotebookStorage

/// ListObjectsV2 pagination against moto: 10 000 keys list completely, one page at a time.
@Suite struct S3ListingTests {
    @Test func tenThousandKeysAcrossPages() async throws {
        try await withBucket { store in
            let keys = (0..<10_000).map { String(format: "many/k-%05d.ipynb", $0) }
            try await Moto.seed(store, count: keys.count, format: "many/k-{:05d}.ipynb") { keys[$0] }
            try await store.write([UInt8]("{}".utf8), to: "other/outside.ipynb")

            var pages = 0
            var listed: [ObjectInfo] = []
            var token: String? = nil
            repeat {
                let page = try await store.list(prefix: "many/", delimiter: nil, pageSize: 1000, after: token)
                #expect(page.objects.count <= 1000)
                listed += page.objects
                token = page.nextToken
                pages += 1
            } while token != nil
            #expect(pages == 10)
            #expect(listed.map(\.key) == keys)
            #expect(listed.allSatisfy { $0.size == 2 && $0.etag?.count == 32 && $0.modified != nil })
            #expect(try await store.listAll(prefix: "many/", pageSize: 777).count == 10_000)
        }
    }

    @Test func foldersWithDelimiterAndOddKeys() async throws {
        try await withBucket { store in
            let keys = ["runs/a b/1.ipynb", "runs/a b/2.ipynb", "runs/c+d=e/1.ipynb", "runs/top.ipynb",
                        "runs/ünï/x.ipynb", "runs/%41 literal.ipynb", "runs/tab\there.ipynb", "runs/amp&lt;.ipynb"]
            try await putConcurrently(store, keys: keys, body: [UInt8]("{}".utf8))
            let page = try await store.list(prefix: "runs/", delimiter: "/", pageSize: 1000, after: nil)
            #expect(page.folders == ["runs/a b/", "runs/c+d=e/", "runs/ünï/"])
            #expect(Set(page.objects.map(\.key)) == ["runs/top.ipynb", "runs/%41 literal.ipynb", "runs/tab\there.ipynb", "runs/amp&lt;.ipynb"])
            #expect(page.nextToken == nil)
            let all = try await store.listAll(prefix: "runs/", pageSize: 3)
            #expect(Set(all.map(\.key)) == Set(keys))
            for k in keys { #expect(try await store.read(k) == [UInt8]("{}".utf8), "\(k)") }
        }
    }

    @Test func emptyPrefixListsNothing() async throws {
        try await withBucket { store in
            let page = try await store.list(prefix: "nothing/", delimiter: "/", pageSize: 10, after: nil)
            #expect(page.objects.isEmpty && page.folders.isEmpty && page.nextToken == nil)
        }
    }
}

/// PUTs `keys`, 32 at a time (moto handles concurrent requests on its threads).
func putConcurrently(_ store: S3Store, keys: [String], body: [UInt8]) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        var it = keys.makeIterator()
        for _ in 0..<32 {
            guard let k = it.next() else { break }
            group.addTask { try await store.write(body, to: k) }
        }
        while try await group.next() != nil {
            if let k = it.next() { group.addTask { try await store.write(body, to: k) } }
        }
    }
}
