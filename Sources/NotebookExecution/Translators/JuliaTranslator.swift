/// Julia parameters: `name = value`, `nothing`, `[...]`, `Dict(k => v)`.
public struct JuliaTranslator: ParameterTranslator {
    public init() {}
    public var languageName: String { "Julia" }

    public func comment(_ text: String) -> String { trimmedComment("# \(text)") }
    public func environmentRead(_ environmentVariable: String) -> String {
        "ENV[\(string(environmentVariable))]"
    }

    public func null() -> String { "nothing" }
    public func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
    public func dict(_ entries: [(key: String, value: String)]) -> String {
        "Dict(" + entries.map { "\(string($0.key)) => \($0.value)" }.joined(separator: ", ") + ")"
    }
}
