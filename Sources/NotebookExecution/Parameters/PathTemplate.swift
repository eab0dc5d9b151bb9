import Foundation
import NotebookFormat

/// papermill's path templating: input and output paths go through Python's `str.format` with the
/// run's parameters plus `pm` (`run_uuid`, `current_datetime_local`, `current_datetime_utc`),
/// e.g. `out_{region}_{pm[current_datetime_utc]:%Y%m%d}.ipynb`. `{{` and `}}` are literal braces.
public struct PathTemplate: Sendable {
    public let parameters: JSONObject
    /// Names of secret parameters: their values must not leak into file names either.
    public var secretNames: Set<String> = []
    public let runUUID: String
    public let now: Date

    public init(parameters: JSONObject, secretNames: Set<String> = [], runUUID: String, now: Date) {
        self.parameters = parameters
        self.secretNames = secretNames
        self.runUUID = runUUID
        self.now = now
    }

    public func render(_ template: String) throws(ParameterError) -> String {
        guard template.contains("{") || template.contains("}") else { return template }
        var out = ""
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            let next = template.index(after: i)
            if c == "{", next < template.endIndex, template[next] == "{" {
                out.append("{")
                i = template.index(after: next)
            } else if c == "}", next < template.endIndex, template[next] == "}" {
                out.append("}")
                i = template.index(after: next)
            } else if c == "{" {
                guard let close = template[next...].firstIndex(of: "}") else {
                    throw .invalidPathTemplate(template: template, reason: "unmatched '{'")
                }
                out += try field(String(template[next..<close]), in: template)
                i = template.index(after: close)
            } else if c == "}" {
                throw .invalidPathTemplate(template: template, reason: "single '}' (write '}}' for a literal brace)")
            } else {
                out.append(c)
                i = next
            }
        }
        return out
    }

    private func field(_ spec: String, in template: String) throws(ParameterError) -> String {
        let (name, format) = spec.firstIndex(of: ":").map { (String(spec[..<$0]), String(spec[spec.index(after: $0)...])) } ?? (spec, "")
        if name.hasPrefix("pm[") && name.hasSuffix("]") {
            let key = String(name.dropFirst(3).dropLast())
            switch key {
            case "run_uuid": return runUUID
            case "current_datetime_utc": return Self.format(now, utc: true, format)
            case "current_datetime_local": return Self.format(now, utc: false, format)
            default: throw .invalidPathTemplate(template: template, reason: "unknown key '\(key)' in pm (run_uuid, current_datetime_local, current_datetime_utc)")
            }
        }
        if secretNames.contains(name) {
            throw .invalidPathTemplate(template: template, reason: "'\(name)' is a secret parameter and cannot appear in a path")
        }
        guard let value = parameters[name] else {
            throw .invalidPathTemplate(template: template, reason: "no parameter named '\(name)'")
        }
        return Self.pythonStr(value)
    }

    /// `str()` of a parameter value as Python would print it.
    static func pythonStr(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): s
        case .bool(let b): b ? "True" : "False"
        case .null: "None"
        case .double(let d): PythonFloat.repr(d)
        case .int, .bigInt: String(decoding: v.serialized(), as: UTF8.self)
        case .array(let a): "[" + a.map(pythonRepr).joined(separator: ", ") + "]"
        case .object(let o): "{" + o.map { "'\($0.key)': \(pythonRepr($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    static func pythonRepr(_ v: JSONValue) -> String {
        if case .string(let s) = v { return "'\(s)'" }
        return pythonStr(v)
    }

    /// `format(datetime, spec)`: strftime when a spec is given, else `str(datetime)`.
    static func format(_ date: Date, utc: Bool, _ spec: String) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        if utc { gmtime_r(&t, &parts) } else { localtime_r(&t, &parts) }
        let micros = Int((date.timeIntervalSince1970 - Double(t)) * 1_000_000)
        let pattern = spec.isEmpty ? "%Y-%m-%d %H:%M:%S" : spec.replacingOccurrences(of: "%f", with: String(format: "%06d", micros))
        var buf = [Int8](repeating: 0, count: 512)
        let n = strftime(&buf, buf.count, pattern, &parts)
        let text = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard spec.isEmpty else { return text }
        return text + (micros == 0 ? "" : String(format: ".%06d", micros)) + (utc ? "+00:00" : "")
    }
}
