/// Turns ANSI SGR escape sequences (colours, bold, italic, underline, inverse) into
/// `<span class="ansi-…">` elements with the class names nbconvert's `ansi2html` uses, so
/// stylesheets written for nbconvert output apply. Other escape sequences are dropped.
enum ANSIConverter {
    /// The 16 named colours, indexed by SGR code offset (0–7 normal, 8–15 intense).
    static let colorNames = [
        "ansi-black", "ansi-red", "ansi-green", "ansi-yellow", "ansi-blue", "ansi-magenta", "ansi-cyan", "ansi-white",
        "ansi-black-intense", "ansi-red-intense", "ansi-green-intense", "ansi-yellow-intense",
        "ansi-blue-intense", "ansi-magenta-intense", "ansi-cyan-intense", "ansi-white-intense",
    ]

    /// Appends `text` to `out` as escaped HTML with styled spans.
    static func append(_ text: String, to out: inout HTMLBuffer) {
        var text = text
        text.withUTF8 { convert($0, into: &out) }
    }

    static func html(_ text: String) -> String {
        var out = HTMLBuffer(capacity: text.utf8.count + 64)
        append(text, to: &out)
        return out.string
    }

    /// Removes every escape sequence, for places that show plain text (titles, summaries).
    static func strip(_ text: String) -> String {
        guard text.utf8.contains(0x1B) else { return text }
        var out: [UInt8] = []
        var text = text
        text.withUTF8 { b in
            var i = 0
            while i < b.count {
                if let seq = sequence(at: i, in: b) { i = seq.end; continue }
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func convert(_ b: UnsafeBufferPointer<UInt8>, into out: inout HTMLBuffer) {
        var style = SGRState()
        var chunkStart = 0
        var i = 0
        func flush(_ end: Int) {
            guard chunkStart < end else { return }
            let open = style.openTag()
            if let open { out.raw(open) }
            out.escape(bytes: UnsafeBufferPointer(rebasing: b[chunkStart..<end]))
            if open != nil { out.raw("</span>") }
        }
        while i < b.count {
            guard b[i] == 0x1B, let seq = sequence(at: i, in: b) else { i += 1; continue }
            flush(i)
            if seq.final == UInt8(ascii: "m"), let codes = parameters(b, seq.params) { style.apply(codes) }
            i = seq.end
            chunkStart = i
        }
        flush(b.count)
    }

    /// `ESC [ params final`: params run up to the first byte in 0x40–0x7E, on the same line.
    private static func sequence(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> (params: Range<Int>, final: UInt8, end: Int)? {
        guard b[i] == 0x1B, i + 1 < b.count, b[i + 1] == UInt8(ascii: "[") else { return nil }
        var j = i + 2
        while j < b.count {
            let c = b[j]
            if c == 0x0A { return nil }
            if (0x40...0x7E).contains(c) { return (i + 2..<j, c, j + 1) }
            j += 1
        }
        return nil
    }

    /// `1;31` → [1, 31]; an empty field counts as 0. Anything but digits makes the sequence void.
    private static func parameters(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> [Int]? {
        var codes: [Int] = []
        var current = 0
        for k in r {
            let c = b[k]
            if c == UInt8(ascii: ";") {
                codes.append(current)
                current = 0
            } else if (0x30...0x39).contains(c) {
                current = min(current * 10 + Int(c - 0x30), 1_000_000)
            } else {
                return nil
            }
        }
        codes.append(current)
        return codes
    }
}
