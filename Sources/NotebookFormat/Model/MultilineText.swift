/// nbformat stores long text as a list of lines on disk and as one string in memory.
/// These helpers reproduce `"".join(lines)` and Python's `str.splitlines(True)`.
enum MultilineText {
    /// Joins a list of strings; nil when the value is neither a string nor a list of strings.
    static func join(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): return s
        case .array(let items):
            var out = ""
            for item in items {
                guard case .string(let s) = item else { return nil }
                out += s
            }
            return out
        default: return nil
        }
    }

    /// Python's `str.splitlines(keepends=True)`: breaks after \n, \r, \r\n, \v, \f, \x1c–\x1e,
    /// U+0085, U+2028 and U+2029. Empty text gives an empty list.
    static func splitLines(_ s: String) -> [String] {
        var s = s
        return s.withUTF8 { b in
            var lines: [String] = []
            var start = 0
            var i = 0
            let n = b.count
            while i < n {
                var end = -1
                switch b[i] {
                case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E: end = i + 1
                case 0x0D: end = (i + 1 < n && b[i + 1] == 0x0A) ? i + 2 : i + 1
                case 0xC2 where i + 1 < n && b[i + 1] == 0x85: end = i + 2
                case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9): end = i + 3
                default: break
                }
                if end < 0 { i += 1; continue }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
                start = end
                i = end
            }
            if start < n { lines.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<n]), as: UTF8.self)) }
            return lines
        }
    }

    static func splitValue(_ s: String) -> JSONValue {
        .array(splitLines(s).map { .string($0) })
    }
}
