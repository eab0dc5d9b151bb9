/// Bash parameters: `name=value` with `shlex.quote` quoting (no escaping of non-ASCII; newlines
/// stay literal), arrays as `(a b)`, null as nothing. Bash has no dict literal: papermill raises,
/// so does Quire.
public struct BashTranslator: ParameterTranslator {
    public init() {}
    public var languageName: String { "bash" }

    public func comment(_ text: String) -> String { trimmedComment("# \(text)") }
    /// Double quotes keep the value one word whatever it contains.
    public func environmentRead(_ environmentVariable: String) -> String { "\"$\(environmentVariable)\"" }
    public func assignment(name: String, value: String) -> String { "\(name)=\(value)" }

    public func string(_ value: String) -> String { PythonText.shellQuote(value) }
    public func null() -> String { "" }
    public func list(_ items: [String]) -> String { "(" + items.joined(separator: " ") + ")" }
    public func dict(_ entries: [(key: String, value: String)]) throws(UnsupportedLiteral) -> String {
        throw UnsupportedLiteral("a dict (papermill: \"dict type translation not implemented\" for bash)")
    }
}
