import JupyterKernel
import NotebookFormat

/// Runs a notebook's cells on a started kernel with nbclient's semantics and papermill's metadata
/// (reference §3 and §6). It never throws: every ending — success, a raising cell, a timeout, a dead
/// kernel, a stop request — comes back as an outcome together with a complete, valid notebook.
public struct NotebookExecutor: Sendable {
    public var options: ExecutionOptions

    public init(options: ExecutionOptions = ExecutionOptions()) {
        self.options = options
    }

    /// `startedAt`: when the caller already called `begin(_:at:)` (to save the notebook before the
    /// kernel starts, so that the run's start time and duration include kernel start-up, as papermill's do).
    public func run(_ input: Notebook, on client: KernelClient, control: RunControl = RunControl(),
                    observer: some ExecutionObserver, startedAt: UTCInstant? = nil) async -> (notebook: Notebook, outcome: ExecutionOutcome) {
        var nb = input
        let start = startedAt ?? UTCInstant.now()
        if startedAt == nil { Self.begin(&nb, at: start) }
        if let info = await client.info.content["language_info"], info.objectValue != nil {
            nb.metadata["language_info"] = info
        }
        await observer.notebookChanged(nb, important: true)

        var collector = OutputCollector()
        var ending: CellEnding? = nil
        var endedAt: Int? = nil
        let total = nb.cells.count
        for i in nb.cells.indices {
            if let stop = control.stopRequest {
                ending = .stopped(stop)
                break
            }
            let started = UTCInstant.now()
            nb.cells[i].markStarted(at: started)
            await observer.cellStarted(index: i, of: total, cell: nb.cells[i])
            await observer.notebookChanged(nb, important: false)
            var result = CellEnding.ok
            if shouldExecute(nb.cells[i]) {
                let runner = CellRunner(options: options, client: client, control: control)
                result = await runner.run(cell: i, in: &nb, collector: &collector, observer: observer)
            }
            if result.failsCell { nb.cells[i].markFailed() }
            nb.cells[i].markFinished(started: started, at: UTCInstant.now())
            await observer.cellFinished(index: i, of: total, cell: nb.cells[i])
            await observer.notebookChanged(nb, important: false)
            if result.stopsRun {
                ending = result
                endedAt = i
                break
            }
        }

        let outcome = RunVerdict.outcome(of: nb, ending: ending, cell: endedAt, options: options)
        Self.finish(&nb, startedAt: start, outcome: outcome, widgets: collector.widgets.metadata)
        await observer.notebookChanged(nb, important: true)
        return (nb, outcome)
    }

    /// Empty code cells and `skip-execution` cells are never sent (nbclient).
    func shouldExecute(_ cell: Cell) -> Bool {
        cell.isCode && !cell.source.allSatisfy(\.isWhitespace) && !cell.tags.contains(options.skipTag)
    }

    /// Marks the run started: `metadata.papermill` times reset, every cell `pending`, code cells cleared.
    public static func begin(_ nb: inout Notebook, at start: UTCInstant) {
        var pm = nb.metadata["papermill"]?.objectValue ?? JSONObject()
        pm["start_time"] = .string(start.isoformat)
        pm["end_time"] = .null
        pm["duration"] = .null
        pm["exception"] = .null
        nb.metadata["papermill"] = .object(pm)
        for i in nb.cells.indices { nb.cells[i].resetRunMetadata() }
    }

    /// Closes the run's metadata (end time, duration, exception), stores widget state and adds the
    /// error banner the outcome calls for.
    public static func finish(_ nb: inout Notebook, startedAt started: UTCInstant, outcome: ExecutionOutcome,
                              widgets: JSONValue? = nil) {
        let end = UTCInstant.now()
        var pm = nb.metadata["papermill"]?.objectValue ?? JSONObject()
        pm["end_time"] = .string(end.isoformat)
        pm["duration"] = .double(end.seconds(since: started))
        if case .succeeded = outcome {} else { pm["exception"] = .bool(true) }
        nb.metadata["papermill"] = .object(pm)
        if let widgets { nb.metadata["widgets"] = widgets }
        ErrorBanner.insert(for: outcome, into: &nb)
    }
}
