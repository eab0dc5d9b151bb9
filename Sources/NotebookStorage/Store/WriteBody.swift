/// The bytes of one write. Stores consume it in chunks so that a test can substitute a body that
/// fails part way (`failingAfter`), standing in for a writer killed mid-upload.
public struct WriteBody: Sendable {
    public let bytes: [UInt8]
    /// Test hook: the body throws after delivering this many bytes.
    let failAfter: Int?

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.failAfter = nil
    }

    /// A body that delivers `limit` bytes and then fails, as a writer that dies mid-write would.
    package init(_ bytes: [UInt8], failingAfter limit: Int) {
        self.bytes = bytes
        self.failAfter = limit
    }

    public var count: Int { bytes.count }

    /// Bytes `range` of the body, or `InjectedFailure` when the range reaches past the failure point.
    func slice(_ range: Range<Int>) throws(InjectedFailure) -> ArraySlice<UInt8> {
        if let failAfter, range.upperBound > failAfter { throw InjectedFailure(afterBytes: failAfter) }
        return bytes[range]
    }

    /// The body cut in chunks of at most `size` bytes, stopping with an error at the failure point.
    func chunks(of size: Int) -> [Range<Int>] {
        stride(from: 0, to: bytes.count, by: size).map { $0..<min($0 + size, bytes.count) }
    }
}

/// The failure a `WriteBody(_:failingAfter:)` raises.
struct InjectedFailure: Error, CustomStringConvertible {
    let afterBytes: Int
    var description: String { "the writer failed after \(afterBytes) bytes" }
}
