import ArgumentParser
import NotebookExecution

/// papermill's parameter options of `quire run`. `-p` and `-r` take two values each (NAME VALUE),
/// which swift-argument-parser cannot express, and a value may start with `-` (`-p k -inf`);
/// `ParameterPairs` takes them out of the command line before parsing. They are declared here too
/// so that `--help` documents them.
struct ParameterOptions: ParsableArguments {
    @Option(name: [.customShort("p"), .customLong("parameters")],
            help: ArgumentHelp("A parameter, typed like papermill: True/False/None, int, float, else string (repeatable).", valueName: "NAME VALUE"))
    var parametersHelp: [String] = []

    @Option(name: [.customShort("r"), .customLong("parameters_raw")],
            help: ArgumentHelp("A parameter kept as a string (repeatable).", valueName: "NAME VALUE"))
    var parametersRawHelp: [String] = []

    @Option(name: [.customShort("f"), .customLong("parameters_file")], parsing: .unconditionalSingleValue,
            help: "A YAML or JSON file of parameters (repeatable).")
    var parametersFile: [String] = []

    @Option(name: [.customShort("y"), .customLong("parameters_yaml")], parsing: .unconditionalSingleValue,
            help: "Parameters as an inline YAML mapping (repeatable).")
    var parametersYAML: [String] = []

    @Option(name: [.customShort("b"), .customLong("parameters_base64")], parsing: .unconditionalSingleValue,
            help: "Parameters as base64 of a YAML mapping (repeatable).")
    var parametersBase64: [String] = []

    @Option(name: .customLong("secret"), help: "NAME=ENVVAR: the kernel reads parameter NAME from its environment; the value is never written anywhere (repeatable).")
    var secrets: [String] = []

    @Flag(help: "Add parameter PAPERMILL_INPUT_PATH (the input path as typed).")
    var injectInputPath = false

    @Flag(help: "Add parameter PAPERMILL_OUTPUT_PATH (the output path as typed).")
    var injectOutputPath = false

    @Flag(help: "Both --inject-input-path and --inject-output-path.")
    var injectPaths = false

    @Flag(help: "Print the parameters the notebook declares and exit (OUTPUT not needed).")
    var helpNotebook = false

    func sources(values: [ParameterSources.Pair], raw: [ParameterSources.Pair]) -> PendingParameters {
        PendingParameters(base64: parametersBase64, files: parametersFile, yaml: parametersYAML, values: values, raw: raw,
                          secrets: secrets, injectInput: injectInputPath || injectPaths,
                          injectOutput: injectOutputPath || injectPaths, helpNotebook: helpNotebook)
    }
}

/// Parameter sources of a run before the input and output paths are known.
struct PendingParameters: Sendable {
    var base64: [String] = []
    var files: [String] = []
    var yaml: [String] = []
    var values: [ParameterSources.Pair] = []
    var raw: [ParameterSources.Pair] = []
    var secrets: [String] = []
    var injectInput = false
    var injectOutput = false
    var helpNotebook = false

    func resolved(input: String, output: String) -> ParameterSources {
        ParameterSources(injectedInputPath: injectInput ? input : nil, injectedOutputPath: injectOutput ? output : nil,
                         base64: base64, files: files, yaml: yaml, values: values, raw: raw, secrets: secrets)
    }
}

/// The `-p`/`-r` NAME VALUE triples, taken out of the command line before argument parsing.
enum ParameterPairs {
    nonisolated(unsafe) static var extracted: (values: [ParameterSources.Pair], raw: [ParameterSources.Pair]) = ([], [])

    /// Returns the arguments without the pairs, or throws a usage message for a pair cut short.
    static func extract(from arguments: [String]) throws(RunFailure) -> [String] {
        // Subcommands that take -p/-r pairs: `run`, `submit`, `runs rerun`, `jobs trigger`.
        let takesPairs = ["run", "submit"].contains(arguments.first ?? "")
            || (arguments.count > 1 && (arguments[0], arguments[1]) == ("runs", "rerun"))
            || (arguments.count > 1 && (arguments[0], arguments[1]) == ("jobs", "trigger"))
        guard takesPairs else { return arguments }
        var rest: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            let kind: Int? = ["-p", "--parameters"].contains(a) ? 0 : ["-r", "--parameters_raw"].contains(a) ? 1 : nil
            guard let kind else {
                rest.append(a)
                if a == "--" { rest += arguments[(i + 1)...]; break }
                i += 1
                continue
            }
            guard i + 2 < arguments.count else {
                throw RunFailure(2, "option \(a) needs two values: NAME VALUE")
            }
            let pair = ParameterSources.Pair(arguments[i + 1], arguments[i + 2])
            if kind == 0 { extracted.values.append(pair) } else { extracted.raw.append(pair) }
            i += 3
        }
        return rest
    }
}
