extension JSONParser {
    /// Parses a string starting at its opening quote. Runs without escapes are copied in one go,
    /// which is what keeps base64 images (most of a large notebook's bytes) cheap.
    mutating func string() throws(JSONParseError) -> String {
        let start = pos
        pos += 1
        var runStart = pos
        var out: [UInt8]? = nil
        if pos < bytes.count { pos = ByteScan.firstSpecial(bytes.baseAddress!, from: pos, to: bytes.count) }
        while true {
            guard pos < bytes.count else { throw fail("unterminated string starting", at: start) }
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<pos])
                pos += 1
                if var o = out {
                    o.append(contentsOf: run)
                    return String(decoding: o, as: UTF8.self)
                }
                return String(decoding: run, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                if out == nil { out = [] }
                out!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]))
                try escape(into: &out!)
                runStart = pos
                continue
            }
            if b < 0x20 { throw fail("invalid control character in string") }
            pos = ByteScan.firstSpecial(bytes.baseAddress!, from: pos + 1, to: bytes.count)
        }
    }

    private mutating func escape(into out: inout [UInt8]) throws(JSONParseError) {
        let at = pos
        pos += 1
        guard pos < bytes.count else { throw fail("unterminated string", at: at) }
        let c = bytes[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(c)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(at: at)
            if (0xD800...0xDBFF).contains(scalar), pos + 1 < bytes.count,
               bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") {
                let save = pos
                pos += 2
                let low = try hex4(at: save)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    pos = save
                }
            }
            // Python would keep a lone surrogate, but could not write it back as UTF-8 either.
            guard let u = Unicode.Scalar(scalar) else {
                throw fail("lone surrogate \\u\(String(scalar, radix: 16)) in string", at: at)
            }
            out.append(contentsOf: UTF8.encode(u)!)
        default:
            throw fail("invalid \\escape", at: at)
        }
    }

    private mutating func hex4(at escapeStart: Int) throws(JSONParseError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw fail("invalid \\uXXXX escape", at: escapeStart) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let h = bytes[pos]
            let d: UInt8
            switch h {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = h - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = h - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = h - UInt8(ascii: "A") + 10
            default: throw fail("invalid \\uXXXX escape", at: escapeStart)
            }
            v = v << 4 | UInt32(d)
            pos += 1
        }
        return v
    }

    mutating func number() throws(JSONParseError) -> JSONValue {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("expecting a value", at: start) }
        // A leading zero ends the integer part, as in Python: "01" fails as extra data.
        if bytes[pos] == UInt8(ascii: "0") { pos += 1 } else { while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 } }
        var isFloat = false
        if pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "."), isDigit(bytes[pos + 1]) {
            isFloat = true
            pos += 1
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] | 0x20 == UInt8(ascii: "e") {
            var q = pos + 1
            if q < bytes.count, bytes[q] == UInt8(ascii: "+") || bytes[q] == UInt8(ascii: "-") { q += 1 }
            if q < bytes.count, isDigit(bytes[q]) {
                isFloat = true
                pos = q
                while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        if isFloat {
            guard let d = Double(text) else { throw fail("invalid number", at: start) }
            return .double(d)
        }
        if let i = Int(text) { return .int(i) }
        // Python's int() has no size limit; keep the digits, minus any "-0…" sign noise.
        return .bigInt(text)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
