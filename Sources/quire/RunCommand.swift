import ArgumentParser
import Foundation
import JupyterKernel
import NotebookExecution
import NotebookFormat

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Execute a notebook on a Jupyter kernel and write the output notebook (papermill-compatible).",
        discussion: """
            Exit codes: 0 success (also sys.exit(0) in a cell), 1 a cell raised or timed out, 2 bad input \
            or usage, 3 the kernel could not start or died, 130/143 interrupted by SIGINT/SIGTERM. \
            Whenever execution started, the output notebook is written, with an error banner saying why \
            it stopped.
            """
    )

    @Argument(help: "The input notebook (`-` for standard input).")
    var input: String

    @Argument(help: "The output notebook (`-` for standard output). Required: Quire never writes to stdout silently.")
    var output: String?

    @OptionGroup var runOptions: RunOptions

    @OptionGroup var parameterOptions: ParameterOptions

    func run() async throws {
        let pairs = ParameterPairs.extracted
        let code = await RunSession(input: input, output: output, options: runOptions,
                                    parameters: parameterOptions.sources(values: pairs.values, raw: pairs.raw)).run()
        if code != 0 { throw ExitCode(code) }
    }
}

/// The papermill options of `quire run`, with the help text next to each.
struct RunOptions: ParsableArguments {
    @Option(name: [.customShort("k"), .customLong("kernel")], help: "Kernel name (default: the notebook's kernelspec).")
    var kernel: String?

    @Option(name: [.customShort("l"), .customLong("language")], help: "Language for parameter translation (default: the notebook's).")
    var language: String?

    @Option(help: "Working directory of the kernel (default: the input notebook's folder).")
    var cwd: String?

    @Option(name: [.customShort("e"), .customLong("env")], help: "NAME=VALUE added to the kernel's environment (repeatable).")
    var env: [String] = []

    @Flag(help: "Only inject parameters and write the output; do not execute.")
    var prepareOnly = false

    @Flag(inversion: .prefixedNo, help: "Show a progress bar on stderr (default: when stderr is a terminal).")
    var progressBar: Bool?

    @Flag(help: "Stream cell outputs to stderr as they arrive.")
    var logOutput = false

    @Option(help: "Append the kernel's stdout stream to this file as it arrives.")
    var stdoutFile: String?

    @Option(help: "Append the kernel's stderr stream to this file as it arrives.")
    var stderrFile: String?

    @Option(help: "Log level: DEBUG, INFO, WARNING, ERROR, CRITICAL.")
    var logLevel: String = "INFO"

    @Option(name: [.customLong("start-timeout"), .customLong("start_timeout")], help: "Seconds to wait for the kernel to start.")
    var startTimeout: Double = 60

    @Option(help: "Seconds a cell may run before it is interrupted (default: no limit).")
    var executionTimeout: Double?

    @Flag(help: "Hide code cell inputs in the output (metadata.jupyter.source_hidden).")
    var reportMode = false

    @Flag(inversion: .prefixedNo, help: "Keep the output file up to date while the notebook runs.")
    var requestSaveOnCellExecute = true

    @Option(help: "Accepted for papermill compatibility: Quire already saves at most once per --save-interval, long cells included.")
    var autosaveCellEvery: Int = 30

    @Option(help: "Seconds between saves of the output while the notebook runs.")
    var saveInterval: Double = 1

    @Flag(help: "Run every cell even after an error; every error is recorded and the run still exits 1.")
    var allowErrors = false
}
