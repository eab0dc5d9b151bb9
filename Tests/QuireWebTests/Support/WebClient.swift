import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NotebookFormat

/// A cookie-keeping HTTP client that does not follow redirects, to test the pages as a browser
/// would use them (forms, CSRF cookie, 303 answers).
final class WebClient: @unchecked Sendable {
    let base: String
    var cookies: [String: String] = [:]
    var bearer: String?
    static let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))

    init(base: String) { self.base = base }

    struct Reply {
        let status: Int
        let headers: HTTPHeaders
        let body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: JSONValue { (try? JSONValue.parse(body)) ?? .null }
        func header(_ name: String) -> String? { headers[name].first }
        var location: String? { header("Location") }
    }

    func get(_ path: String) async throws -> Reply { try await call("GET", path) }

    /// A form POST; `csrf: true` adds the token of this client's cookie.
    func post(_ path: String, _ fields: [(String, String)] = [], csrf: Bool = true) async throws -> Reply {
        var all = fields
        if csrf, let token = cookies["quire_csrf"] { all.append(("csrf", token)) }
        let body = all.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return try await call("POST", path, body: Array(body.utf8), type: "application/x-www-form-urlencoded")
    }

    func postJSON(_ path: String, _ value: JSONValue) async throws -> Reply {
        try await call("POST", path, body: value.serialized(), type: "application/json")
    }

    func call(_ method: String, _ path: String, body: [UInt8]? = nil, type: String? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: base + path)
        request.method = HTTPMethod(rawValue: method)
        if !cookies.isEmpty { request.headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        if let body {
            request.headers.add(name: "Content-Type", value: type ?? "application/octet-stream")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await Self.client.execute(request, timeout: .seconds(120))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        for line in response.headers["Set-Cookie"] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 2 { cookies[String(pair[0])] = pair[1].isEmpty ? nil : String(pair[1]) }
        }
        return Reply(status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
    }

    /// Polls the API until the run is final.
    func waitForFinal(_ id: String, timeout: TimeInterval = 120) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let run = try await get("/api/v1/runs/\(id)").json
            if let s = run["status"]?.stringValue, ["succeeded", "failed", "timed_out", "cancelled"].contains(s) { return run }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw WebTestFailure("run \(id) did not finish within \(timeout) s")
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
