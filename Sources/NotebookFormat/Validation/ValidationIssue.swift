/// One way a notebook departs from the nbformat schema, located by a JSON path such as
/// `cells[3].outputs[0].output_type`.
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: Sendable, Equatable { case error, warning }

    public let path: String
    public let message: String
    public let severity: Severity

    public init(path: String, message: String, severity: Severity = .error) {
        self.path = path
        self.message = message
        self.severity = severity
    }

    static let duplicateIDPrefix = "duplicate cell id "

    /// nbformat's reader repairs this one problem instead of rejecting the notebook.
    public var isDuplicateCellID: Bool { message.hasPrefix(Self.duplicateIDPrefix) }

    public var description: String {
        let at = path.isEmpty ? "(top level)" : path
        return severity == .warning ? "\(at): warning: \(message)" : "\(at): \(message)"
    }
}

/// A JSON path written the way a reader finds the spot: `metadata.kernelspec`, `cells[2]`, `data["text/plain"]`.
/// Built as a chain of nodes and rendered only when a problem is reported: validation of a valid
/// notebook creates many paths and prints none.
struct JSONPath: Sendable {
    private final class Node: Sendable {
        let parent: Node?
        let key: String?
        let index: Int

        init(parent: Node?, key: String?, index: Int) {
            self.parent = parent
            self.key = key
            self.index = index
        }
    }

    private let node: Node?

    static let root = JSONPath(node: nil)

    func key(_ k: String) -> JSONPath { JSONPath(node: Node(parent: node, key: k, index: 0)) }

    func index(_ i: Int) -> JSONPath { JSONPath(node: Node(parent: node, key: nil, index: i)) }

    var text: String {
        var parts: [Node] = []
        var n = node
        while let current = n {
            parts.append(current)
            n = current.parent
        }
        var out = ""
        for part in parts.reversed() {
            guard let k = part.key else {
                out += "[\(part.index)]"
                continue
            }
            let plain = k.first.map { $0.isLetter || $0 == "_" } == true
                && k.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
            if plain { out += out.isEmpty ? k : ".\(k)" } else { out += "[\(JSONValue.string(k).shortDescription)]" }
        }
        return out
    }
}

extension JSONValue {
    /// A short rendering for error messages: scalars in full (long strings cut), containers by type.
    var shortDescription: String {
        switch self {
        case .string(let s):
            let cut = s.count > 40 ? String(s.prefix(40)) + "…" : s
            return String(decoding: JSONValue.string(cut).serialized(), as: UTF8.self)
        case .array(let a): return "an array of \(a.count)"
        case .object: return "an object"
        default: return String(decoding: serialized(), as: UTF8.self)
        }
    }
}
