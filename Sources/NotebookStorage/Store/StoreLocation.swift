import NotebookFormat

/// A key in a store: what a URL such as `s3://bucket/runs/out.ipynb` resolves to.
public struct StoreLocation: Sendable {
    public let store: any NotebookStore
    public let key: String

    public init(store: any NotebookStore, key: String) {
        self.store = store
        self.key = key
    }

    /// The address, for messages ("s3://bucket/runs/out.ipynb").
    public var url: String { store.url(for: key) }

    public func read() async throws(StorageError) -> [UInt8] { try await store.read(key) }

    /// Atomic replace (see `NotebookStore.write(_:to:ifAbsent:)`); may be called again and again,
    /// as a run does to save progress.
    public func write(_ bytes: [UInt8]) async throws(StorageError) {
        try await store.write(WriteBody(bytes), to: key, ifAbsent: false)
    }

    public func stat() async throws(StorageError) -> ObjectInfo { try await store.stat(key) }

    public func delete() async throws(StorageError) { try await store.delete(key) }

    /// Reads and loads the notebook (see `Notebook.load`). Bytes that are not a notebook (an HTML
    /// error page, say) give `.notANotebook` naming this URL, never an empty notebook.
    public func loadNotebook(strict: Bool = true, repairCellIDs: Bool = false) async throws(StorageError) -> LoadedNotebook {
        let bytes = try await read()
        do {
            return try Notebook.load(bytes, file: url, strict: strict, repairCellIDs: repairCellIDs)
        } catch {
            throw .notANotebook(url: url, error)
        }
    }

    /// Writes the notebook in nbformat's layout, atomically.
    public func write(_ notebook: Notebook) async throws(StorageError) {
        try await write(notebook.serialized())
    }
}
