import NotebookExecution
import NotebookFormat

/// How an attempt ended, as the worker records it. Thrown inside `RunExecution` to leave early.
enum RunEnding: Error, Sendable {
    case succeeded
    /// `retryable`: whether the job's retry policy applies (a missing notebook or an unknown kernel
    /// will not be fixed by trying again; a raising cell or a dead kernel may be).
    case failed(RunErrorSummary, retryable: Bool)
    case timedOut(RunErrorSummary?)
    case cancelled(RunErrorSummary?)
    /// The worker is shutting down: the attempt is handed back to the queue.
    case interrupted(RunErrorSummary?)

    static func infrastructure(_ ename: String, _ evalue: String) -> RunEnding {
        .failed(RunErrorSummary(ename: ename, evalue: evalue, cell: nil), retryable: true)
    }

    static func badInput(_ ename: String, _ evalue: String) -> RunEnding {
        .failed(RunErrorSummary(ename: ename, evalue: evalue, cell: nil), retryable: false)
    }

    /// `cell` in summaries is the index in the OUTPUT notebook (after papermill's banner cells),
    /// so that links from the UI land on the failing cell itself.
    init(_ outcome: ExecutionOutcome, final: Notebook, redactor: SecretRedactor) {
        let cell = Self.failingCell(in: final)
        func summary(_ ename: String, _ evalue: String) -> RunErrorSummary {
            RunErrorSummary(ename: ename, evalue: redactor.redact(evalue), cell: cell)
        }
        switch outcome {
        case .succeeded, .exitedCleanly:
            self = .succeeded
        case .cellFailed(let f):
            self = .failed(summary(f.ename, f.evalue), retryable: true)
        case .timedOut(_, let s):
            self = .timedOut(summary("CellTimeoutError", "a cell ran longer than \(s) seconds"))
        case .kernelDied(_, let reason):
            self = .failed(summary("DeadKernelError", reason), retryable: true)
        case .kernelFailedToStart(let reason):
            self = .failed(summary("KernelStartError", reason), retryable: true)
        case .interrupted(.runTimeout(let s), _):
            self = .timedOut(summary("RunTimeoutError", "the run exceeded its time limit of \(s) seconds"))
        case .interrupted(.cancelled(let who), _):
            self = .cancelled(summary("Cancelled", who.map { "cancelled by \($0)" } ?? "cancelled"))
        case .interrupted(.signal(let s), _):
            self = .interrupted(summary("WorkerStopped", "the worker stopped (signal \(s)) during the run"))
        }
    }

    /// The cell right after papermill's "encountered an exception here" banner.
    static func failingCell(in nb: Notebook) -> Int? {
        guard let banner = nb.cells.firstIndex(where: { $0.id == "quire-error-cell" }), banner + 1 < nb.cells.count else { return nil }
        return banner + 1
    }

    var retryable: Bool {
        switch self {
        case .failed(_, let r): r
        case .timedOut: true
        case .interrupted: true
        case .succeeded, .cancelled: false
        }
    }

    var finishOutcome: FinishOutcome {
        switch self {
        case .succeeded: .succeeded
        case .failed(let e, _): .failed(e)
        case .timedOut(let e): .timedOut(e)
        case .cancelled(let e): .cancelled(e)
        case .interrupted(let e): .failed(e ?? RunErrorSummary(ename: "WorkerStopped", evalue: "the worker stopped during the run", cell: nil))
        }
    }

    var status: String {
        switch self {
        case .succeeded: "succeeded"
        case .failed, .interrupted: "failed"
        case .timedOut: "timed_out"
        case .cancelled: "cancelled"
        }
    }
}
