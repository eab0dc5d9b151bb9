import NotebookFormat

/// The two markdown cells papermill adds to a failed run: one at the top linking to the failing
/// cell, one right before it. Quire adds them for timeouts, dead kernels and interruptions too,
/// saying which it was.
enum ErrorBanner {
    static let tag = "papermill-error-cell-tag"
    static let style = "color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;"

    static func insert(for outcome: ExecutionOutcome, into nb: inout Notebook) {
        let cell: Int?
        let top: (String) -> String
        let here: String
        switch outcome {
        case .succeeded, .exitedCleanly:
            return
        case .cellFailed(let f):
            cell = f.cellIndex
            top = { "An Exception was encountered at '\($0)'." }
            here = "Execution using papermill encountered an exception here and stopped:"
        case .timedOut(let i, let s):
            cell = i
            top = { "The cell at '\($0)' timed out after \(PythonFloat.repr(s)) seconds and was interrupted." }
            here = "Execution timed out here and stopped:"
        case .kernelDied(let i, let reason):
            cell = i
            top = { "The kernel died while running '\($0)': \(escape(reason))" }
            here = "The kernel died here and execution stopped:"
        case .kernelFailedToStart(let reason):
            cell = nil
            top = { _ in "The kernel could not start, so no cell was executed: \(escape(reason))" }
            here = ""
        case .interrupted(.signal(let s), let i):
            cell = i
            let name = s == 2 ? "SIGINT" : s == 15 ? "SIGTERM" : "signal \(s)"
            top = { link in i == nil ? "Execution was interrupted (\(name)) between cells." : "Execution was interrupted (\(name)) at '\(link)'." }
            here = "Execution was interrupted here and stopped:"
        case .interrupted(.cancelled(let who), let i):
            cell = i
            let by = who.map { " by \(escape($0))" } ?? ""
            top = { link in i == nil ? "The run was cancelled\(by) between cells." : "The run was cancelled\(by) at '\(link)'." }
            here = "The run was cancelled here:"
        case .interrupted(.runTimeout(let s), let i):
            cell = i
            top = { link in "The run exceeded its time limit of \(PythonFloat.repr(s)) seconds" + (i == nil ? "." : " at '\(link)' and was interrupted.") }
            here = "The run's time limit was reached here:"
        }
        let count = cell.flatMap { nb.cells[$0].executionCount }.map(String.init) ?? "None"
        let link = "<a href=\"#papermill-error-cell\">In [\(count)]</a>"
        if let cell {
            nb.cells.insert(banner("<span id=\"papermill-error-cell\" style=\"\(style)\">\(here)</span>", id: "quire-error-cell"), at: cell)
        }
        nb.cells.insert(banner("<span style=\"\(style)\">\(top(link))</span>", id: "quire-error-top"), at: 0)
    }

    /// Ids are fixed rather than random so two failed runs of one notebook diff cleanly.
    static func banner(_ source: String, id: String) -> Cell {
        Cell(cellType: "markdown", source: source, id: id,
             metadata: JSONObject([("tags", .array([.string(tag)]))]))
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\n", with: " ")
    }
}
