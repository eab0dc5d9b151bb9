/// One place notebooks live: a local folder, an S3 bucket, or an HTTP(S) origin (read only).
///
/// Keys are relative to the store's root ("runs/daily/2026-01-01.ipynb"); `url(for:)` gives the full
/// address for messages. Every operation either succeeds or throws a `StorageError` naming the
/// location; none returns empty bytes for a failure.
public protocol NotebookStore: Sendable {
    /// The address of a key, as a user would write it (`/data/x.ipynb`, `s3://b/k`, `https://h/p`).
    func url(for key: String) -> String

    /// The whole object.
    func read(_ key: String) async throws(StorageError) -> [UInt8]

    /// Replaces (or creates) the object atomically: a reader sees the previous bytes or the new
    /// ones, never part of them, and a failed write leaves the previous object intact.
    /// With `ifAbsent`, the write fails with `.alreadyExists` when the key already exists.
    func write(_ body: WriteBody, to key: String, ifAbsent: Bool) async throws(StorageError)

    /// Size, modification time and ETag of one object.
    func stat(_ key: String) async throws(StorageError) -> ObjectInfo

    /// One page of the objects whose keys start with `prefix`, in key order. With a `delimiter`
    /// ("/"), keys containing it after the prefix are rolled up into `ListPage.folders`.
    /// Pass the previous page's `nextToken` to continue; `nil` starts from the beginning.
    func list(prefix: String, delimiter: String?, pageSize: Int, after token: String?) async throws(StorageError) -> ListPage

    /// Removes the object; removing a missing object is not an error (as in S3).
    func delete(_ key: String) async throws(StorageError)
}

extension NotebookStore {
    /// Replaces (or creates) the object atomically (see `write(_:to:ifAbsent:)`).
    public func write(_ bytes: [UInt8], to key: String) async throws(StorageError) {
        try await write(WriteBody(bytes), to: key, ifAbsent: false)
    }

    /// Every object under `prefix`, fetching one page after another.
    public func listAll(prefix: String, pageSize: Int = 1000) async throws(StorageError) -> [ObjectInfo] {
        var all: [ObjectInfo] = []
        var token: String? = nil
        repeat {
            let page = try await list(prefix: prefix, delimiter: nil, pageSize: pageSize, after: token)
            all += page.objects
            token = page.nextToken
        } while token != nil
        return all
    }

    /// True when the key exists; other failures (credentials, network) still throw.
    public func exists(_ key: String) async throws(StorageError) -> Bool {
        do {
            _ = try await stat(key)
            return true
        } catch where error.isNotFound {
            if case .noSuchBucket = error { throw error }
            return false
        }
    }
}
