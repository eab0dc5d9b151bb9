/// Everything that can go wrong defining, configuring and running scheduled notebooks.
///
/// Cases carry what a user needs to fix the input without reading the source: the JSON/YAML path
/// of a bad field (`jobs[2].retries.max_attempts`), the file and line of bad YAML, the cron field
/// and token at fault. The REST API returns `description` with a 400; the CLI prints it and exits 2.
public enum SchedulingError: Error, Sendable, Equatable, CustomStringConvertible {
    // MARK: Cron expressions

    /// A cron expression that does not parse; `field` is nil for whole-expression problems
    /// (field count, unknown macro).
    case invalidCron(expression: String, field: String?, detail: String)

    // MARK: Job definitions and configuration values

    /// A value of the wrong type or out of range at `path`; `found` is the value as written.
    case invalidValue(path: String, expected: String, found: String)
    /// A key the object at `path` does not have; `suggestion` is a close known key.
    case unknownKey(path: String, key: String, suggestion: String?)
    /// A required key absent from the object at `path`.
    case missingKey(path: String, key: String)
    /// A time zone name that is not in the IANA database known to this system.
    case unknownTimeZone(path: String, name: String, suggestion: String?)
    /// An error inside the value at `path`, such as a bad cron expression in `jobs[0].schedule`.
    indirect case inField(path: String, error: SchedulingError)
    /// Two jobs with one name; both positions are named so either can be renamed.
    case duplicateJobName(name: String, first: String, second: String)
    /// Two tokens with one value (they would authenticate as one user, chosen by position).
    case duplicateToken(first: String, second: String)
    /// A `token_env` or `secrets` variable that the server process does not have.
    case environmentVariableNotSet(path: String, variable: String)

    /// A field whose value is well-formed but not allowed here (overriding a secret parameter).
    case fieldRejected(path: String, reason: String)

    // MARK: Configuration files and the environment

    /// The configuration file is not valid YAML; `detail` names the line and column.
    case invalidYAML(file: String, detail: String)
    /// The configuration file could not be read.
    case unreadableConfig(file: String, reason: String)
    /// A problem inside a configuration file: the file name prefixes the inner error.
    indirect case inFile(file: String, error: SchedulingError)
    /// A `QUIRE_*` environment variable with a value the server cannot use.
    case invalidEnvironment(variable: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .invalidCron(let expression, let field, let detail):
            "cron \"\(expression)\": " + (field.map { "\($0) field: " } ?? "") + detail
        case .invalidValue(let path, let expected, let found):
            "\(Self.shown(path)): expected \(expected), found \(found)"
        case .unknownKey(let path, let key, let suggestion):
            "\(Self.shown(path)): unknown key \"\(key)\"" + Self.didYouMean(suggestion)
        case .missingKey(let path, let key):
            "\(Self.shown(path)): missing required key \"\(key)\""
        case .unknownTimeZone(let path, let name, let suggestion):
            "\(Self.shown(path)): unknown time zone \"\(name)\"" + Self.didYouMean(suggestion)
        case .inField(let path, let error):
            "\(Self.shown(path)): \(error)"
        case .duplicateJobName(let name, let first, let second):
            "\(second): duplicate job name \"\(name)\" (already used by \(first))"
        case .duplicateToken(let first, let second):
            "\(second): the same token as \(first)"
        case .environmentVariableNotSet(let path, let variable):
            "\(Self.shown(path)): the environment variable \(variable) is not set in the server's environment"
        case .fieldRejected(let path, let reason):
            "\(Self.shown(path)): \(reason)"
        case .invalidYAML(let file, let detail):
            "\(file): invalid YAML: \(detail)"
        case .unreadableConfig(let file, let reason):
            "\(file): cannot read the configuration file: \(reason)"
        case .inFile(let file, let error):
            "\(file): \(error)"
        case .invalidEnvironment(let variable, let value, let expected):
            "\(variable)=\"\(value)\": expected \(expected)"
        }
    }

    /// The top of a document has no key path; say so rather than printing an empty prefix.
    private static func shown(_ path: String) -> String { path.isEmpty ? "(top level)" : path }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
