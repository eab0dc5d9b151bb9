import NotebookFormat

/// papermill's `_resolve_type` for `-p NAME VALUE`: the first reading that works wins.
public enum ValueCoercion {
    /// `True`/`False`/`None` exactly, then whatever Python's `int()` accepts, then `float()`, else the
    /// string unchanged. So `true`, `0x10` and `[1,2]` stay strings, while `" 7"`, `01` and `1_000` are ints.
    public static func coerce(_ text: String) -> JSONValue {
        switch text {
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "None": return .null
        default: break
        }
        if let int = PythonNumberSyntax.int(text) { return int }
        if let float = PythonNumberSyntax.float(text) { return .double(float) }
        return .string(text)
    }
}
