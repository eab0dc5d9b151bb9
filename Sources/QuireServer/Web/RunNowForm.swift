import Foundation
import NotebookExecution
import NotebookFormat

/// The "Run now" form of a job, generated from its notebook's parameters cell: one field per
/// declared parameter, its input type from the inferred type (int/float → number, bool →
/// checkbox, str → text, anything else → JSON), prefilled with the job's value or the notebook's
/// default. Reading a submission turns the fields back into JSON values, collecting an error per
/// field instead of stopping at the first.
struct RunNowForm {
    enum Kind { case integer, number, boolean, text, json }

    struct Field {
        var name: String
        var kind: Kind
        var typeName: String?
        var help: String
        /// The notebook's default as written, shown as a hint.
        var defaultSource: String
        var value: String
        var checked: Bool
        var error: String?

        var id: String { "p-" + name }
        var key: String { "p." + name }
    }

    var fields: [Field]
    /// A problem of the whole form (not of one field).
    var formError: String?

    init(inspection: ParameterInspection?, jobParameters: JSONObject) {
        fields = (inspection?.parameters ?? []).map { p in
            let kind = Self.kind(p.typeName)
            var field = Field(name: p.name, kind: kind, typeName: p.typeName, help: p.help, defaultSource: p.defaultValue,
                              value: "", checked: false)
            if let v = jobParameters[p.name] {
                field.value = kind == .text ? (v.stringValue ?? WebFormat.value(v)) : WebFormat.value(v)
                field.checked = v.boolValue ?? false
            } else {
                Self.prefill(&field, source: p.defaultValue.trimmingCharacters(in: .whitespaces))
            }
            return field
        }
    }

    static func kind(_ typeName: String?) -> Kind {
        switch typeName?.replacingOccurrences(of: " ", with: "").lowercased() {
        case "int": .integer
        case "float": .number
        case "bool": .boolean
        case "str": .text
        default: .json
        }
    }

    /// From the default's source text, when it is a literal this form can show.
    static func prefill(_ field: inout Field, source: String) {
        switch field.kind {
        case .integer: if Int(source) != nil { field.value = source }
        case .number: if Double(source) != nil { field.value = source }
        case .boolean: field.checked = source == "True"
        case .text:
            if source.count >= 2, let q = source.first, q == "\"" || q == "'", source.last == q, !source.contains("\\") {
                field.value = String(source.dropFirst().dropLast())
            }
        case .json: if (try? JSONValue.parse(Array(source.utf8))) != nil { field.value = source }
        }
    }

    /// The submitted values as parameters to override; nil when a field is invalid (its `error`
    /// says why). A blank field keeps the job's or notebook's default.
    mutating func read(_ form: FormBody) -> JSONObject? {
        var out = JSONObject()
        for i in fields.indices {
            let raw = form[fields[i].key] ?? ""
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            fields[i].value = raw
            let declared = fields[i].typeName.map { "\(fields[i].name): \($0)" } ?? fields[i].name
            switch fields[i].kind {
            case .boolean:
                fields[i].checked = form[fields[i].key] != nil
                out[fields[i].name] = .bool(fields[i].checked)
            case .integer:
                if trimmed.isEmpty { continue }
                if let n = Int(trimmed) { out[fields[i].name] = .int(n) } else {
                    fields[i].error = "expected an integer (the notebook declares \(declared)), got '\(raw)'"
                }
            case .number:
                if trimmed.isEmpty { continue }
                if let n = Int(trimmed) { out[fields[i].name] = .int(n) } else if let d = Double(trimmed), d.isFinite {
                    out[fields[i].name] = .double(d)
                } else {
                    fields[i].error = "expected a number (the notebook declares \(declared)), got '\(raw)'"
                }
            case .text:
                if raw.isEmpty { continue }
                out[fields[i].name] = .string(raw)
            case .json:
                if trimmed.isEmpty { continue }
                do { out[fields[i].name] = try JSONValue.parse(Array(trimmed.utf8)) } catch {
                    fields[i].error = "expected a JSON value (the notebook declares \(declared)): \(error)"
                }
            }
        }
        return fields.contains { $0.error != nil } ? nil : out
    }

    /// Attaches a server-side check's message (`parameters.x: …`) to its field.
    mutating func attach(_ problem: Problem) {
        if let path = problem.field, path.hasPrefix("parameters."), let i = fields.firstIndex(where: { "parameters." + $0.name == path }) {
            fields[i].error = problem.detail
        } else {
            formError = problem.detail
        }
    }

    var hasErrors: Bool { formError != nil || fields.contains { $0.error != nil } }
}
