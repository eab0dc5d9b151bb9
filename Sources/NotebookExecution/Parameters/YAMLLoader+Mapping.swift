import NotebookFormat
import Yams

extension YAMLLoader {
    /// A mapping as PyYAML's `construct_mapping` builds a dict: merged pairs (`<<: *anchor` or a
    /// list of anchors) first, then the mapping's own pairs; a later key overwrites the value but
    /// keeps the first position.
    static func object(from mapping: Node.Mapping, source: String) throws(ParameterError) -> JSONObject {
        var merged: [(Node, Node)] = []
        var own: [(Node, Node)] = []
        for (key, value) in mapping {
            if case .scalar(let k) = key, tag(of: k) == YAMLScalar.mergeTag {
                merged += try mergePairs(value, source: source)
            } else {
                own.append((key, value))
            }
        }
        var object = JSONObject()
        for (key, value) in merged + own {
            object[try keyText(key, source: source)] = try convertValue(value, source: source)
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
                    if seen.insert(try keyText(pair.0, source: source)).inserted { pairs.append(pair) }
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
    private static func keyText(_ key: Node, source: String) throws(ParameterError) -> String {
        guard case .scalar(let scalar) = key else {
            throw .invalidYAML(source: source, detail: "found unhashable key (a \(kind(key)))")
        }
        if tag(of: scalar) == YAMLScalar.valueTag { return scalar.string }
        switch try convertValue(key, source: source) {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bigInt(let digits): return digits
        case .double(let d): return PythonText.float(d)
        case .bool(let b): return b ? "True" : "False"
        case .null: return "None"
        case let other: return "\(other)"
        }
    }

    private static func convertValue(_ node: Node, source: String) throws(ParameterError) -> JSONValue {
        try convertNode(node, source: source)
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
