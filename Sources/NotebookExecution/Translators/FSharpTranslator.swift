/// F# (.NET Interactive) parameters: `let name = value`, `[ a; b ]` lists and `Map.ofList` dicts
/// whose values are upcast to `IComparable`.
public struct FSharpTranslator: ParameterTranslator {
    public init() {}
    public var languageName: String { "F#" }

    public func comment(_ text: String) -> String { trimmedComment("(* \(text) *)") }
    public func environmentRead(_ environmentVariable: String) -> String {
        "System.Environment.GetEnvironmentVariable \(string(environmentVariable))"
    }
    public func assignment(name: String, value: String) -> String { "let \(name) = \(value)" }

    public func integer(_ text: String, fitsInt32: Bool) -> String { fitsInt32 ? text : text + "L" }
    public func list(_ items: [String]) -> String { "[ " + items.joined(separator: "; ") + " ]" }
    public func dict(_ entries: [(key: String, value: String)]) -> String {
        let tuples = entries.map { "(\(string($0.key)), \($0.value) :> IComparable)" }.joined(separator: "; ")
        return "[ \(tuples) ] |> Map.ofList"
    }
}
