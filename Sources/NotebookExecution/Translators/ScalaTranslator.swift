/// Scala (and Spark) parameters: `val name = value`, `Seq(...)`, `Map(k -> v)`, `L` on longs.
public struct ScalaTranslator: ParameterTranslator {
    public init() {}
    public var languageName: String { "Scala" }

    public func comment(_ text: String) -> String { trimmedComment("// \(text)") }
    public func environmentRead(_ environmentVariable: String) -> String {
        "sys.env(\(string(environmentVariable)))"
    }
    public func assignment(name: String, value: String) -> String { "val \(name) = \(value)" }

    public func integer(_ text: String, fitsInt32: Bool) -> String { fitsInt32 ? text : text + "L" }
    public func list(_ items: [String]) -> String { "Seq(" + items.joined(separator: ", ") + ")" }
    public func dict(_ entries: [(key: String, value: String)]) -> String {
        "Map(" + entries.map { "\(string($0.key)) -> \($0.value)" }.joined(separator: ", ") + ")"
    }
}
