import JupyterKernel

/// How one cell's request ended, before the run as a whole is judged.
enum CellEnding: Sendable {
    case ok
    /// The reply's status was `error`; `allowed` when the cell may raise (tag or `--allow-errors`).
    case error(allowed: Bool, systemExitClean: Bool)
    case timedOut(seconds: Double)
    case kernelDied(String)
    case stopped(StopRequest)

    var failsCell: Bool {
        switch self {
        case .ok, .error(allowed: true, _): false
        default: true
        }
    }

    var stopsRun: Bool {
        switch self {
        case .ok, .error(allowed: true, _): false
        default: true
        }
    }
}
