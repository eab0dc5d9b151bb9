import Foundation

/// A decoded `application/x-www-form-urlencoded` body: field names to values, in order.
struct FormBody: Sendable {
    private(set) var fields: [(name: String, value: String)] = []

    init() {}

    init(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            fields.append((name, value))
        }
    }

    subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    func contains(_ name: String) -> Bool { fields.contains { $0.name == name } }

    /// `+` is a space in forms; a malformed escape is kept as written rather than failing the form.
    private static func decode(_ s: Substring) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
