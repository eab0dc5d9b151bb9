import Foundation
import Hummingbird

/// Typed reads of query parameters; a bad value is a 400 naming the parameter.
struct QueryParameters {
    let request: Request

    func string(_ name: String) -> String? {
        request.uri.queryParameters.get(name)
    }

    func all(_ name: String) -> [String] {
        request.uri.queryParameters.getAll(name).flatMap { (v: String) in v.split(separator: ",").map { String($0) } }
    }

    func int(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw = string(name) else { return value }
        guard let n = Int(raw), range.contains(n) else {
            throw Problem.badRequest("query parameter '\(name)' must be an integer in \(range.lowerBound)...\(range.upperBound), got '\(raw)'", field: name)
        }
        return n
    }

    func date(_ name: String) throws -> Date? {
        guard let raw = string(name) else { return nil }
        guard let d = ISOTime.parse(raw) else {
            throw Problem.badRequest("query parameter '\(name)' must be an ISO 8601 time like 2026-11-30T08:00:00Z, got '\(raw)'", field: name)
        }
        return d
    }
}
