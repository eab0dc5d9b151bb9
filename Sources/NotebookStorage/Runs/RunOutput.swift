import Foundation

/// The output notebook of one run, written again and again while the run goes on and never after
/// it finished. The first write creates the object only if it does not exist (S3 `If-None-Match: *`,
/// a hard link locally), so a run can never replace another run's output; later writes replace the
/// run's own object atomically; `finish` writes the last version and seals it.
///
/// Writes are applied in the order they were called, one at a time, even when callers overlap.
public actor RunOutput {
    public nonisolated let location: StoreLocation
    private var created = false
    private var finished = false
    private var last: Task<Result<Void, StorageError>, Never>? = nil

    /// The output at an explicit location; the first write fails with `.alreadyExists` if an
    /// object is already there.
    public init(location: StoreLocation) {
        self.location = location
    }

    /// A new output key for a run of `job` in `store` (see `RunOutputKey`), refused if an object
    /// already has it.
    public static func create(in store: any NotebookStore, job: String, runID: String = RunOutputKey.newRunID(),
                              at date: Date = Date(), prefix: String = "runs") async throws(StorageError) -> RunOutput {
        let key = RunOutputKey.make(job: job, runID: runID, at: date, prefix: prefix)
        if try await store.exists(key) { throw .alreadyExists(url: store.url(for: key)) }
        return RunOutput(location: StoreLocation(store: store, key: key))
    }

    /// Saves progress: replaces the run's output atomically.
    public func save(_ bytes: [UInt8]) async throws(StorageError) {
        try await enqueue(bytes, final: false)
    }

    /// Saves the final notebook; any later `save` or `finish` throws `.alreadyFinished`.
    public func finish(_ bytes: [UInt8]) async throws(StorageError) {
        try await enqueue(bytes, final: true)
    }

    public var isFinished: Bool { finished }

    private func enqueue(_ bytes: [UInt8], final: Bool) async throws(StorageError) {
        guard !finished else { throw .alreadyFinished(url: location.url) }
        if final { finished = true }
        let previous = last
        let task = Task { () -> Result<Void, StorageError> in
            _ = await previous?.value
            return await self.perform(bytes)
        }
        last = task
        try await task.value.get()
    }

    private func perform(_ bytes: [UInt8]) async -> Result<Void, StorageError> {
        do throws(StorageError) {
            try await location.store.write(WriteBody(bytes), to: location.key, ifAbsent: !created)
            created = true
            return .success(())
        } catch {
            return .failure(error)
        }
    }
}
