import NotebookFormat

/// Python's text forms that papermill's translators build on: `str(float)`, `str(int)` and the
/// `unicode_escape` codec.
enum PythonText {
    /// `str(x)` / `repr(x)` of a Python float: shortest round-trip digits, exponent form below 1e-4
    /// and from 1e16, `nan`, `inf`, `-inf`.
    static func float(_ d: Double) -> String { PythonFloat.repr(d) }

    /// `s.encode('unicode_escape').decode()`: backslash doubled, `\t \n \r`, other controls and
    /// U+007F–U+00FF as `\xNN`, the rest of the BMP beyond ASCII as `\uNNNN`, astral as `\UNNNNNNNN`.
    /// Quotes are left alone; each translator escapes its own quote character afterwards.
    static func unicodeEscape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x5C: out += "\\\\"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x20..<0x7F: out.unicodeScalars.append(scalar)
            case 0..<0x100: out += "\\x" + hex(v, width: 2)
            case 0x100..<0x10000: out += "\\u" + hex(v, width: 4)
            default: out += "\\U" + hex(v, width: 8)
            }
        }
        return out
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: width - digits.count) + digits
    }

    /// `shlex.quote`: bare when only `[A-Za-z0-9_@%+=:,./-]`, else single-quoted with `'` → `'"'"'`.
    static func shellQuote(_ s: String) -> String {
        if s.isEmpty { return "''" }
        let safe = s.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || "_@%+=:,./-".utf8.contains(b)
        }
        if safe { return s }
        return "'" + s.replacing(scalar: "'", with: "'\"'\"'") + "'"
    }
}

extension String {
    /// Replaces one Unicode scalar, as Python's `str.replace` works on code points (a Swift `Character`
    /// would glue a quote to a following combining mark and miss it).
    func replacing(scalar target: Unicode.Scalar, with replacement: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
