import Crypto
import Foundation
import JupyterKernel
import NotebookExecution
import NotebookFormat
import NotebookStorage

/// Executes one claimed run from input notebook to sealed output notebook: the same steps as
/// `quire run` (read, inject, start a kernel, execute, write), with the input snapshotted beside
/// the output, secrets resolved from the worker's environment, and outputs written to the store.
/// It never throws: every ending becomes a `RunEnding` the worker records.
struct RunExecution: Sendable {
    let run: RunRecord
    let environment: WorkerEnvironment
    let control: RunControl
    let events: any RunEventSink
    let details: @Sendable (RunDetails) async -> Void

    func execute() async -> RunEnding {
        do {
            return try await attempt()
        } catch let failure as RunEnding {
            return failure
        } catch {
            return .failed(RunErrorSummary(ename: "QuireError", evalue: "\(error)", cell: nil), retryable: true)
        }
    }

    private func attempt() async throws -> RunEnding {
        let spec = RunSpec(run.spec)
        let input = try await readInput()
        let outputs = try await RunOutputs.create(in: environment.outputStore, prefix: environment.outputPrefix, run: run)
        await details(RunDetails(inputSHA256: input.sha256, inputSnapshot: outputs.snapshot.url, output: outputs.output.location.url))
        do { try await outputs.snapshot.write(input.bytes) } catch {
            throw RunEnding.infrastructure("StorageError", "could not snapshot the input notebook to \(outputs.snapshot.url): \(error)")
        }

        let secrets = try resolveSecrets(spec)
        var parameters = ParameterSet(run.parameters.objectValue ?? JSONObject())
        for (name, variable) in secrets.parameterVariables { parameters.setSecret(name, environmentVariable: variable) }
        var nb = input.notebook
        nb.upgradeToCurrentMinor(seed: input.sha256)
        let injected: ParameterizedNotebook
        do {
            injected = try ParameterInjector.parameterize(nb, with: parameters, options: InjectionOptions(
                inputPath: run.notebook, outputPath: outputs.output.location.url, version: QuireVersion.papermillCompatible,
                kernelName: run.kernel, language: nil, reportMode: false))
        } catch { throw RunEnding.badInput("ParameterError", error.description) }
        nb = injected.notebook
        let kernelSpec = try resolveKernel(nb)
        await details(RunDetails(kernelResolved: kernelSpec.name))
        nb.metadata["quire"] = .object(JSONObject([
            ("input_sha256", .string(input.sha256)), ("kernel_name", .string(kernelSpec.name)),
            ("run_id", .string(run.id.rawValue)), ("job", run.job.map(JSONValue.string) ?? .null),
            ("attempt", .int(run.attempt)), ("input_snapshot", .string(outputs.snapshot.url)),
        ]))

        let redactor = SecretRedactor(values: secrets.values)
        let output = outputs.output
        let saver = NotebookSaver(interval: environment.saveInterval) { nb in
            try await output.save(redactor.redact(nb).serialized())
        }
        let startedAt = UTCInstant.now()
        NotebookExecutor.begin(&nb, at: startedAt)
        await saver.offer(nb, important: true)

        var runEnv = spec.env
        for (k, v) in secrets.kernelEnv { runEnv[k] = v }
        let cwd = workingDirectory(spec)
        let client: KernelClient
        do {
            client = try await KernelProvider(environment: environment).kernel(
                for: kernelSpec, cwd: cwd, runEnvironment: runEnv, fullEnvironment: kernelEnvironment(spec: spec, secrets: secrets))
        } catch {
            let reason = "kernel '\(kernelSpec.name)' could not start: \(error)"
            NotebookExecutor.finish(&nb, startedAt: startedAt, outcome: .kernelFailedToStart(reason: reason))
            await saver.flush()
            try? await output.finish(redactor.redact(nb).serialized())
            throw RunEnding.infrastructure("KernelStartError", reason)
        }
        await events.publish(RunEvent(run: run.id.rawValue, kind: .status("running")))
        var options = ExecutionOptions(cellTimeout: nil, allowErrors: false)
        options.interruptGrace = environment.interruptGrace
        let observer = RunObserver(run: run.id.rawValue, saver: saver, events: events, redactor: redactor)
        let (final, outcome) = await NotebookExecutor(options: options).run(nb, on: client, control: control, observer: observer, startedAt: startedAt)
        await saver.flush()
        let written: (any Error)?
        do { try await output.finish(redactor.redact(final).serialized()); written = nil } catch { written = error }
        await environment.reaper.shutDown(client)
        if let written { throw RunEnding.infrastructure("StorageError", "could not write the output notebook: \(written)") }
        return RunEnding(outcome, final: final, redactor: redactor)
    }

    private func readInput() async throws -> InputNotebook {
        let location: StoreLocation
        do { location = try environment.resolver.location(run.notebook) } catch {
            throw RunEnding.badInput("NotebookNotFound", "\(run.notebook): \(error)")
        }
        let bytes: [UInt8]
        do { bytes = try await location.read() } catch {
            throw error.isInfrastructure ? RunEnding.infrastructure("StorageError", "\(error)") : RunEnding.badInput("NotebookNotFound", "\(error)")
        }
        do {
            let loaded = try Notebook.load(bytes, file: run.notebook)
            return InputNotebook(bytes: bytes, notebook: loaded.notebook, sha256: SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
        } catch {
            throw RunEnding.badInput("InvalidNotebook", "\(error)")
        }
    }

    private func resolveKernel(_ nb: Notebook) throws -> KernelSpec {
        let name: String
        do { name = try KernelIdentity.kernelName(of: nb, override: run.kernel) } catch {
            throw RunEnding.badInput("KernelNotFound", error.description)
        }
        do { return try environment.kernels.find(name).forBatchExecution } catch {
            let available = environment.kernels.findAll().map(\.name).sorted().joined(separator: ", ")
            throw RunEnding.badInput("KernelNotFound", "no kernel named '\(name)' on worker; available: \(available)")
        }
    }

    private func resolveSecrets(_ spec: RunSpec) throws -> ResolvedSecrets {
        var resolved = ResolvedSecrets()
        for (name, source) in spec.secrets.sorted(by: { $0.key < $1.key }) {
            guard let value = environment.processEnvironment[source] else {
                throw RunEnding.badInput("SecretNotSet", "secret parameter '\(name)': the worker's environment variable \(source) is not set")
            }
            let variable = "QUIRE_PARAM_SECRET_\(name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.map(String.init).joined())"
            resolved.parameterVariables.append((name, variable))
            resolved.kernelEnv[variable] = value
            resolved.sources.insert(source)
        }
        for (variable, source) in spec.secretEnv.sorted(by: { $0.key < $1.key }) {
            guard let value = environment.processEnvironment[source] else {
                throw RunEnding.badInput("SecretNotSet", "secret variable '\(variable)': the worker's environment variable \(source) is not set")
            }
            resolved.kernelEnv[variable] = value
            resolved.sources.insert(source)
        }
        return resolved
    }

    private func kernelEnvironment(spec: RunSpec, secrets: ResolvedSecrets) -> [String: String] {
        var env = environment.kernelEnvironment
        for source in secrets.sources { env[source] = nil }
        for (k, v) in spec.env { env[k] = v }
        for (k, v) in secrets.kernelEnv { env[k] = v }
        return env
    }

    private func workingDirectory(_ spec: RunSpec) -> String? {
        if let cwd = spec.cwd { return cwd }
        guard !StoreResolver.isURL(run.notebook) || run.notebook.hasPrefix("file://") else { return nil }
        let path = run.notebook.hasPrefix("file://") ? String(run.notebook.dropFirst(7)) : run.notebook
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? nil : folder
    }
}

struct InputNotebook: Sendable {
    var bytes: [UInt8]
    var notebook: Notebook
    var sha256: String
}

struct ResolvedSecrets: Sendable {
    var parameterVariables: [(String, String)] = []
    var kernelEnv: [String: String] = [:]
    var sources: Set<String> = []
    var values: [String] { Array(kernelEnv.values) }
}

/// What a run learned about itself while starting, recorded in the store as soon as known.
struct RunDetails: Sendable, Equatable {
    var kernelResolved: String? = nil
    var inputSHA256: String? = nil
    var inputSnapshot: String? = nil
    var output: String? = nil
}
