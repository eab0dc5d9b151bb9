import NotebookFormat

/// Judges a finished run as papermill does (reference §3.3), with Quire's deliberate differences:
/// errors in `raises-exception` cells do not fail the run, and timeouts, dead kernels and stop
/// requests are outcomes of their own instead of passing for success.
enum RunVerdict {
    static func outcome(of nb: Notebook, ending: CellEnding?, cell: Int?, options: ExecutionOptions) -> ExecutionOutcome {
        switch ending {
        case .timedOut(let s)?: return .timedOut(cell: cell ?? 0, seconds: s)
        case .kernelDied(let reason)?: return .kernelDied(cell: cell ?? 0, reason: reason)
        case .stopped(let r)?: return .interrupted(r, cell: cell)
        case .error(_, systemExitClean: true)?: return .exitedCleanly(cell: cell ?? 0)
        default: break
        }
        // The last error output wins, as in papermill; a clean SystemExit is not an error.
        var found: CellFailure? = nil
        for (i, c) in nb.cells.enumerated() where c.isCode && !c.tags.contains("raises-exception") {
            for case .error(let ename, let evalue, let tb) in c.outputs {
                if ename == "SystemExit" && (evalue == "" || evalue == "0") { continue }
                found = CellFailure(cellIndex: i, executionCount: c.executionCount, ename: ename, evalue: evalue, traceback: tb)
            }
        }
        if let found { return .cellFailed(found) }
        // A cell can fail without an error output (IPython's UsageError for a bad magic).
        if let i = nb.cells.firstIndex(where: { $0.runStatus == .failed }) {
            return .cellFailed(CellFailure(cellIndex: i, executionCount: nb.cells[i].executionCount,
                                           ename: "CellExecutionError", evalue: "", traceback: []))
        }
        return .succeeded
    }
}
