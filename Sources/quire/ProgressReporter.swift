import Foundation
import NotebookFormat

/// Progress on stderr: a one-line bar redrawn in place on a terminal, otherwise one line per cell;
/// with `--log-output`, cell outputs as they arrive. Never prints parameter values.
actor ProgressReporter {
    private let bar: Bool
    private let perCellLines: Bool
    private let logOutput: Bool
    private let started = ContinuousClock.now
    private var description = ""

    init(options: RunOptions, log: RunLog) {
        let terminal = isatty(STDERR_FILENO) == 1
        let enabled = log.threshold <= 20
        bar = enabled && (options.progressBar ?? (terminal && !options.logOutput))
        perCellLines = enabled && !bar && options.progressBar != false
        logOutput = options.logOutput
    }

    func cellStarted(index: Int, of total: Int, cell: Cell) {
        if let range = cell.source.range(of: "papermill_description=") {
            description = String(cell.source[range.upperBound...].prefix { !$0.isWhitespace })
        }
        if logOutput { Stderr.print(Self.padded("Executing Cell \(index + 1)", 40)) }
        if bar { draw(done: index, total: total) }
    }

    func output(_ output: Output) {
        guard logOutput else { return }
        switch output {
        case .stream(_, let text): Stderr.write(text)
        case .executeResult(_, let data, _), .displayData(let data, _):
            if let text = data["text/plain"]?.stringValue { Stderr.print(text) }
        default: break
        }
    }

    func cellFinished(index: Int, of total: Int, cell: Cell) {
        if logOutput { Stderr.print(Self.padded("Ending Cell \(index + 1)", 43)) }
        if bar {
            draw(done: index + 1, total: total)
            if index + 1 == total { Stderr.write("\n") }
        } else if perCellLines {
            let status = cell.metadata["papermill"]?["status"]?.stringValue ?? ""
            let d = cell.metadata["papermill"]?["duration"]?.doubleValue ?? 0
            Stderr.print("cell \(index + 1)/\(total) \(cell.cellType) \(status) in \(String(format: "%.3f", d)) s")
        }
    }

    private func draw(done: Int, total: Int) {
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let elapsed = ContinuousClock.now - started
        let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let label = description.isEmpty ? "Executing" : "Executing \(description)"
        let line = "\r\(label): \(String(repeating: "█", count: filled))\(String(repeating: " ", count: width - filled)) \(done)/\(total) cells [\(String(format: "%.1f", secs)) s]"
        Stderr.write(line)
    }

    private static func padded(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: "-", count: width - s.count)
    }
}
