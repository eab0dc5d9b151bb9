import Crypto
import Foundation
import JupyterKernel
import NotebookExecution
import NotebookFormat

/// One `quire run`: read, prepare, start the kernel, execute, write — and map every ending to an
/// exit code. Messages go to stderr; stdout carries only a notebook written to `-`.
struct RunSession {
    let input: String
    let output: String?
    let options: RunOptions

    func run() async -> Int32 {
        do {
            return try await execute()
        } catch let failure as RunFailure {
            Stderr.print("quire run: \(failure.message)")
            return failure.code
        } catch {
            Stderr.print("quire run: \(error)")
            return 3
        }
    }

    private func execute() async throws -> Int32 {
        guard let output else {
            throw RunFailure(2, "missing OUTPUT: name the output notebook, or `-` for standard output")
        }
        let log = RunLog(level: options.logLevel, quiet: output == "-")
        let source = try InputNotebook.read(input)
        var nb = source.notebook
        for w in source.warnings { log.warning("\(source.name): \(w)") }
        try OutputTarget.check(output)

        let runID = RunID.make()
        nb.upgradeToCurrentMinor(seed: source.sha256)
        let kernelName = options.kernel ?? nb.metadata["kernelspec"]?["name"]?.stringValue
        guard let kernelName else {
            throw RunFailure(2, "no kernel name in the notebook's metadata.kernelspec and no -k/--kernel given")
        }
        PapermillPreparation.prepare(&nb, input: input, output: output, reportMode: options.reportMode)
        log.info("Input Notebook:  \(input)")
        log.info("Output Notebook: \(output)")

        let target = OutputTarget(path: output)
        if options.prepareOnly {
            try target.writeFinal(nb)
            return 0
        }
        let spec = try KernelResolution.spec(named: kernelName)
        nb.metadata["quire"] = .object(JSONObject([
            ("input_sha256", .string(source.sha256)), ("kernel_name", .string(spec.name)),
            ("kernel_argv0", .string(spec.argv.first ?? "")), ("version", .string(QuireVersion.current)),
            ("run_id", .string(runID)),
        ]))
        let saver = NotebookSaver(interval: target.isStream || !options.requestSaveOnCellExecute ? nil : .seconds(options.saveInterval)) {
            try target.writeSnapshot($0)
        }
        let startedAt = UTCInstant.now()
        NotebookExecutor.begin(&nb, at: startedAt)
        await saver.offer(nb, important: true)

        log.info("Executing notebook with kernel: \(spec.name)")
        let launch = try KernelResolution.launchOptions(for: spec, cwd: options.cwd ?? source.folder, env: options.env,
                                                       startTimeout: options.startTimeout)
        let client: KernelClient
        do {
            client = try await KernelClient.start(KernelResolution.batchSpec(spec), options: launch)
        } catch {
            let reason = "kernel '\(spec.name)' could not start: \(error)"
            NotebookExecutor.finish(&nb, startedAt: startedAt, outcome: .kernelFailedToStart(reason: reason))
            await saver.offer(nb, important: true)
            throw RunFailure(3, reason)
        }
        let control = RunControl()
        let signals = SignalStop(control: control)
        SignalStop.setKernelGroup(await client.pid)
        let observer = CLIObserver(saver: saver, progress: ProgressReporter(options: options, log: log),
                                   streams: try StreamFiles(stdout: options.stdoutFile, stderr: options.stderrFile))
        var execution = ExecutionOptions(cellTimeout: options.executionTimeout.map { .milliseconds(Int($0 * 1000)) },
                                         allowErrors: options.allowErrors)
        execution.recordTiming = true
        let (final, outcome) = await NotebookExecutor(options: execution).run(nb, on: client, control: control, observer: observer, startedAt: startedAt)
        await client.shutdown()
        signals.cancel()
        await saver.flush()
        try target.writeFinal(final)
        if let error = await saver.firstError { throw RunFailure(3, "could not write \(output): \(error)") }
        log.report(outcome, notebook: final)
        return outcome.exitCode
    }
}

/// An error that ends `quire run` with a message and an exit code.
struct RunFailure: Error {
    let code: Int32
    let message: String
    init(_ code: Int32, _ message: String) {
        self.code = code
        self.message = message
    }
}

enum RunID {
    /// Sorts by time: UTC timestamp, then random bits against collisions.
    static func make() -> String {
        let now = UTCInstant.now()
        let stamp = now.isoformat.prefix(19).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        return "\(stamp)Z-\(CellID.random())"
    }
}
