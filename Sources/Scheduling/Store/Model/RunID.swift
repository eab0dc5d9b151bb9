import Foundation

/// A run's identifier: `r`, 12 hex digits of milliseconds since the Unix epoch, then 10 random
/// base32 characters, all lowercase (23 characters). Identifiers sort by creation time (to the
/// millisecond), so newest-first listings can page on the identifier alone.
public struct RunID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String

    static let length = 23
    static let randomAlphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A new identifier for a run created at `at`.
    public static func make(at: Date = Date()) -> RunID {
        RunID(validated: prefix(milliseconds: milliseconds(at)) + randomSuffix())
    }

    /// Validates `raw`; nil when it is not an identifier `make` could have produced.
    public init?(_ raw: String) {
        let bytes = Array(raw.utf8)
        guard bytes.count == Self.length, bytes[0] == UInt8(ascii: "r"),
              bytes[1...12].allSatisfy(Self.hexDigits.contains),
              bytes[13...].allSatisfy(Self.randomAlphabet.contains)
        else { return nil }
        rawValue = raw
    }

    private init(validated: String) { rawValue = validated }

    public var description: String { rawValue }

    public static func < (lhs: RunID, rhs: RunID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The creation time encoded in the identifier, to the millisecond.
    public var createdMillisecond: Date {
        let ms = UInt64(rawValue.dropFirst().prefix(12), radix: 16) ?? 0
        return Date(timeIntervalSince1970: Double(ms) / 1000)
    }

    /// `r` + 12 hex digits: every identifier made in that millisecond starts with it, and sorts
    /// before every identifier of a later millisecond.
    static func prefix(milliseconds: Int64) -> String {
        let clamped = UInt64(max(0, min(milliseconds, 0xFFFF_FFFF_FFFF)))
        let hex = String(clamped, radix: 16)
        return "r" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// The millisecond of the stored microsecond (not of the raw Double), so that an id and its
    /// run's `created` never disagree about which millisecond it was.
    static func milliseconds(_ date: Date) -> Int64 {
        let micros = StoreTime.micros(date)
        return micros >= 0 ? micros / 1000 : (micros - 999) / 1000
    }

    private static func randomSuffix() -> String {
        var g = SystemRandomNumberGenerator()
        let chars = (0..<10).map { _ in randomAlphabet[Int(g.next(upperBound: UInt8(32)))] }
        return String(decoding: chars, as: UTF8.self)
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let id = RunID(raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "\(raw) is not a run id (r + 12 hex digits + 10 base32 characters)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
