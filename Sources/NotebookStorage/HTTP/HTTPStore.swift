import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Read-only notebooks over HTTP(S): a key is the path (and query) under `origin`. Redirects are
/// followed; any status other than 2xx is an error naming the URL and status, never an empty body.
public struct HTTPStore: NotebookStore {
    /// scheme://host[:port]
    public let origin: String
    let http: HTTPClient
    let timeout: TimeAmount

    public init(origin: String, httpClient: HTTPClient = StorageHTTPClients.web, timeout: Duration = .seconds(120)) {
        self.origin = origin.hasSuffix("/") ? String(origin.dropLast()) : origin
        self.http = httpClient
        self.timeout = .seconds(timeout.components.seconds)
    }

    public func url(for key: String) -> String { key.hasPrefix("/") ? origin + key : origin + "/" + key }

    public func read(_ key: String) async throws(StorageError) -> [UInt8] {
        let url = url(for: key)
        return try await send(.GET, url) { response in
            var bytes: [UInt8] = []
            if let length = response.headers.first(name: "content-length").flatMap(Int.init) { bytes.reserveCapacity(length) }
            for try await chunk in response.body { chunk.withUnsafeReadableBytes { bytes.append(contentsOf: $0) } }
            return bytes
        }
    }

    public func stat(_ key: String) async throws(StorageError) -> ObjectInfo {
        try await send(.HEAD, url(for: key)) { r in
            ObjectInfo(key: key, size: r.headers.first(name: "content-length").flatMap(Int.init) ?? 0,
                       modified: r.headers.first(name: "last-modified").flatMap(S3Dates.http),
                       etag: r.headers.first(name: "etag").map(S3Store.unquote))
        }
    }

    public func write(_ body: WriteBody, to key: String, ifAbsent: Bool) async throws(StorageError) {
        throw .unsupported(url: url(for: key), operation: "writing (HTTP(S) locations are read only)")
    }

    public func list(prefix: String, delimiter: String?, pageSize: Int, after token: String?) async throws(StorageError) -> ListPage {
        throw .unsupported(url: url(for: prefix), operation: "listing")
    }

    public func delete(_ key: String) async throws(StorageError) {
        throw .unsupported(url: url(for: key), operation: "deleting (HTTP(S) locations are read only)")
    }

    private func send<T>(_ method: HTTPMethod, _ url: String,
                         _ consume: (HTTPClientResponse) async throws -> T) async throws(StorageError) -> T {
        var request = HTTPClientRequest(url: url)
        request.method = method
        do {
            let response = try await http.execute(request, timeout: timeout)
            guard (200..<300).contains(Int(response.status.code)) else {
                throw StorageError.httpStatus(url: url, status: Int(response.status.code))
            }
            return try await consume(response)
        } catch let error as StorageError {
            throw error
        } catch {
            throw .unreachable(url: url, reason: S3Client.describe(error), attempts: 1)
        }
    }
}
