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
    let parameters: PendingParameters

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
        if parameters.helpNotebook { return try await helpNotebook() }
        guard let outputTemplate = output else {
            throw RunFailure(2, "missing OUTPUT: name the output notebook, or `-` for standard output")
        }
        let log = RunLog(level: options.logLevel, quiet: outputTemplate == "-")
        let source = try await InputNotebook.read(input)
        var nb = source.notebook
        for w in source.warnings { log.warning("\(source.name): \(w)") }

        let assembled: (parameters: ParameterSet, warnings: [String])
        do {
            assembled = try ParameterAssembler().assemble(parameters.resolved(input: input, output: outputTemplate))
        } catch { throw RunFailure(2, error.description) }
        for w in assembled.warnings { log.warning(w) }
        let template = PathTemplate(parameters: assembled.parameters.metadataValue, secretNames: Set(assembled.parameters.secrets.keys),
                                    runUUID: UUID().uuidString.lowercased(), now: Date())
        let output: String, inputPath: String
        do {
            output = try template.render(outputTemplate)
            inputPath = input == "-" ? input : try template.render(input)
        } catch { throw RunFailure(2, error.description) }
        try OutputTarget.check(output)

        let runID = RunID.make()
        nb.upgradeToCurrentMinor(seed: source.sha256)
        let injection: ParameterizedNotebook
        do {
            injection = try ParameterInjector.parameterize(nb, with: assembled.parameters, options: InjectionOptions(
                inputPath: inputPath, outputPath: output, version: QuireVersion.papermillCompatible,
                kernelName: options.kernel, language: options.language, reportMode: options.reportMode))
        } catch { throw RunFailure(2, error.description) }
        nb = injection.notebook
        for w in injection.warnings { log.warning(w) }
        let kernelName: String
        do { kernelName = try KernelIdentity.kernelName(of: nb, override: options.kernel) } catch {
            throw RunFailure(2, error.description)
        }
        log.info("Input Notebook:  \(inputPath)")
        log.info("Output Notebook: \(output)")

        let target = OutputTarget(path: output)
        if options.prepareOnly {
            try await target.writeFinal(nb)
            return 0
        }
        let spec = try KernelResolution.spec(named: kernelName)
        nb.metadata["quire"] = .object(JSONObject([
            ("input_sha256", .string(source.sha256)), ("kernel_name", .string(spec.name)),
            ("kernel_argv0", .string(spec.argv.first ?? "")), ("version", .string(QuireVersion.current)),
            ("run_id", .string(runID)),
        ]))
        let saver = NotebookSaver(interval: target.isStream || !options.requestSaveOnCellExecute ? nil : .seconds(options.saveInterval)) {
            try await target.writeSnapshot($0)
        }
        let startedAt = UTCInstant.now()
        NotebookExecutor.begin(&nb, at: startedAt)
        await saver.offer(nb, important: true)
        // The first write proves the destination before a kernel is started for nothing.
        if let error = await saver.firstError {
            throw RunFailure(NotebookInput.exitCode(for: error), "cannot write \(output): \(error)")
        }

        log.info("Executing notebook with kernel: \(spec.name)")
        let launch = try KernelResolution.launchOptions(for: spec, cwd: options.cwd ?? source.folder, env: options.env,
                                                       startTimeout: options.startTimeout)
        let client: KernelClient
        do {
            client = try await KernelClient.start(spec.forBatchExecution, options: launch)
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
        // The record is complete before the kernel's graceful exit (100-300 ms for ipykernel), so
        // whoever watches the output sees the finished notebook as early as possible.
        await saver.flush()
        let written: RunFailure?
        do { try await target.writeFinal(final); written = nil } catch { written = error }
        await client.shutdown()
        signals.cancel()
        if let written { throw written }
        if let error = await saver.firstError { Stderr.print("quire run: warning: an intermediate save of \(output) failed: \(error)") }
        log.report(outcome, notebook: final)
        return outcome.exitCode
    }
}

extension RunSession {
    /// `--help-notebook`: papermill's usage line and the notebook's inferred parameters.
    func helpNotebook() async throws(RunFailure) -> Int32 {
        let nb = try await InputNotebook.read(input).notebook
        let inspection: ParameterInspection?
        do { inspection = try ParameterInspector.inspect(nb, kernelName: options.kernel, language: options.language) } catch {
            throw RunFailure(2, error.description)
        }
        for warning in inspection?.warnings ?? [] { Stderr.print(warning) }
        let usage = "Usage: quire run [OPTIONS] INPUT OUTPUT [-p NAME VALUE]...\n"
        FileHandle.standardOutput.write(Data((usage + ParameterInspection.helpText(notebookPath: input, inspection: inspection)).utf8))
        return 0
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
