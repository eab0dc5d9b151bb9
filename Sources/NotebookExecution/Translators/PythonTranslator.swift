/// Python (and PySpark) parameters: `name = value` with Python literals; non-finite floats as
/// `float('nan')`; secrets through `os.environ`.
///
/// papermill passes this cell through `black` when it happens to be importable; Quire never does,
/// so the cell is the same on every machine (papermill's output without black).
public struct PythonTranslator: ParameterTranslator {
    public init() {}
    public var languageName: String { "Python" }

    public func comment(_ text: String) -> String { trimmedComment("# \(text)") }
    public func environmentRead(_ environmentVariable: String) -> String {
        "os.environ[\(string(environmentVariable))]"
    }

    public func null() -> String { "None" }
    public func bool(_ value: Bool) -> String { value ? "True" : "False" }
    public func float(_ value: Double) -> String {
        if value.isNaN { return "float('nan')" }
        if value.isInfinite { return value < 0 ? "float('-inf')" : "float('inf')" }
        return PythonText.float(value)
    }
    public func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
    public func dict(_ entries: [(key: String, value: String)]) -> String {
        "{" + entries.map { "\(string($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
    }

    /// Secrets need `os`: one `import os` after the comment line. If a parameter is itself named
    /// `os`, the import would be shadowed, so the secrets use `__import__("os")` instead.
    public func codify(_ parameters: ParameterSet, comment text: String) throws(ParameterError) -> String {
        guard !parameters.secrets.isEmpty else { return try standardCodify(parameters, comment: text) }
        if parameters.values["os"] != nil {
            return try standardCodify(parameters, comment: text) { "__import__(\"os\").environ[\(string($0))]" }
        }
        let body = try standardCodify(parameters, comment: text)
        let firstLineEnd = body.firstIndex(of: "\n")!
        return body[...firstLineEnd] + "import os\n" + body[body.index(after: firstLineEnd)...]
    }

    public func inspect(parametersSource: String) -> ParameterInspection? {
        PythonParameterParser.parse(parametersSource)
    }
}

/// papermill strips each comment line (`f'# {text}'.strip()`), which matters only for an empty text.
func trimmedComment(_ line: String) -> String {
    var s = Substring(line)
    while let c = s.first, c.isWhitespace { s.removeFirst() }
    while let c = s.last, c.isWhitespace { s.removeLast() }
    return String(s)
}
