import AsyncHTTPClient
import Foundation

/// Notebooks in one S3 bucket (or a bucket of an S3-compatible service); keys are object keys.
///
/// Writes are atomic as S3 makes them: a single PUT, or above `multipartThreshold` a multipart
/// upload that only becomes visible when completed (and is aborted if any part fails), so a
/// reader sees the previous object or the new one, never a mix.
public struct S3Store: NotebookStore {
    public let bucket: String
    let client: S3Client

    /// A store for `bucket`; the HTTP client defaults to `StorageHTTPClients.s3`.
    public init(bucket: String, configuration: S3Configuration, httpClient: HTTPClient = StorageHTTPClients.s3) {
        self.bucket = bucket
        self.client = S3Client(config: configuration, http: httpClient)
    }

    public func url(for key: String) -> String { "s3://\(bucket)/\(key)" }

    public func read(_ key: String) async throws(StorageError) -> [UInt8] {
        try await client.send(S3Request(method: .GET, bucket: bucket, key: key)).body
    }

    public func write(_ body: WriteBody, to key: String, ifAbsent: Bool) async throws(StorageError) {
        if body.count >= client.config.multipartThreshold {
            try await multipartUpload(body, to: key, ifAbsent: ifAbsent)
            return
        }
        var headers = [("content-type", "application/x-ipynb+json")]
        // S3 and moto refuse the PUT with 412 when the key exists (conditional writes).
        if ifAbsent { headers.append(("if-none-match", "*")) }
        _ = try await client.send(S3Request(method: .PUT, bucket: bucket, key: key, headers: headers,
                                            body: .slice(body, 0..<body.count)))
    }

    public func stat(_ key: String) async throws(StorageError) -> ObjectInfo {
        let r: S3Response
        do {
            r = try await client.send(S3Request(method: .HEAD, bucket: bucket, key: key))
        } catch .noSuchKey {
            // A HEAD answer has no body, so a 404 cannot say whether the key or the whole bucket
            // is missing; a mistyped bucket deserves to be named. A HEAD of the bucket tells.
            if await bucketIsMissing() { throw .noSuchBucket(bucket: bucket) }
            throw .noSuchKey(bucket: bucket, key: key)
        }
        return ObjectInfo(key: key, size: r.header("content-length").flatMap(Int.init) ?? 0,
                          modified: r.header("last-modified").flatMap(S3Dates.http),
                          etag: r.header("etag").map(Self.unquote))
    }

    public func list(prefix: String, delimiter: String?, pageSize: Int, after token: String?) async throws(StorageError) -> ListPage {
        // encoding-type=url: keys come back percent-encoded, so that any byte a key may hold
        // survives the XML (which cannot carry most control characters).
        var query = [("list-type", "2"), ("prefix", prefix), ("max-keys", String(max(1, min(pageSize, 1000)))),
                     ("encoding-type", "url")]
        if let delimiter { query.append(("delimiter", delimiter)) }
        if let token { query.append(("continuation-token", token)) }
        let r = try await client.send(S3Request(method: .GET, bucket: bucket, key: nil, query: query))
        do {
            return try S3ListResult.parse(r.body)
        } catch {
            throw .s3(bucket: bucket, key: prefix, status: r.status, code: "MalformedListing", message: error.description)
        }
    }

    public func delete(_ key: String) async throws(StorageError) {
        _ = try await client.send(S3Request(method: .DELETE, bucket: bucket, key: key))
    }

    /// Whether the bucket's own HEAD says it does not exist (any other answer: not known missing).
    private func bucketIsMissing() async -> Bool {
        do {
            _ = try await client.send(S3Request(method: .HEAD, bucket: bucket, key: nil))
            return false
        } catch .noSuchBucket {
            return true
        } catch {
            return false
        }
    }

    static func unquote(_ etag: String) -> String {
        etag.count >= 2 && etag.hasPrefix("\"") && etag.hasSuffix("\"") ? String(etag.dropFirst().dropLast()) : etag
    }
}
