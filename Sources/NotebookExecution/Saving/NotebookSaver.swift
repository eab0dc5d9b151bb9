import NotebookFormat

/// Keeps the output file a live, valid notebook while a run progresses, without papermill's O(n²)
/// cost: a snapshot is written at most once per `interval` (plus at the moments marked important),
/// so the number of writes depends on the run's duration, not on its number of cells.
public actor NotebookSaver {
    public typealias Write = @Sendable (Notebook) async throws -> Void

    private let interval: Duration
    private let write: Write
    private var pending: Notebook?
    private var lastWrite: ContinuousClock.Instant?
    private var timer: Task<Void, Never>?
    /// True while a write is in flight; snapshots offered meanwhile are written after it, in order
    /// (an object store PUT can take a while, and two must never race).
    private var writing = false
    public private(set) var writeCount = 0
    /// The first write failure; later snapshots are still attempted.
    public private(set) var firstError: (any Error)?

    /// `interval` nil means only the important moments are written (papermill's
    /// `--no-request-save-on-cell-execute`, and output to stdout).
    public init(interval: Duration?, write: @escaping Write) {
        self.interval = interval ?? .seconds(1_000_000_000)
        self.write = write
    }

    public func offer(_ notebook: Notebook, important: Bool) async {
        pending = notebook
        let now = ContinuousClock.now
        if important || lastWrite.map({ now - $0 >= interval }) ?? true {
            await drain()
        } else if timer == nil {
            let wait = interval - (now - lastWrite!)
            timer = Task { [weak self] in
                try? await Task.sleep(for: wait)
                await self?.timerFired()
            }
        }
    }

    /// Writes what is pending and returns once nothing is in flight; call at the end of a run.
    public func flush() async {
        await drain()
        while writing { try? await Task.sleep(for: .milliseconds(5)) }
    }

    private func timerFired() async {
        timer = nil
        await drain()
    }

    private func drain() async {
        guard !writing else { return }
        writing = true
        while let nb = pending {
            pending = nil
            lastWrite = ContinuousClock.now
            timer?.cancel()
            timer = nil
            do {
                try await write(nb)
                writeCount += 1
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        writing = false
    }
}
