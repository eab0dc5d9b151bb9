import NotebookFormat

/// The parameters of one run, in papermill's order: the position of a name is where it was first set.
///
/// A secret parameter is a name whose value stays in the kernel's environment: the set holds only
/// the placeholder `"<secret:ENVVAR>"` (which is what `metadata.papermill.parameters` records), and
/// translators render code that reads the variable instead of a literal.
public struct ParameterSet: Sendable, Equatable {
    /// Name → value, in first-insertion order. Secrets appear as their placeholder string.
    public private(set) var values = JSONObject()
    /// Name → environment variable, for the names that are secrets.
    public private(set) var secrets: [String: String] = [:]

    public init() {}

    /// Parameters from an already parsed object (an API request, a stored job), none secret.
    public init(_ values: JSONObject) { self.values = values }

    public var isEmpty: Bool { values.isEmpty }
    public var names: [String] { values.keys }

    /// Sets a plain value; an existing name keeps its position and stops being secret.
    public mutating func set(_ name: String, _ value: JSONValue) {
        values[name] = value
        secrets[name] = nil
    }

    /// Makes `name` read `environmentVariable` from the kernel's environment.
    public mutating func setSecret(_ name: String, environmentVariable: String) {
        values[name] = .string(Self.placeholder(environmentVariable))
        secrets[name] = environmentVariable
    }

    /// Every member of a YAML mapping, in its order, each overwriting in place.
    mutating func merge(_ object: JSONObject) {
        for (name, value) in object { set(name, value) }
    }

    /// What a secret looks like in the notebook's metadata: the variable's name, never its value.
    public static func placeholder(_ environmentVariable: String) -> String {
        "<secret:\(environmentVariable)>"
    }

    /// One entry as a translator sees it.
    public enum Binding: Sendable, Equatable {
        case value(JSONValue)
        case environment(String)
    }

    /// The entries in order, with secrets as `.environment`.
    public var bindings: [(name: String, binding: Binding)] {
        values.map { member in
            if let variable = secrets[member.key] { (member.key, .environment(variable)) } else { (member.key, .value(member.value)) }
        }
    }

    /// The object written to `metadata.papermill.parameters`.
    public var metadataValue: JSONObject { values }
}
