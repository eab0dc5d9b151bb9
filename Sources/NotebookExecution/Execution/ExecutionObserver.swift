import NotebookFormat

/// What a front end (progress bar, log, live viewer, saver) hears about a run, in order.
/// Called on the executor's task: keep the work short or hand it off.
public protocol ExecutionObserver: Sendable {
    /// The notebook changed; `important` marks moments worth saving at once (start, end, banner).
    func notebookChanged(_ notebook: Notebook, important: Bool) async
    func cellStarted(index: Int, of total: Int, cell: Cell) async
    func output(_ output: Output, cell index: Int) async
    func cellFinished(index: Int, of total: Int, cell: Cell) async
}

extension ExecutionObserver {
    public func cellStarted(index: Int, of total: Int, cell: Cell) async {}
    public func output(_ output: Output, cell index: Int) async {}
    public func cellFinished(index: Int, of total: Int, cell: Cell) async {}
}
