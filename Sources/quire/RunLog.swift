import Foundation
import NotebookExecution
import NotebookFormat

/// Messages of a run on stderr, filtered by `--log-level` (papermill's logger levels). When the
/// notebook goes to stdout only errors are shown, as papermill does.
struct RunLog: Sendable {
    let threshold: Int

    static let levels = ["NOTSET": 0, "DEBUG": 10, "INFO": 20, "WARNING": 30, "ERROR": 40, "CRITICAL": 50]

    init(level: String, quiet: Bool) {
        let l = Self.levels[level.uppercased()] ?? 20
        threshold = quiet ? max(l, 40) : l
    }

    func info(_ m: String) { if threshold <= 20 { Stderr.print(m) } }
    func warning(_ m: String) { if threshold <= 30 { Stderr.print(m) } }
    func error(_ m: String) { if threshold <= 40 { Stderr.print(m) } }

    /// The closing line: what happened and, on failure, where (papermill prints the traceback).
    func report(_ outcome: ExecutionOutcome, notebook: Notebook) {
        switch outcome {
        case .succeeded, .exitedCleanly:
            return
        case .cellFailed(let f):
            let count = f.executionCount.map(String.init) ?? "None"
            let trace = f.traceback.joined(separator: "\n").replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
            error("\n" + String(repeating: "-", count: 75) + "\nException encountered at \"In [\(count)]\":\n" + trace
                  + (f.traceback.isEmpty ? "\(f.ename): \(f.evalue)" : "") + "\n")
        case .timedOut(let cell, let s):
            error("A cell timed out while it was being executed, after \(s) seconds (cell \(cell)).")
        case .kernelDied(let cell, let reason):
            error("The kernel died while executing cell \(cell): \(reason)")
        case .kernelFailedToStart(let reason):
            error(reason)
        case .interrupted(.signal(let s), _):
            error("Interrupted by signal \(s); the partial output notebook was written.")
        case .interrupted(.cancelled, _), .interrupted(.runTimeout, _):
            error("Stopped before the end; the partial output notebook was written.")
        }
    }
}
