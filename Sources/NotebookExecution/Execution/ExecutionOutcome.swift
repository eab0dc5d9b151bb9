import JupyterKernel

/// How a run ended. `exitCode` is Quire's documented exit status for it.
public enum ExecutionOutcome: Sendable {
    case succeeded
    /// `sys.exit()` / `sys.exit(0)`: the notebook chose to stop; papermill counts it as success.
    case exitedCleanly(cell: Int)
    /// A cell raised (the reported error is the last one, as papermill reports it).
    case cellFailed(CellFailure)
    /// A cell ran longer than the per-cell timeout.
    case timedOut(cell: Int, seconds: Double)
    /// The kernel process ended or stopped answering during a cell.
    case kernelDied(cell: Int, reason: String)
    /// Quire was asked to stop (a signal); `cell` was running, if any.
    case interrupted(StopRequest, cell: Int?)
    /// No cell ran: the kernel could not be started.
    case kernelFailedToStart(reason: String)

    public var exitCode: Int32 {
        switch self {
        case .succeeded, .exitedCleanly: 0
        case .cellFailed, .timedOut: 1
        case .kernelDied, .kernelFailedToStart: 3
        case .interrupted(.signal(let s), _): 128 + s
        case .interrupted(.cancelled, _): 130
        case .interrupted(.runTimeout, _): 1
        }
    }
}

/// The error a failed run reports, with where it happened.
public struct CellFailure: Sendable, Equatable {
    public var cellIndex: Int
    public var executionCount: Int?
    public var ename: String
    public var evalue: String
    public var traceback: [String]
}
