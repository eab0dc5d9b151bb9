import Hummingbird
import NotebookFormat

/// An RFC 9457 problem-details error: every failure the API reports, with the status a client can
/// act on and, for bad input, the JSON path of the offending field.
struct Problem: HTTPResponseError {
    let status: HTTPResponse.Status
    let title: String
    let detail: String
    /// JSON path of the bad field (`parameters.alpha`), or the query parameter's name.
    var field: String? = nil
    var extra: JSONObject = JSONObject()

    static func badRequest(_ detail: String, field: String? = nil) -> Problem {
        Problem(status: .badRequest, title: "Bad request", detail: detail, field: field)
    }
    static func notFound(_ detail: String) -> Problem { Problem(status: .notFound, title: "Not found", detail: detail) }
    static func conflict(_ detail: String) -> Problem { Problem(status: .conflict, title: "Conflict", detail: detail) }
    static func unauthorized(_ detail: String) -> Problem { Problem(status: .unauthorized, title: "Unauthorized", detail: detail) }
    static func forbidden(_ detail: String) -> Problem { Problem(status: .forbidden, title: "Forbidden", detail: detail) }
    static func tooLarge(_ detail: String) -> Problem { Problem(status: .contentTooLarge, title: "Content too large", detail: detail) }
    static func unavailable(_ detail: String) -> Problem { Problem(status: .serviceUnavailable, title: "Service unavailable", detail: detail) }
    static func unsupportedMediaType(_ detail: String) -> Problem {
        Problem(status: .unsupportedMediaType, title: "Unsupported media type", detail: detail)
    }

    var json: JSONValue {
        var o: JSONObject = [
            "type": "about:blank", "title": .string(title), "status": .int(Int(status.code)), "detail": .string(detail),
        ]
        if let field { o["field"] = .string(field) }
        for (k, v) in extra { o[k] = v }
        return .object(o)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var r = JSONResponse.make(json, status: status, contentType: "application/problem+json")
        if status == .unauthorized { r.headers[.wwwAuthenticate] = "Bearer realm=\"quire\"" }
        return r
    }
}
