import JupyterKernel

extension RunPrelude {
    /// Prepares `client` for a run: changes its working directory to `cwd`, then sets
    /// `environment`, each as a silent request that stores no history (so the execution count of
    /// the first user cell is still 1). Does nothing for a nil `cwd` and an empty environment.
    ///
    /// Throws `ParameterError.preludeUnsupported` when `RunPrelude.code` has no code for this
    /// kernel, `.invalidEnvironment` for a variable that cannot be set (checked before anything
    /// runs), and `.workingDirectoryFailed` / `.environmentFailed` when the kernel reported an
    /// error or died. No message contains the prelude's code or an environment value.
    public static func apply(
        on client: KernelClient, language: String, cwd: String?, environment: [String: String],
        timeout: Duration = .seconds(60)
    ) async throws(ParameterError) {
        let kernelName = await client.spec.name
        guard let prelude = PreludeLanguage(language: language, kernelName: kernelName) else {
            throw .preludeUnsupported(kernelName: kernelName, language: language)
        }
        if let cwd, cwd.unicodeScalars.contains("\0") {
            throw .workingDirectoryFailed(path: cwd, kernelName: kernelName, reason: "the path contains a NUL byte")
        }
        if let problem = firstProblem(in: environment, for: prelude) {
            throw .invalidEnvironment(variable: problem.name, reason: problem.reason)
        }
        for (step, code) in steps(prelude, cwd: cwd, environment: environment) {
            switch step {
            case .changeDirectory(let path):
                // This step's code holds only the path, so the kernel's message may be shown.
                if let reason = await failure(of: code, on: client, prelude, showingDetail: true, timeout: timeout) {
                    throw .workingDirectoryFailed(path: path, kernelName: kernelName, reason: reason)
                }
            case .setEnvironment(let names):
                if let reason = await failure(of: code, on: client, prelude, showingDetail: false, timeout: timeout) {
                    throw .environmentFailed(variables: names, kernelName: kernelName, reason: reason)
                }
            }
        }
    }

    /// Runs one step; nil on success, else why it failed. Without `showingDetail` only the error's
    /// type is kept: a Python or R error message may quote the failing line, values and all.
    private static func failure(
        of code: String, on client: KernelClient, _ prelude: PreludeLanguage, showingDetail: Bool, timeout: Duration
    ) async -> String? {
        let options = ExecuteOptions(silent: true, storeHistory: false, stopOnError: false, timeout: timeout)
        let result: ExecutionResult
        do {
            result = try await client.run(code, options: options)
        } catch let error as KernelError {
            return describe(error)
        } catch {
            return "\(error)"
        }
        let content = result.reply.content
        switch result.status {
        case "ok":
            return nil
        case "error":
            let ename = content["ename"]?.stringValue ?? ""
            let evalue = content["evalue"]?.stringValue ?? ""
            // bash_kernel reports a failed command as an empty ename and its exit status.
            if prelude == .bash, !evalue.isEmpty, evalue.allSatisfy(\.isNumber) { return "exit status \(evalue)" }
            let kind = ename.isEmpty ? "an error" : ename
            return showingDetail && !evalue.isEmpty ? "\(kind): \(evalue)" : "the kernel raised \(kind)"
        default:
            return "the kernel answered '\(result.status)'"
        }
    }

    /// A kernel failure without the kernel's stderr, which is not ours to repeat here.
    private static func describe(_ error: KernelError) -> String {
        switch error {
        case .kernelDied(let status, _): "the kernel died (\(status))"
        default: error.description
        }
    }
}
