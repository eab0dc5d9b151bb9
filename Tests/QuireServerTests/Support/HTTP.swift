import AsyncHTTPClient
import Foundation
import QuireTestSupport
import NIOCore
import NIOHTTP1
import NotebookFormat

/// HTTP calls from tests to a real server.
struct HTTP {
    let base: String
    var token: String? = nil

    struct Reply {
        let status: Int
        let headers: HTTPHeaders
        let body: [UInt8]
        var json: JSONValue { (try? JSONValue.parse(body)) ?? .null }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func get(_ path: String) async throws -> Reply { try await call("GET", path) }
    func delete(_ path: String) async throws -> Reply { try await call("DELETE", path) }
    func post(_ path: String, _ body: JSONValue? = nil, headers: [String: String] = [:]) async throws -> Reply {
        try await call("POST", path, body: body.map { $0.serialized() } ?? [], headers: headers)
    }
    func put(_ path: String, _ body: JSONValue) async throws -> Reply { try await call("PUT", path, body: body.serialized()) }

    func call(_ method: String, _ path: String, body: [UInt8]? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var request = HTTPClientRequest(url: base + path)
        request.method = HTTPMethod(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        for (k, v) in headers { request.headers.replaceOrAdd(name: k, value: v) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
    }

    /// Polls the cheap status endpoint until the run is final (or the deadline passes).
    func waitForFinal(_ id: String, timeout: TimeInterval = 120) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let s = try await get("/api/v1/runs/\(id)/status").json
            if let st = s["status"]?.stringValue, ["succeeded", "failed", "timed_out", "cancelled"].contains(st) {
                return try await get("/api/v1/runs/\(id)").json
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServeFailure(message: "run \(id) did not finish within \(timeout) s")
    }

    func waitForStatus(_ id: String, _ wanted: String, timeout: TimeInterval = 60) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try await get("/api/v1/runs/\(id)/status").json["status"]?.stringValue == wanted { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServeFailure(message: "run \(id) never reached \(wanted)")
    }
}
