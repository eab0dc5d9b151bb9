import NotebookExecution
import NotebookFormat

/// Hears a worker's run: saves snapshots of the (redacted) notebook and publishes live events.
struct RunObserver: ExecutionObserver {
    let run: String
    let saver: NotebookSaver
    let events: any RunEventSink
    let redactor: SecretRedactor

    func notebookChanged(_ notebook: Notebook, important: Bool) async {
        await saver.offer(notebook, important: important)
    }

    func cellStarted(index: Int, of total: Int, cell: Cell) async {
        await events.publish(RunEvent(run: run, kind: .cellStarted(index: index, total: total)))
    }

    func output(_ output: Output, cell index: Int) async {
        await events.publish(RunEvent(run: run, kind: .output(cell: index, output: redactor.redact(output).json)))
    }

    func cellFinished(index: Int, of total: Int, cell: Cell) async {
        let pm = cell.metadata["papermill"]
        await events.publish(RunEvent(run: run, kind: .cellFinished(index: index, total: total,
                                                                     status: pm?["status"]?.stringValue,
                                                                     duration: pm?["duration"]?.doubleValue)))
    }
}
