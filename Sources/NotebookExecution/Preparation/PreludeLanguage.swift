/// The kernel languages a pooled kernel can be prepared in, with how each one spells "change
/// directory" and "set these variables" as code that binds no user-visible name.
enum PreludeLanguage {
    case python, bash, r

    /// The prelude language of a kernel, nil when it has none. Spark kernels (sparkmagic) are
    /// excluded although their language is Python or R: their code runs in a remote Livy session,
    /// where the run's local directory and environment mean nothing.
    init?(language: String, kernelName: String) {
        guard !["pysparkkernel", "sparkkernel", "sparkrkernel"].contains(kernelName) else { return nil }
        switch language.lowercased() {
        case "python": self = .python
        case "bash": self = .bash
        case "r": self = .r
        default: return nil
        }
    }

    var name: String {
        switch self {
        case .python: "Python"
        case .bash: "bash"
        case .r: "R"
        }
    }

    /// Why `name` cannot be set in this language, or nil if it can. Never looks at what the value
    /// says beyond NUL, and never repeats it: values may be secrets.
    func problem(name: String, value: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name.unicodeScalars.contains("=") { return "a name cannot contain '='" }
        if name.unicodeScalars.contains("\0") { return "the name contains a NUL byte" }
        if value.unicodeScalars.contains("\0") { return "its value contains a NUL byte" }
        if self == .bash, !SecretParameter.isIdentifier(name) {
            return "bash can only export names of letters, digits and _ that do not start with a digit"
        }
        return nil
    }

    /// Code changing the working directory to `path`.
    func changeDirectory(_ path: String) -> String {
        switch self {
        case .python:
            return "__import__(\"os\").chdir(\(PythonTranslator().string(path)))"
        case .bash:
            // CDPATH could send a relative path elsewhere; emptied for this one command only.
            return BashPrelude.quiet("CDPATH= cd -- \(PreludeQuoting.bashANSIC(path))")
        case .r:
            return "invisible(setwd(\(PreludeQuoting.rString(path))))"
        }
    }

    /// Code adding `variables` (in this order) to the kernel process's environment.
    func setEnvironment(_ variables: [(name: String, value: String)]) -> String {
        switch self {
        case .python:
            let python = PythonTranslator()
            let items = variables.map { "\(python.string($0.name)): \(python.string($0.value))" }
            return "__import__(\"os\").environ.update({\(items.joined(separator: ", "))})"
        case .bash:
            let items = variables.map { "\($0.name)=\(PreludeQuoting.bashANSIC($0.value))" }
            return BashPrelude.quiet("export \(items.joined(separator: " "))")
        case .r:
            let items = variables.map { "\(PreludeQuoting.rString($0.name)) = \(PreludeQuoting.rString($0.value))" }
            return "invisible(Sys.setenv(\(items.joined(separator: ", "))))"
        }
    }
}
