/// Cell ids as nbformat generates them: the first 8 hex digits of a random UUID.
public enum CellID {
    public static func random() -> String {
        var g = SystemRandomNumberGenerator()
        let v = g.next() as UInt64
        let hex = String(v & 0xFFFF_FFFF, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
