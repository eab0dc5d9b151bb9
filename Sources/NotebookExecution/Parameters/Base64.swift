/// `-b` decoding exactly as Python's `base64.b64decode` (CPython's non-strict `a2b_base64`):
/// characters outside the alphabet are skipped, decoding stops at the first complete padding, and
/// an unfinished last group is an error with CPython's wording.
enum Base64 {
    static func decode(_ text: String, source: String) throws(ParameterError) -> [UInt8] {
        var out: [UInt8] = []
        var quadPos = 0
        var pads = 0
        var left: UInt32 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") {
                pads += 1
                if quadPos >= 2 && quadPos + pads >= 4 { return out }
                continue
            }
            guard let v = value(byte) else { continue }
            pads = 0
            switch quadPos {
            case 0:
                left = v
            case 1:
                out.append(UInt8((left << 2 | v >> 4) & 0xFF))
                left = v & 0x0F
            case 2:
                out.append(UInt8((left << 4 | v >> 2) & 0xFF))
                left = v & 0x03
            default:
                out.append(UInt8((left << 6 | v) & 0xFF))
            }
            quadPos = (quadPos + 1) % 4
        }
        if quadPos == 1 {
            throw .invalidBase64(source: source, detail: "number of data characters (\(out.count / 3 * 4 + 1)) cannot be 1 more than a multiple of 4")
        }
        if quadPos != 0 { throw .invalidBase64(source: source, detail: "Incorrect padding") }
        return out
    }

    private static func value(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(b - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(b - UInt8(ascii: "a") + 26)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0") + 52)
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
