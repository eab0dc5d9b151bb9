import NotebookFormat

/// The body of `POST /api/v1/runs`, checked field by field: each mistake is a 400 naming the field.
struct SubmitRequest: Sendable {
    var notebook: String
    var parameters: JSONObject
    var kernel: String?
    var timeout: Double?
    var tags: [String]

    static let fields: Set<String> = ["notebook", "parameters", "kernel", "timeout", "tags"]
    /// 30 days: longer limits are surely mistakes (and would overflow timers).
    static let maxTimeout = 30 * 86_400.0

    init(_ body: JSONObject) throws {
        try BodyFields.rejectUnknown(body, allowed: Self.fields)
        notebook = try BodyFields.requiredString(body, "notebook")
        parameters = try BodyFields.object(body, "parameters") ?? JSONObject()
        kernel = try BodyFields.string(body, "kernel")
        timeout = try BodyFields.positiveNumber(body, "timeout", max: Self.maxTimeout)
        tags = try BodyFields.strings(body, "tags")
        for (i, tag) in tags.enumerated() where tag.isEmpty || tag.count > 200 {
            throw Problem.badRequest("'tags[\(i)]' must be 1 to 200 characters", field: "tags[\(i)]")
        }
    }
}

/// Field readers shared by the API's request bodies.
enum BodyFields {
    static func rejectUnknown(_ body: JSONObject, allowed: Set<String>, prefix: String = "") throws {
        for key in body.keys where !allowed.contains(key) {
            throw Problem.badRequest("unknown field '\(key)'; expected one of: \(allowed.sorted().joined(separator: ", "))", field: prefix + key)
        }
    }

    static func requiredString(_ body: JSONObject, _ key: String) throws -> String {
        guard let value = body[key], !value.isNull else { throw Problem.badRequest("'\(key)' is required", field: key) }
        guard let s = value.stringValue, !s.isEmpty else {
            throw Problem.badRequest("'\(key)' must be a non-empty string, found \(value.typeName)", field: key)
        }
        return s
    }

    static func string(_ body: JSONObject, _ key: String) throws -> String? {
        guard let value = body[key], !value.isNull else { return nil }
        guard let s = value.stringValue, !s.isEmpty else {
            throw Problem.badRequest("'\(key)' must be a non-empty string or null, found \(value.typeName)", field: key)
        }
        return s
    }

    static func object(_ body: JSONObject, _ key: String) throws -> JSONObject? {
        guard let value = body[key], !value.isNull else { return nil }
        guard let o = value.objectValue else { throw Problem.badRequest("'\(key)' must be an object, found \(value.typeName)", field: key) }
        return o
    }

    static func positiveNumber(_ body: JSONObject, _ key: String, max: Double) throws -> Double? {
        guard let value = body[key], !value.isNull else { return nil }
        guard value.boolValue == nil, let d = value.doubleValue, d > 0, d <= max else {
            throw Problem.badRequest("'\(key)' must be a number of seconds greater than 0 and at most \(Int(max))", field: key)
        }
        return d
    }

    static func strings(_ body: JSONObject, _ key: String) throws -> [String] {
        guard let value = body[key], !value.isNull else { return [] }
        guard let a = value.arrayValue else { throw Problem.badRequest("'\(key)' must be an array of strings, found \(value.typeName)", field: key) }
        return try a.enumerated().map { i, v in
            guard let s = v.stringValue else { throw Problem.badRequest("'\(key)[\(i)]' must be a string, found \(v.typeName)", field: "\(key)[\(i)]") }
            return s
        }
    }
}
