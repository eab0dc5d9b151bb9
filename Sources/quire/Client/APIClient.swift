import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NotebookFormat

/// A small client of Quire's REST API for the `submit`, `runs` and `jobs` commands.
struct APIClient: Sendable {
    let server: String
    let token: String?

    /// Connection attempts are retried with backoff, but only for 5 s: a server that is down
    /// should be reported at once, not after the request's whole deadline.
    static let http: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout.connect = .seconds(5)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    struct Reply: Sendable {
        var status: Int
        var body: [UInt8]
        var json: JSONValue? { try? JSONValue.parse(body) }
    }

    func get(_ path: String) async throws(ClientError) -> JSONValue { try await call("GET", path, body: nil).json ?? .null }
    func post(_ path: String, _ body: JSONValue? = nil, headers: [(String, String)] = []) async throws(ClientError) -> JSONValue {
        try await call("POST", path, body: body ?? .object(JSONObject()), headers: headers).json ?? .null
    }
    func put(_ path: String, _ body: JSONValue) async throws(ClientError) -> JSONValue { try await call("PUT", path, body: body).json ?? .null }

    func raw(_ path: String) async throws(ClientError) -> [UInt8] { try await call("GET", path, body: nil).body }

    /// Any non-2xx reply becomes a `ClientError` carrying the server's problem details.
    func call(_ method: String, _ path: String, body: JSONValue?, headers: [(String, String)] = []) async throws(ClientError) -> Reply {
        var request = HTTPClientRequest(url: server.trimmingSuffix("/") + path)
        request.method = HTTPMethod(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (k, v) in headers { request.headers.add(name: k, value: v) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body.serialized()))
        }
        let reply: Reply
        do {
            let response = try await Self.http.execute(request, timeout: .seconds(60))
            let buffer = try await response.body.collect(upTo: 256 << 20)
            reply = Reply(status: Int(response.status.code), body: Array(buffer.readableBytesView))
        } catch {
            throw .unreachable(server: server, reason: "\(error)")
        }
        guard (200..<300).contains(reply.status) else {
            let problem = reply.json
            throw .problem(status: reply.status, detail: problem?["detail"]?.stringValue ?? String(decoding: reply.body.prefix(500), as: UTF8.self),
                           field: problem?["field"]?.stringValue)
        }
        return reply
    }

    /// Server-sent events of a run, one (event, data) at a time, until the stream ends.
    func events(run id: String, _ handle: @Sendable (String, JSONValue) async -> Void) async throws(ClientError) {
        var request = HTTPClientRequest(url: server.trimmingSuffix("/") + "/api/v1/runs/\(id)/events")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        do {
            let response = try await Self.http.execute(request, timeout: .hours(24))
            guard response.status == .ok else { throw ClientError.problem(status: Int(response.status.code), detail: "events unavailable", field: nil) }
            var pending = ""
            for try await chunk in response.body {
                pending += String(buffer: chunk)
                while let end = pending.range(of: "\n\n") {
                    let frame = String(pending[..<end.lowerBound])
                    pending = String(pending[end.upperBound...])
                    var event = "message", data = ""
                    for line in frame.split(separator: "\n") {
                        if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                        if line.hasPrefix("data: ") { data += line.dropFirst(6) }
                    }
                    await handle(event, (try? JSONValue.parse(data)) ?? .null)
                }
            }
        } catch let error as ClientError {
            throw error
        } catch {
            throw .unreachable(server: server, reason: "\(error)")
        }
    }
}

enum ClientError: Error, CustomStringConvertible {
    case unreachable(server: String, reason: String)
    case problem(status: Int, detail: String, field: String?)
    case usage(String)

    var description: String {
        switch self {
        case .unreachable(let server, let reason): "cannot reach the Quire server at \(server): \(reason)"
        case .problem(let status, let detail, let field): "server answered \(status): \(detail)" + (field.map { " (field: \($0))" } ?? "")
        case .usage(let message): message
        }
    }

    /// 2 for what the caller got wrong, 3 for what the infrastructure did.
    var exitCode: Int32 {
        switch self {
        case .unreachable: 3
        case .problem(let status, _, _): status >= 500 ? 3 : 2
        case .usage: 2
        }
    }
}

extension String {
    func trimmingSuffix(_ s: String) -> String { hasSuffix(s) ? String(dropLast(s.count)) : self }
}
