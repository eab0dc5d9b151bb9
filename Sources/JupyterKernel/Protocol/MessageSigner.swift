import Crypto

/// HMAC-SHA256 signing of the four JSON frames of a message, keyed by the connection file's `key`
/// (its UTF-8 bytes). An empty key disables signing, as in jupyter_client.
public struct MessageSigner: Sendable {
    private let key: SymmetricKey?

    public init(key: String) {
        self.key = key.isEmpty ? nil : SymmetricKey(data: Array(key.utf8))
    }

    /// Lower-case hex digest over `header || parent_header || metadata || content`, exactly as sent.
    public func signature(_ parts: [[UInt8]]) -> [UInt8] {
        guard let key else { return [] }
        var mac = HMAC<SHA256>(key: key)
        for p in parts { mac.update(data: p) }
        return Self.hex(Array(mac.finalize()))
    }

    /// Constant-time comparison against the received signature frame; bytes, never re-serialized JSON.
    public func verify(signature: [UInt8], parts: [[UInt8]]) -> Bool {
        guard key != nil else { return true }
        let expected = self.signature(parts)
        guard expected.count == signature.count else { return false }
        var diff: UInt8 = 0
        for (a, b) in zip(expected, signature) { diff |= a ^ b }
        return diff == 0
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return out
    }
}
