import NotebookFormat
import Yams

extension YAMLLoader {
    /// A mapping as PyYAML's `construct_mapping` builds a dict: merged pairs (`<<: *anchor` or a
    /// list of anchors) first, then the mapping's own pairs; a later key overwrites the value but
    /// keeps the first position.
    static func object(from mapping: Node.Mapping, source: String) throws(ParameterError) -> JSONObject {
        var object = JSONObject()
        // Python dict keys that compare equal (1, 1.0 and True) are one key, shown as first written.
        var shownAs: [String: String] = [:]
        for (key, value) in try flattened(mapping, source: source) {
            let (text, identity) = try keyText(key, source: source)
            let shown = shownAs[identity] ?? text
            shownAs[identity] = shown
            object[shown] = try convertNode(value, source: source)
        }
        return object
    }

    /// The pairs a merge key contributes. Of several mappings, the first to name a key wins, as
    /// the YAML merge spec says.
    private static func mergePairs(_ value: Node, source: String) throws(ParameterError) -> [(Node, Node)] {
        switch value {
        case .mapping(let m):
            return try flattened(m, source: source)
        case .sequence(let s):
            var pairs: [(Node, Node)] = []
            var seen = Set<String>()
            for sub in s {
                guard case .mapping(let m) = sub else {
                    throw .invalidYAML(source: source, detail: "expected a mapping for merging, but found \(kind(sub))")
                }
                for pair in try flattened(m, source: source) {
                    if seen.insert(try keyText(pair.0, source: source).identity).inserted { pairs.append(pair) }
                }
            }
            return pairs
        default:
            throw .invalidYAML(source: source, detail: "expected a mapping or list of mappings for merging, but found \(kind(value))")
        }
    }

    /// A merged mapping's pairs with its own merges applied first.
    private static func flattened(_ mapping: Node.Mapping, source: String) throws(ParameterError) -> [(Node, Node)] {
        var merged: [(Node, Node)] = []
        var own: [(Node, Node)] = []
        for (key, value) in mapping {
            if case .scalar(let k) = key, tag(of: k) == YAMLScalar.mergeTag {
                merged += try mergePairs(value, source: source)
            } else {
                own.append((key, value))
            }
        }
        return merged + own
    }

    /// Keys become text as Python's `str()` prints the constructed key (`1`, `True`, `None`,
    /// `1.5`), which is how papermill's translators render them. `=` as a key is the string "=".
    /// `identity` is equal for keys Python's dict treats as one (`1 == 1.0 == True`).
    private static func keyText(_ key: Node, source: String) throws(ParameterError) -> (text: String, identity: String) {
        guard case .scalar(let scalar) = key else {
            throw .invalidYAML(source: source, detail: "found unhashable key (a \(kind(key)))")
        }
        if tag(of: scalar) == YAMLScalar.valueTag { return (scalar.string, "s" + scalar.string) }
        switch try convertNode(key, source: source) {
        case .string(let s): return (s, "s" + s)
        case .int(let i): return (String(i), "n\(i)")
        case .bigInt(let digits): return (digits, "n" + digits)
        case .double(let d):
            if d.isFinite, d == d.rounded(), let i = Int(exactly: d) { return (PythonText.float(d), "n\(i)") }
            return (PythonText.float(d), "f" + PythonText.float(d))
        case .bool(let b): return (b ? "True" : "False", b ? "n1" : "n0")
        case .null: return ("None", "none")
        case let other: return ("\(other)", "?\(other)")
        }
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: "a scalar"
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }
}
