import Foundation
import NotebookFormat
import Testing
@testable import NotebookStorage

/// S3Store against a real moto server (Support/Moto.swift).
@Suite(.serialized) struct S3StoreTests {
    @Test func unicodeNotebookRoundTrip() async throws {
        try await withBucket { store in
            let bytes = SampleNotebooks.unicode()
            let key = "notebooks/ünïcode folder/日本 + plus=equals.ipynb"
            try await store.write(bytes, to: key)
            #expect(try await store.read(key) == bytes)
            let loaded = try await StoreLocation(store: store, key: key).loadNotebook()
            #expect(loaded.notebook.cells.count == 2)
            let info = try await store.stat(key)
            #expect(info.size == bytes.count)
            #expect(info.etag?.count == 32)
            #expect(abs(info.modified!.timeIntervalSinceNow) < 600)
            try await store.delete(key)
            #expect(try await store.exists(key) == false)
        }
    }

    @Test func twentyMegabyteOutputRoundTrip() async throws {
        try await withBucket { store in
            let bytes = SampleNotebooks.large(megabytes: 20)
            #expect(bytes.count > 20_000_000)
            // Above the default 16 MiB threshold: a multipart upload with 8 MiB parts.
            try await store.write(bytes, to: "big.ipynb")
            let back = try await store.read("big.ipynb")
            #expect(back == bytes)
            _ = try Notebook.load(back)
            #expect(try await store.stat("big.ipynb").size == bytes.count)
            // A completed multipart upload has an ETag "<md5 of part md5s>-<parts>".
            #expect(try await store.stat("big.ipynb").etag?.hasSuffix("-3") == true)
        }
    }

    @Test func multipartUploadWithSmallParts() async throws {
        var config = Moto.config()
        config.multipartThreshold = 5 << 20
        config.partSize = 5 << 20
        config.partConcurrency = 2
        try await withBucket(config) { store in
            let bytes = (0..<(12 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 13) }
            try await store.write(bytes, to: "parts.bin")
            #expect(try await store.read("parts.bin") == bytes)
            #expect(try await store.stat("parts.bin").etag?.hasSuffix("-3") == true)
            #expect(try await Moto.openUploads(store) == 0)
        }
    }

    @Test func missingBucket() async throws {
        let store = S3Store(bucket: "quire-no-such-bucket-\(UInt32.random(in: 0...UInt32.max))", configuration: Moto.config())
        await #expect {
            try await store.read("x.ipynb")
        } throws: { error in
            guard case StorageError.noSuchBucket(let bucket) = error else { return false }
            return bucket == store.bucket && (error as! StorageError).description.contains("NoSuchBucket")
        }
        await #expect(throws: StorageError.self) { try await store.list(prefix: "", delimiter: nil, pageSize: 10, after: nil) }
        // A HEAD's 404 has no body; the bucket is still named as the missing part.
        await #expect {
            try await store.stat("x.ipynb")
        } throws: { error in
            guard case StorageError.noSuchBucket(let bucket) = error else { return false }
            return bucket == store.bucket
        }
    }

    @Test func missingKey() async throws {
        try await withBucket { store in
            await #expect {
                try await store.read("nope/missing.ipynb")
            } throws: { error in
                guard case StorageError.noSuchKey(let bucket, let key) = error else { return false }
                return bucket == store.bucket && key == "nope/missing.ipynb"
                    && "\(error)" == "s3://\(store.bucket)/nope/missing.ipynb: no such object (S3 NoSuchKey)"
            }
            // HEAD has no error body: a bare 404 still names the key.
            await #expect {
                try await store.stat("nope/missing.ipynb")
            } throws: { error in
                if case StorageError.noSuchKey(_, "nope/missing.ipynb") = error { return true }
                return false
            }
            // Deleting a missing key succeeds, as in S3.
            try await store.delete("nope/missing.ipynb")
        }
    }

    @Test func conditionalCreateRefusesExistingKey() async throws {
        try await withBucket { store in
            try await store.write(WriteBody(SampleNotebooks.unicode("first")), to: "once.ipynb", ifAbsent: true)
            await #expect {
                try await store.write(WriteBody(SampleNotebooks.unicode("second")), to: "once.ipynb", ifAbsent: true)
            } throws: { error in
                if case StorageError.alreadyExists = error { return true }
                return false
            }
            #expect(try await store.read("once.ipynb") == SampleNotebooks.unicode("first"))
        }
    }

    @Test func conditionalCreateOfAMultipartUpload() async throws {
        var config = Moto.config()
        config.multipartThreshold = 5 << 20
        config.partSize = 5 << 20
        try await withBucket(config) { store in
            let big = SampleNotebooks.large(megabytes: 6)
            try await store.write(WriteBody(big), to: "big.ipynb", ifAbsent: true)
            await #expect {
                try await store.write(WriteBody(SampleNotebooks.large(megabytes: 7)), to: "big.ipynb", ifAbsent: true)
            } throws: { error in
                if case StorageError.alreadyExists = error { return true }
                return false
            }
            #expect(try await store.read("big.ipynb") == big)
            #expect(try await Moto.openUploads(store) == 0)
        }
    }

    @Test func unreachableEndpointRetriesThenFails() async throws {
        // A port nobody listens on: connection refused on every attempt.
        var config = Moto.config("http://127.0.0.1:9")
        config.maxAttempts = 3
        config.retryBaseDelay = .milliseconds(5)
        try await withQuickFailingClient { client in
            let store = S3Store(bucket: "b", configuration: config, httpClient: client)
            await #expect {
                try await store.read("x.ipynb")
            } throws: { error in
                guard case StorageError.unreachable(_, _, let attempts) = error else { return false }
                return attempts == 3 && (error as! StorageError).isInfrastructure
            }
        }
    }

    @Test func missingCredentialsAreReportedBeforeAnyRequest() async throws {
        let store = S3Store(bucket: "b", configuration: Moto.config(credentials: nil))
        await #expect {
            try await store.read("x.ipynb")
        } throws: { error in
            if case StorageError.missingCredentials = error { return true }
            return false
        }
    }
}
