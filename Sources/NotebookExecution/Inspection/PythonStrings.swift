/// Python's `str.splitlines()` and `str.strip()`, which split and trim on more characters than
/// Swift's newline and whitespace notions.
enum PythonStrings {
    /// Line boundaries of `str.splitlines`: \n, \r, \r\n, \v, \f, \x1c–\x1e, \x85, U+2028, U+2029.
    static func isLineBoundary(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `str.splitlines()` without the line ends.
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            if s == "\n" && previousCR { previousCR = false; continue }
            previousCR = s == "\r"
            if isLineBoundary(s) {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// `str.isspace` for one character: Unicode White_Space plus the ASCII separators \x1c–\x1f.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || (0x1C...0x1F).contains(s.value)
    }

    /// `str.strip()`.
    static func strip(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }
}
