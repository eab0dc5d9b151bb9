import NotebookExecution
import NotebookFormat

/// Connects a run to the terminal and the output file: saves snapshots, draws progress, tees streams.
struct CLIObserver: ExecutionObserver {
    let saver: NotebookSaver
    let progress: ProgressReporter
    let streams: StreamFiles

    func notebookChanged(_ notebook: Notebook, important: Bool) async {
        await saver.offer(notebook, important: important)
    }

    func cellStarted(index: Int, of total: Int, cell: Cell) async {
        await progress.cellStarted(index: index, of: total, cell: cell)
    }

    func output(_ output: Output, cell index: Int) async {
        streams.append(output)
        await progress.output(output)
    }

    func cellFinished(index: Int, of total: Int, cell: Cell) async {
        await progress.cellFinished(index: index, of: total, cell: cell)
    }
}
