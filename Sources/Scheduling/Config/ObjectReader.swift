import NotebookFormat

/// Reads the members of one JSON object strictly: every key must be known, every value of the
/// expected type, and each error names the key path so an API client or a config author can find
/// the bad field. `null` counts as absent, since YAML writes an empty value (`owner:`) as null.
struct ObjectReader {
    let path: String
    let object: JSONObject

    init(_ value: JSONValue, at path: String, keys allowed: [String], required: [String] = []) throws(SchedulingError) {
        guard case .object(let object) = value else {
            throw .invalidValue(path: path, expected: "an object", found: Self.shown(value))
        }
        for key in object.keys where !allowed.contains(key) {
            throw .unknownKey(path: path, key: key, suggestion: KeySuggestion.closest(to: key, among: allowed))
        }
        for key in required where object[key] == nil || object[key] == .null {
            throw .missingKey(path: path, key: key)
        }
        self.path = path
        self.object = object
    }

    func path(_ key: String) -> String { Self.join(path, key) }

    func value(_ key: String) -> JSONValue? {
        guard let v = object[key], v != .null else { return nil }
        return v
    }

    func fail(_ key: String, expected: String, found value: JSONValue) -> SchedulingError {
        .invalidValue(path: path(key), expected: expected, found: Self.shown(value))
    }

    func string(_ key: String, expected: String = "a string") throws(SchedulingError) -> String? {
        guard let v = value(key) else { return nil }
        guard case .string(let s) = v else { throw fail(key, expected: expected, found: v) }
        return s
    }

    func bool(_ key: String) throws(SchedulingError) -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .bool(let b) = v else { throw fail(key, expected: "true or false", found: v) }
        return b
    }

    func int(_ key: String, in range: ClosedRange<Int>, expected: String) throws(SchedulingError) -> Int? {
        guard let v = value(key) else { return nil }
        guard case .int(let i) = v, range.contains(i) else { throw fail(key, expected: expected, found: v) }
        return i
    }

    /// A duration in seconds: an integer or a decimal number.
    func seconds(_ key: String, minimum: Double, exclusive: Bool) throws(SchedulingError) -> Double? {
        guard let v = value(key) else { return nil }
        let expected = "a number of seconds \(exclusive ? ">" : "≥") \(Self.number(minimum))"
        switch v {
        case .int, .double:
            let d = v.doubleValue!
            guard d.isFinite, exclusive ? d > minimum : d >= minimum else { throw fail(key, expected: expected, found: v) }
            return d
        default:
            throw fail(key, expected: expected, found: v)
        }
    }

    func strings(_ key: String) throws(SchedulingError) -> [String]? {
        guard let v = value(key) else { return nil }
        guard case .array(let items) = v else { throw fail(key, expected: "a list of strings", found: v) }
        var result: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else {
                throw .invalidValue(path: "\(path(key))[\(i)]", expected: "a string", found: Self.shown(item))
            }
            result.append(s)
        }
        return result
    }

    /// An object of string values whose keys must satisfy `validKey`.
    func stringMap(_ key: String, keyRule: String, validKey: (String) -> Bool) throws(SchedulingError) -> [String: String]? {
        guard let v = value(key) else { return nil }
        guard case .object(let members) = v else { throw fail(key, expected: "an object of NAME: text", found: v) }
        var result: [String: String] = [:]
        for (name, item) in members {
            guard validKey(name) else {
                throw .invalidValue(path: path(key), expected: "keys that are \(keyRule)", found: Self.quoted(name))
            }
            guard case .string(let s) = item else {
                throw .invalidValue(path: Self.join(path(key), name), expected: "a string", found: Self.shown(item))
            }
            result[name] = s
        }
        return result
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A value as the user wrote it: scalars verbatim (strings quoted, long ones cut), containers by kind.
    static func shown(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): "\(i)"
        case .bigInt(let digits): digits
        case .double(let d): number(d)
        case .string(let s): quoted(s)
        case .array: "a list"
        case .object: "an object"
        }
    }

    static func quoted(_ s: String) -> String {
        let cut = s.count > 60 ? String(s.prefix(57)) + "..." : s
        return "\"\(cut)\""
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? "\(Int(d))" : "\(d)"
    }
}
