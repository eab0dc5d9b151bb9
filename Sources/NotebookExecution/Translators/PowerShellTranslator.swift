/// PowerShell (.NET Interactive) parameters: `$name = value`, `` `" `` inside strings, `$True`,
/// `$Null`, `@(...)` arrays and `@{...}` hashtables with one entry per line.
public struct PowerShellTranslator: ParameterTranslator {
    public init() {}
    public var languageName: String { "PowerShell" }

    public func comment(_ text: String) -> String { trimmedComment("# \(text)") }
    public func environmentRead(_ environmentVariable: String) -> String { "$env:\(environmentVariable)" }
    public func assignment(name: String, value: String) -> String { "$\(name) = \(value)" }

    public func string(_ value: String) -> String {
        "\"" + PythonText.unicodeEscape(value).replacing(scalar: "\"", with: "`\"") + "\""
    }
    public func null() -> String { "$Null" }
    public func bool(_ value: Bool) -> String { value ? "$True" : "$False" }
    public func float(_ value: Double) -> String {
        if value.isNaN { return "[double]::NaN" }
        if value.isInfinite { return value < 0 ? "[double]::NegativeInfinity" : "[double]::PositiveInfinity" }
        return PythonText.float(value)
    }
    public func list(_ items: [String]) -> String { "@(" + items.joined(separator: ", ") + ")" }
    public func dict(_ entries: [(key: String, value: String)]) -> String {
        "@{" + entries.map { "\(string($0.key)) = \($0.value)" }.joined(separator: "\n ") + "}"
    }
}
