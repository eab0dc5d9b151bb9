/// Everything that can go wrong turning command-line parameters into an injected cell, and
/// preparing a pooled kernel with a run's directory and environment (`RunPrelude`).
///
/// Each case names the source or parameter at fault so the message alone tells the user what to fix.
/// The CLI prints `description` on stderr and exits with 2 (bad input).
public enum ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `-y`, `-f` or `-b` source is not valid YAML (or not UTF-8 text).
    case invalidYAML(source: String, detail: String)
    /// A YAML source whose top level is a scalar or a list instead of `NAME: VALUE` pairs.
    case notAMapping(source: String, found: String)
    /// YAML that parses but holds something a notebook parameter cannot carry (a set, binary, a date tag…).
    case unsupportedYAML(source: String, detail: String)
    /// A `-b` argument that does not decode as base64.
    case invalidBase64(source: String, detail: String)
    /// A `-f` file that could not be read.
    case unreadableFile(path: String, reason: String)
    /// The translator for the notebook's language cannot express this value (papermill raises too).
    case unsupportedValue(parameter: String, language: String, detail: String)
    /// No translator is registered for the kernel name nor for the language.
    case noTranslator(kernelName: String, language: String)
    /// The notebook has no `kernelspec.name` and no `-k` was given.
    case noKernelName
    /// The notebook has no `language_info.name` nor `kernelspec.language` and no `-l` was given.
    case noLanguage
    /// A `--secret` argument that is not `NAME=ENVVAR` with a usable variable name.
    case invalidSecret(argument: String, reason: String)
    /// A `--secret` whose environment variable is not set, so the kernel could not read it.
    case secretNotSet(parameter: String, variable: String)
    /// A run environment variable that cannot be set in the kernel (the value is never shown).
    case invalidEnvironment(variable: String, reason: String)
    /// The kernel has no `RunPrelude` (see `RunPrelude.code`): start a fresh kernel with the run's
    /// directory and environment in its launch options instead.
    case preludeUnsupported(kernelName: String, language: String)
    /// The run prelude could not move the kernel to the run's working directory.
    case workingDirectoryFailed(path: String, kernelName: String, reason: String)
    /// The run prelude could not set the run's environment variables (named; values never shown).
    case environmentFailed(variables: [String], kernelName: String, reason: String)

    /// A `{name}` path template that cannot be filled (papermill's `str.format` rules).
    case invalidPathTemplate(template: String, reason: String)

    public var description: String {
        switch self {
        case .invalidYAML(let source, let detail):
            "invalid YAML in \(source): \(detail)"
        case .notAMapping(let source, let found):
            "\(source): parameters must be a YAML mapping of NAME: VALUE, found \(found)"
        case .unsupportedYAML(let source, let detail):
            "\(source): unsupported YAML: \(detail)"
        case .invalidBase64(let source, let detail):
            "\(source): not valid base64: \(detail)"
        case .unreadableFile(let path, let reason):
            "-f \(path): cannot read parameters file: \(reason)"
        case .unsupportedValue(let parameter, let language, let detail):
            "parameter '\(parameter)': the \(language) translator cannot express \(detail)"
        case .noTranslator(let kernelName, let language):
            "No parameter translator functions specified for kernel '\(kernelName)' or language '\(language)'"
        case .noKernelName:
            "No kernel name found in notebook and no override provided."
        case .noLanguage:
            "No language found in notebook and no override provided."
        case .invalidSecret(let argument, let reason):
            "--secret \(argument): \(reason)"
        case .invalidPathTemplate(let template, let reason):
            "path template \(template): \(reason)"
        case .secretNotSet(let parameter, let variable):
            "--secret \(parameter)=\(variable): the environment variable \(variable) is not set"
        case .invalidEnvironment(let variable, let reason):
            "environment variable '\(variable)' cannot be set in the kernel: \(reason)"
        case .preludeUnsupported(let kernelName, let language):
            "kernel '\(kernelName)' (language '\(language)') cannot be prepared for a run by code; "
                + "start a fresh kernel with the run's working directory and environment instead"
        case .workingDirectoryFailed(let path, let kernelName, let reason):
            "kernel '\(kernelName)' could not change its working directory to \(path.debugDescription): \(reason)"
        case .environmentFailed(let variables, let kernelName, let reason):
            "kernel '\(kernelName)' could not set the environment variables \(variables.joined(separator: ", ")): \(reason)"
        }
    }
}
