/// R (and SparkR) parameters: `name = value`, `TRUE`/`FALSE`/`NULL`, `list(...)` for lists and
/// named lists for dicts. Leading underscores are dropped from names, as R forbids them.
public struct RTranslator: ParameterTranslator {
    public init() {}
    public var languageName: String { "R" }

    public func comment(_ text: String) -> String { trimmedComment("# \(text)") }
    public func environmentRead(_ environmentVariable: String) -> String {
        "Sys.getenv(\(string(environmentVariable)))"
    }
    public func assignment(name: String, value: String) -> String {
        "\(name.drop { $0 == "_" }) = \(value)"
    }

    public func null() -> String { "NULL" }
    public func bool(_ value: Bool) -> String { value ? "TRUE" : "FALSE" }
    public func list(_ items: [String]) -> String { "list(" + items.joined(separator: ", ") + ")" }
    public func dict(_ entries: [(key: String, value: String)]) -> String {
        "list(" + entries.map { "\(string($0.key)) = \($0.value)" }.joined(separator: ", ") + ")"
    }
}
