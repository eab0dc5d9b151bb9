/// Base64 as image outputs need it: checking stored data before it goes into a `data:` URI
/// (the notebook is untrusted; a quote there would end the attribute) and encoding SVG text.
enum Base64 {
    /// The data with line breaks removed, or nil when anything but base64 alphabet and padding is present.
    static func cleaned(_ s: String) -> String? {
        var s = s
        // Branch-free scan: OR every byte's class together (0 alphabet, 1 line break or space, 2 other).
        let verdict: UInt8 = s.withUTF8 { b in
            classes.withUnsafeBufferPointer { table in
                var acc: UInt8 = b.isEmpty ? 2 : 0
                for c in b { acc |= table[Int(c)] }
                return acc
            }
        }
        if verdict == 0 { return s }
        if verdict == 1 { return String(decoding: s.utf8.filter { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 }, as: UTF8.self) }
        return nil
    }

    private static let classes: [UInt8] = (0..<256).map { c in
        switch UInt8(c) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="): 0
        case 0x0A, 0x0D, 0x20: 1
        default: 2
        }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="), UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
