import Foundation
import NotebookFormat
import Yams

/// Parses YAML parameter sources into JSON values the way papermill's `yaml.load(…, NoDatesSafeLoader)`
/// does: Yams (libyaml) for the syntax, `YAMLScalar` for PyYAML's scalar types, merge keys (`<<`),
/// and mapping keys turned into text as Python's `str()` prints them.
///
/// Public so that other modules read YAML (such as `quire.yaml`) with the same rules.
public enum YAMLLoader {
    /// Marks plain untagged scalars: Yams resolves tags lazily and may do so while checking mapping
    /// keys, so its resolver must leave a recognisable name rather than a type of its own.
    private static let plainTag = "tag:quire.invalid,2026:plain"
    private static let resolver = Resolver.basic.appending(try! Resolver.Rule(.init(rawValue: plainTag), "^"))

    /// The document's value; nil for an empty stream or a document that is only `null`/`~`.
    public static func load(_ text: String, source: String) throws(ParameterError) -> JSONValue? {
        let root: Node?
        do {
            root = try Parser(yaml: text, resolver: resolver, constructor: .default).singleRoot()
        } catch {
            throw .invalidYAML(source: source, detail: describe(error))
        }
        guard let root else { return nil }
        let value = try convertNode(root, source: source)
        // Spelled out: in a ternary, `nil` would become `JSONValue.null` (JSONValue is nil-literal expressible).
        if value == .null { return nil }
        return value
    }

    /// Bytes from a file or `-b`: UTF-8 (a BOM is skipped) or UTF-16 with a BOM, as PyYAML reads them.
    public static func load(bytes: [UInt8], source: String) throws(ParameterError) -> JSONValue? {
        var text: String?
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            text = String(data: Data(bytes), encoding: .utf16)
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            text = String(validating: body, as: UTF8.self)
        }
        guard let text else { throw .invalidYAML(source: source, detail: "the text is not valid UTF-8") }
        return try load(text, source: source)
    }

    /// libyaml's problem and where, on one line (Yams' own description spreads it over a snippet).
    private static func describe(_ error: any Error) -> String {
        guard let yaml = error as? YamlError else { return "\(error)" }
        func at(_ m: Mark) -> String { "line \(m.line), column \(m.column)" }
        switch yaml {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var text = "\(problem) (\(at(mark)))"
            if let context { text += " \(context.text) (\(at(context.mark)))" }
            return text
        case let .reader(problem, _, _, _):
            return problem
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return "the key \(keys) appears twice in one mapping (\(at(context.mark)))"
        default:
            return "\(yaml)"
        }
    }

    static func convertNode(_ node: Node, source: String) throws(ParameterError) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return try scalarValue(scalar, source: source)
        case .sequence(let sequence):
            try requireTag(sequence.tag.rawValue, allowed: "tag:yaml.org,2002:seq", at: sequence.mark, source: source)
            var items: [JSONValue] = []
            for item in sequence { items.append(try convertNode(item, source: source)) }
            return .array(items)
        case .mapping(let mapping):
            try requireTag(mapping.tag.rawValue, allowed: "tag:yaml.org,2002:map", at: mapping.mark, source: source)
            return .object(try object(from: mapping, source: source))
        case .alias:
            // Yams replaces aliases by the anchored node while parsing.
            throw .unsupportedYAML(source: source, detail: "unresolved alias")
        }
    }

    private static func requireTag(_ tag: String, allowed: String, at mark: Mark?, source: String) throws(ParameterError) {
        guard tag.isEmpty || tag == "!" || tag == allowed || tag == plainTag else {
            throw .unsupportedYAML(source: source, detail: "could not determine a constructor for the tag '\(tag)'\(where_(mark))")
        }
    }

    private static func where_(_ mark: Mark?) -> String {
        mark.map { " (line \($0.line), column \($0.column))" } ?? ""
    }

    /// The tag PyYAML would give the scalar: implicit resolution for plain untagged ones.
    static func tag(of scalar: Node.Scalar) -> String {
        let tag = scalar.tag.rawValue
        if tag.isEmpty || tag == plainTag {
            return scalar.style == .plain || scalar.style == .any ? YAMLScalar.implicitTag(of: scalar.string) : YAMLScalar.strTag
        }
        // PyYAML resolves a plain scalar tagged only `!` as if untagged (`! 12` is the int 12).
        if tag == "!" {
            return scalar.style == .plain ? YAMLScalar.implicitTag(of: scalar.string) : YAMLScalar.strTag
        }
        return tag
    }

    private static func scalarValue(_ scalar: Node.Scalar, source: String) throws(ParameterError) -> JSONValue {
        let tag = tag(of: scalar)
        let value: JSONValue?
        do throws(YAMLScalar.ScalarError) {
            value = try YAMLScalar.construct(scalar.string, tag: tag)
        } catch {
            throw .invalidYAML(source: source, detail: error.message + where_(scalar.mark))
        }
        guard let value else {
            throw .unsupportedYAML(source: source, detail: "could not determine a constructor for the tag '\(tag)'\(where_(scalar.mark))")
        }
        return value
    }
}
