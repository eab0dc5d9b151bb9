import NotebookFormat

/// Keeps the output file a live, valid notebook while a run progresses, without papermill's O(n²)
/// cost: a snapshot is written at most once per `interval` (plus at the moments marked important),
/// so the number of writes depends on the run's duration, not on its number of cells.
public actor NotebookSaver {
    public typealias Write = @Sendable (Notebook) throws -> Void

    private let interval: Duration
    private let write: Write
    private var pending: Notebook?
    private var lastWrite: ContinuousClock.Instant?
    private var timer: Task<Void, Never>?
    public private(set) var writeCount = 0
    /// The first write failure; later snapshots are still attempted.
    public private(set) var firstError: (any Error)?

    /// `interval` nil means only the important moments are written (papermill's
    /// `--no-request-save-on-cell-execute`, and output to stdout).
    public init(interval: Duration?, write: @escaping Write) {
        self.interval = interval ?? .seconds(1_000_000_000)
        self.write = write
    }

    public func offer(_ notebook: Notebook, important: Bool) {
        pending = notebook
        let now = ContinuousClock.now
        if important || lastWrite.map({ now - $0 >= interval }) ?? true {
            writePending()
        } else if timer == nil {
            let wait = interval - (now - lastWrite!)
            timer = Task { [weak self] in
                try? await Task.sleep(for: wait)
                await self?.timerFired()
            }
        }
    }

    /// Writes what is pending now; call at the end of a run.
    public func flush() {
        if pending != nil { writePending() }
    }

    private func timerFired() {
        timer = nil
        if pending != nil { writePending() }
    }

    private func writePending() {
        guard let nb = pending else { return }
        pending = nil
        lastWrite = ContinuousClock.now
        timer?.cancel()
        timer = nil
        do {
            try write(nb)
            writeCount += 1
        } catch {
            if firstError == nil { firstError = error }
        }
    }
}
