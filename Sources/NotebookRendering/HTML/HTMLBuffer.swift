/// An append-only UTF-8 buffer for building HTML. Escaping scans bytes and copies unescaped runs
/// whole, which keeps multi-megabyte outputs (tables, base64 images) cheap to render.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// Markup the renderer itself wrote; never user content.
    mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Text content: `<`, `>` and `&` become entities.
    mutating func text(_ s: String) { escape(s, quotes: false) }

    /// A double-quoted attribute value: also `"` and `'` become entities.
    mutating func attribute(_ s: String) { escape(s, quotes: true) }

    private mutating func escape(_ s: String, quotes: Bool) {
        var s = s
        s.withUTF8 { escape(bytes: $0, quotes: quotes) }
    }

    /// Escapes UTF-8 bytes as text (or as an attribute value with `quotes`).
    /// `ampersands: false` keeps `&` for text that already holds character references
    /// (sanitised HTML), where only `<` and `>` can change the structure.
    mutating func escape(bytes src: UnsafeBufferPointer<UInt8>, quotes: Bool = false, ampersands: Bool = true) {
        guard let base = src.baseAddress else { return }
        let n = src.count
        var start = 0
        var i = 0
        while i < n {
            // Eight bytes at a time while none of them needs escaping: outputs are mostly plain.
            while i + 8 <= n, !Self.hasSpecial(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self), quotes: quotes, ampersands: ampersands) { i += 8 }
            guard i < n else { break }
            let entity: StaticString
            switch base[i] {
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "&") where ampersands: entity = "&amp;"
            case UInt8(ascii: "\"") where quotes: entity = "&quot;"
            case UInt8(ascii: "'") where quotes: entity = "&#39;"
            default: i += 1; continue
            }
            if start < i { bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i - start)) }
            entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
            i += 1
            start = i
        }
        if start < n { bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: n - start)) }
    }

    /// Whether any byte of `w` is `<`, `>`, `&` (or `"`, `'`): the classic has-zero-byte test on
    /// `w` XOR each character repeated.
    @inline(__always)
    static func hasSpecial(_ w: UInt64, quotes: Bool, ampersands: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func has(_ c: UInt8) -> UInt64 {
            let v = w ^ (ones &* UInt64(c))
            return (v &- ones) & ~v & highs
        }
        var found = has(0x3C) | has(0x3E)
        if ampersands { found |= has(0x26) }
        if quotes { found |= has(0x22) | has(0x27) }
        return found != 0
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// One-shot escaping for short strings.
enum HTMLEscape {
    static func text(_ s: String) -> String {
        var b = HTMLBuffer(capacity: s.utf8.count + 16)
        b.text(s)
        return b.string
    }

    static func attribute(_ s: String) -> String {
        var b = HTMLBuffer(capacity: s.utf8.count + 16)
        b.attribute(s)
        return b.string
    }
}
