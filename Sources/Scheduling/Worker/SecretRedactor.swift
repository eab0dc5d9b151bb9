import Foundation
import NotebookFormat

/// Masks secret values that user code printed, so that the output notebook — the permanent record
/// of a run — never holds them, even when a notebook echoes its own credentials by mistake.
/// The same rule CI systems apply to their logs.
struct SecretRedactor: Sendable {
    static let mask = "***"
    /// Longest first, so that a secret containing another is masked whole.
    let values: [String]

    /// Values shorter than 4 characters are not masked: masking every "1" or "ab" in the outputs
    /// would destroy the record while protecting nothing.
    init(values: some Sequence<String>) {
        self.values = Set(values.filter { $0.count >= 4 }).sorted { $0.count > $1.count }
    }

    var isEmpty: Bool { values.isEmpty }

    func redact(_ nb: Notebook) -> Notebook {
        guard !isEmpty else { return nb }
        var out = nb
        for i in out.cells.indices where out.cells[i].isCode {
            out.cells[i].outputs = out.cells[i].outputs.map(redact)
        }
        return out
    }

    func redact(_ output: Output) -> Output {
        switch output {
        case .stream(let name, let text): .stream(name: name, text: redact(text))
        case .displayData(let data, let metadata): .displayData(data: redact(data), metadata: metadata)
        case .executeResult(let n, let data, let metadata): .executeResult(executionCount: n, data: redact(data), metadata: metadata)
        case .error(let ename, let evalue, let tb): .error(ename: ename, evalue: redact(evalue), traceback: tb.map(redact))
        case .unrecognized(let o): .unrecognized(redact(o))
        }
    }

    func redact(_ object: JSONObject) -> JSONObject {
        JSONObject(object.map { ($0.key, redact($0.value)) })
    }

    func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s): .string(redact(s))
        case .array(let a): .array(a.map(redact))
        case .object(let o): .object(redact(o))
        default: value
        }
    }

    func redact(_ text: String) -> String {
        var s = text
        for v in values where s.contains(v) { s = s.replacingOccurrences(of: v, with: Self.mask) }
        return s
    }
}
