import NotebookFormat

/// Renders parameters as code in one kernel language, as papermill's `Translator` classes do.
///
/// A conforming type overrides only what its language spells differently; the defaults are
/// papermill's base `Translator`: strings through Python's `unicode_escape` with `"` escaped as `\"`,
/// `None` for null, `true`/`false`, integers and floats as Python prints them.
public protocol ParameterTranslator: Sendable {
    /// The language as error messages name it ("Python", "bash", "C#").
    var languageName: String { get }
    /// The comment line that opens the injected cell, e.g. `# Parameters`.
    func comment(_ text: String) -> String
    /// One line (or several, for PowerShell dicts) binding `name` to already rendered code.
    func assignment(name: String, value: String) -> String
    /// Code that evaluates to the value of `environmentVariable` in the kernel's process.
    func environmentRead(_ environmentVariable: String) -> String

    func string(_ value: String) -> String
    func null() throws(UnsupportedLiteral) -> String
    func bool(_ value: Bool) -> String
    /// `text` is the decimal form; `fitsInt32` tells the languages that suffix longs with `L`.
    func integer(_ text: String, fitsInt32: Bool) -> String
    func float(_ value: Double) -> String
    func list(_ items: [String]) -> String
    /// Entries with keys as plain text; the translator quotes keys its own way.
    func dict(_ entries: [(key: String, value: String)]) throws(UnsupportedLiteral) -> String

    /// The injected cell's source: comment line, then one assignment per parameter, each ending in `\n`.
    func codify(_ parameters: ParameterSet, comment: String) throws(ParameterError) -> String
    /// Parameters declared in a `parameters` cell, or nil when this language cannot be inspected.
    func inspect(parametersSource: String) -> ParameterInspection?
}

/// A value the language has no literal for (papermill raises `NotImplementedError`).
public struct UnsupportedLiteral: Error, Sendable {
    public var what: String
    public init(_ what: String) { self.what = what }
}

extension ParameterTranslator {
    public func string(_ value: String) -> String {
        "\"" + PythonText.unicodeEscape(value).replacing(scalar: "\"", with: "\\\"") + "\""
    }
    public func null() throws(UnsupportedLiteral) -> String { "None" }
    public func bool(_ value: Bool) -> String { value ? "true" : "false" }
    public func integer(_ text: String, fitsInt32: Bool) -> String { text }
    public func float(_ value: Double) -> String { PythonText.float(value) }
    public func assignment(name: String, value: String) -> String { "\(name) = \(value)" }
    public func inspect(parametersSource: String) -> ParameterInspection? { nil }

    public func codify(_ parameters: ParameterSet, comment text: String) throws(ParameterError) -> String {
        try standardCodify(parameters, comment: text)
    }

    /// papermill's `Translator.codify`, usable by translators that add to it.
    public func standardCodify(_ parameters: ParameterSet, comment text: String,
                               secretRead: ((String) -> String)? = nil) throws(ParameterError) -> String {
        var content = comment(text) + "\n"
        for (name, binding) in parameters.bindings {
            let code: String
            switch binding {
            case .value(let value): code = try literal(value, parameter: name)
            case .environment(let variable): code = (secretRead ?? environmentRead)(variable)
            }
            content += assignment(name: name, value: code) + "\n"
        }
        return content
    }

    /// The literal for `value`, naming `parameter` when the language cannot express it.
    public func literal(_ value: JSONValue, parameter: String) throws(ParameterError) -> String {
        do throws(UnsupportedLiteral) {
            return try literal(value)
        } catch {
            throw .unsupportedValue(parameter: parameter, language: languageName, detail: error.what)
        }
    }

    /// papermill's `Translator.translate` dispatch, recursing into lists and dicts.
    func literal(_ value: JSONValue) throws(UnsupportedLiteral) -> String {
        switch value {
        case .null: return try null()
        case .string(let s): return string(s)
        case .bool(let b): return bool(b)
        case .int(let i): return integer(String(i), fitsInt32: Int(Int32.min)...Int(Int32.max) ~= i)
        case .bigInt(let digits): return integer(digits, fitsInt32: false)
        case .double(let d): return float(d)
        case .array(let items):
            var rendered: [String] = []
            for item in items { rendered.append(try literal(item)) }
            return list(rendered)
        case .object(let object):
            var entries: [(key: String, value: String)] = []
            for (key, item) in object { entries.append((key, try literal(item))) }
            return try dict(entries)
        }
    }
}
