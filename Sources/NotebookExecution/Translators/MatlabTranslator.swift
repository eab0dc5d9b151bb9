/// MATLAB parameters: `name = value;`, strings with `"` doubled, `NaN` for null, cell arrays for
/// lists and `containers.Map` (keys as char arrays) for dicts.
public struct MatlabTranslator: ParameterTranslator {
    public init() {}
    public var languageName: String { "MATLAB" }

    public func comment(_ text: String) -> String { trimmedComment("% \(text)") }
    public func environmentRead(_ environmentVariable: String) -> String {
        "getenv(\(charArray(environmentVariable)))"
    }
    /// papermill's MATLAB `codify` appends the `;` after each assignment.
    public func assignment(name: String, value: String) -> String { "\(name) = \(value);" }

    public func string(_ value: String) -> String {
        "\"" + PythonText.unicodeEscape(value).replacing(scalar: "\"", with: "\"\"") + "\""
    }
    public func null() -> String { "NaN" }
    public func list(_ items: [String]) -> String { "{" + items.joined(separator: ", ") + "}" }
    public func dict(_ entries: [(key: String, value: String)]) -> String {
        let keys = entries.map { charArray($0.key) }.joined(separator: ", ")
        let values = entries.map(\.value).joined(separator: ", ")
        return "containers.Map({\(keys)}, {\(values)})"
    }

    private func charArray(_ value: String) -> String {
        "'" + PythonText.unicodeEscape(value).replacing(scalar: "'", with: "''") + "'"
    }
}
