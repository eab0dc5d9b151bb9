import Hummingbird
import NotebookFormat

/// JSON in and out through Quire's own JSON model, so numbers, key order and Unicode come back
/// exactly as stored (and notebooks byte-for-byte as written).
enum JSONResponse {
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok, contentType: String = "application/json",
                     headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: value.serialized())))
    }

    static func bytes(_ bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension Request {
    /// The body as a JSON object. Too large → 413, not JSON → 400 with the parser's position.
    func jsonObject(limit: Int = 4 << 20) async throws -> JSONObject {
        if let type = headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw Problem.unsupportedMediaType("send the body as application/json (got \(type))")
        }
        var request = self
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: limit) } catch {
            throw Problem.tooLarge("the request body is larger than \(limit) bytes")
        }
        let bytes = Array(buffer.readableBytesView)
        if bytes.isEmpty { return JSONObject() }
        let value: JSONValue
        do { value = try JSONValue.parse(bytes) } catch {
            throw Problem.badRequest("the body is not valid JSON: \(error)")
        }
        guard let object = value.objectValue else {
            throw Problem.badRequest("the body must be a JSON object, found \(value.typeName)", field: "")
        }
        return object
    }
}
