/// Everything a run was given to build its parameters from, as typed on the command line.
///
/// The order inside each list matters (later wins); the order between the lists does not: papermill
/// always applies them as paths → `-b` → `-f` → `-y` → `-p` → `-r`, and Quire then applies `--secret`.
public struct ParameterSources: Sendable, Equatable {
    /// `--inject-input-path`: the input path as typed (before templating), as `PAPERMILL_INPUT_PATH`.
    public var injectedInputPath: String?
    /// `--inject-output-path`: the output path as typed, as `PAPERMILL_OUTPUT_PATH`.
    public var injectedOutputPath: String?
    /// `-b`: base64 of a YAML mapping.
    public var base64: [String]
    /// `-f`: locations of YAML or JSON files, read through the assembler's reader.
    public var files: [String]
    /// `-y`: inline YAML mappings.
    public var yaml: [String]
    /// `-p NAME VALUE`: values coerced as papermill does (`ValueCoercion`).
    public var values: [Pair]
    /// `-r NAME VALUE`: values kept as strings.
    public var raw: [Pair]
    /// `--secret NAME=ENVVAR` arguments.
    public var secrets: [String]

    public struct Pair: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(injectedInputPath: String? = nil, injectedOutputPath: String? = nil, base64: [String] = [],
                files: [String] = [], yaml: [String] = [], values: [Pair] = [], raw: [Pair] = [],
                secrets: [String] = []) {
        self.injectedInputPath = injectedInputPath
        self.injectedOutputPath = injectedOutputPath
        self.base64 = base64
        self.files = files
        self.yaml = yaml
        self.values = values
        self.raw = raw
        self.secrets = secrets
    }
}
