/// C# (.NET Interactive) parameters: `var name = value;`, `L` on longs, arrays and
/// `Dictionary<string,Object>`. There is no literal for null: papermill raises, so does Quire.
public struct CSharpTranslator: ParameterTranslator {
    public init() {}
    public var languageName: String { "C#" }

    public func comment(_ text: String) -> String { trimmedComment("// \(text)") }
    public func environmentRead(_ environmentVariable: String) -> String {
        "Environment.GetEnvironmentVariable(\(string(environmentVariable)))"
    }
    public func assignment(name: String, value: String) -> String { "var \(name) = \(value);" }

    public func null() throws(UnsupportedLiteral) -> String {
        throw UnsupportedLiteral("null/None (papermill: \"Option type not implemented for C#.\")")
    }
    public func integer(_ text: String, fitsInt32: Bool) -> String { fitsInt32 ? text : text + "L" }
    public func list(_ items: [String]) -> String { "new [] { " + items.joined(separator: ", ") + " }" }
    public func dict(_ entries: [(key: String, value: String)]) -> String {
        let pairs = entries.map { "{ \(string($0.key)) , \($0.value) }" }.joined(separator: ", ")
        return "new Dictionary<string,Object>{ \(pairs) }"
    }
}
