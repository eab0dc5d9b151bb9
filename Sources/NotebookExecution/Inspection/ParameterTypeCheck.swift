import Foundation
import NotebookFormat

/// Checks a submitted parameter value against the type a notebook declares for it (its annotation,
/// or the type of its default literal), so that a run with `alpha="high"` for `alpha: float = 0.5`
/// is refused at submission with a precise message instead of failing minutes later in a cell.
/// Types Quire cannot read (custom classes, unions other than Optional) accept any value.
public enum ParameterTypeCheck {
    /// nil when `value` fits `typeName`; otherwise what was expected.
    public static func mismatch(_ value: JSONValue, typeName: String) -> String? {
        let t = typeName.replacingOccurrences(of: " ", with: "")
        if let inner = optionalInner(t) {
            return value.isNull ? nil : mismatch(value, typeName: inner)
        }
        let base = t.split(separator: "[").first.map(String.init)?.lowercased() ?? t.lowercased()
        switch base {
        case "int":
            if case .int = value { return nil }
            return "an integer"
        case "float":
            switch value { case .int, .double: return nil; default: return "a number" }
        case "bool":
            return value.boolValue != nil ? nil : "true or false"
        case "str":
            return value.stringValue != nil ? nil : "a string"
        case "list", "tuple", "typing.list":
            return value.arrayValue != nil ? nil : "a list"
        case "dict", "typing.dict", "mapping":
            return value.objectValue != nil ? nil : "an object"
        case "nonetype", "none":
            return value.isNull ? nil : "null"
        default:
            return nil
        }
    }

    private static func optionalInner(_ t: String) -> String? {
        for prefix in ["Optional[", "typing.Optional["] where t.hasPrefix(prefix) && t.hasSuffix("]") {
            return String(t.dropFirst(prefix.count).dropLast())
        }
        let parts = t.split(separator: "|").map(String.init)
        if parts.count == 2, let other = parts.first(where: { $0 != "None" }), parts.contains("None") { return other }
        return nil
    }
}
