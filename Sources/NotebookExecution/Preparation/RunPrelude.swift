import JupyterKernel

/// Code that prepares an already-started (pooled) kernel for one run: it moves the kernel to the
/// run's working directory and adds the run's environment variables, before any user code runs.
///
/// The code is sent as a silent request that stores no history, binds no name in the user's
/// namespace, and produces no output; it is never part of the notebook. The environment may hold
/// secrets (secret parameters are read from it), so nothing here puts a value into a message.
public enum RunPrelude {
    /// The prelude for a kernel of `language` (and `kernelName`), or nil when there is none: the
    /// language has no prelude (Python, bash and R do), or a variable cannot be set from code in it
    /// (an empty name, `=` or NUL in a name, NUL in a value; a bash name that is not an
    /// identifier). Then start a fresh kernel with `cwd` and `environment` in its `LaunchOptions`.
    /// The empty string means there is nothing to do.
    public static func code(language: String, kernelName: String, cwd: String?, environment: [String: String]) -> String? {
        guard let prelude = PreludeLanguage(language: language, kernelName: kernelName),
            firstProblem(in: environment, for: prelude) == nil,
            cwd.map({ !$0.unicodeScalars.contains("\0") }) ?? true
        else { return nil }
        return steps(prelude, cwd: cwd, environment: environment).map(\.code).joined(separator: "\n")
    }

    /// One request per concern, so a failure says which one failed, and an error from changing the
    /// directory (whose message may quote the code) cannot contain an environment value.
    enum Step {
        case changeDirectory(String)
        case setEnvironment([String])
    }

    static func steps(_ prelude: PreludeLanguage, cwd: String?, environment: [String: String])
        -> [(step: Step, code: String)]
    {
        var steps: [(step: Step, code: String)] = []
        if let cwd { steps.append((.changeDirectory(cwd), prelude.changeDirectory(cwd))) }
        if !environment.isEmpty {
            // Sorted: the same inputs always give the same code.
            let variables = environment.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
            steps.append((.setEnvironment(variables.map(\.name)), prelude.setEnvironment(variables)))
        }
        return steps
    }

    /// The first variable (by name) that cannot be set, with the reason.
    static func firstProblem(in environment: [String: String], for prelude: PreludeLanguage) -> (name: String, reason: String)? {
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
            if let reason = prelude.problem(name: name, value: value) { return (name, reason) }
        }
        return nil
    }
}
