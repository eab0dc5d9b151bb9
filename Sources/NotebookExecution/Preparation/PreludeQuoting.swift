/// String literals for prelude code where the translators' quoting is not safe enough.
///
/// Python reuses `PythonTranslator.string` (pure ASCII escapes, exact for every code point). bash
/// and R need their own: bash_kernel types code into bash through a terminal, where a literal tab
/// triggers completion, control characters edit the line, `!` expands history and U+2028 splits
/// the line (so `shlex`-style quoting, which keeps such characters literal, would corrupt values);
/// and R reads `\xNN` as a raw byte, not as the code point papermill's escaping means by it.
enum PreludeQuoting {
    /// `$'…'` with every byte outside printable ASCII, and `'`, `\` and `!`, as `\xHH`: the line
    /// holds only harmless characters, and bash rebuilds the exact UTF-8 bytes.
    static func bashANSIC(_ s: String) -> String {
        var out = "$'"
        for byte in s.utf8 {
            let special = byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "!")
            if byte >= 0x20, byte < 0x7F, !special {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "\\x" + hex(UInt32(byte), width: 2)
            }
        }
        return out + "'"
    }

    /// A double-quoted R string: `\\`, `\"`, control characters as `\xHH` (ASCII, so exact), and
    /// everything beyond ASCII as `\u{…}` / `\U{…}` code points.
    static func rString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x5C: out += "\\\\"
            case 0x22: out += "\\\""
            case 0x20..<0x7F: out.unicodeScalars.append(scalar)
            case 0..<0x80: out += "\\x" + hex(v, width: 2)
            case 0x80..<0x10000: out += "\\u{" + hex(v, width: 4) + "}"
            default: out += "\\U{" + hex(v, width: 8) + "}"
            }
        }
        return out + "\""
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
