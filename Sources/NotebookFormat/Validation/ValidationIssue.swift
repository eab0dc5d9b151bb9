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
struct JSONPath {
    let text: String

    static let root = JSONPath(text: "")

    func key(_ k: String) -> JSONPath {
        let plain = k.first.map { $0.isLetter || $0 == "_" } == true
            && k.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        if plain { return JSONPath(text: text.isEmpty ? k : "\(text).\(k)") }
        return JSONPath(text: "\(text)[\(JSONValue.string(k).shortDescription)]")
    }

    func index(_ i: Int) -> JSONPath { JSONPath(text: "\(text)[\(i)]") }
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
