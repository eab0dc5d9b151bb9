/// Python's text forms that papermill's translators build on: `str(float)`, `str(int)` and the
/// `unicode_escape` codec.
///
/// The float logic is a private copy of NotebookFormat's internal `PythonFloat.repr` (which spells
/// non-finite values as JSON tokens); it should become one shared public helper.
enum PythonText {
    /// `str(x)` / `repr(x)` of a Python float: shortest round-trip digits, exponent form below 1e-4
    /// and from 1e16, `nan`, `inf`, `-inf`.
    static func float(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (digits, point) = shortestDigits(abs(d))
        let sign = d < 0 ? "-" : ""
        // `point` is where the decimal point sits relative to the first digit (value = 0.digits × 10^point).
        if point > 16 || point < -3 {
            let exp = point - 1
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let e = abs(exp) < 10 ? "0\(abs(exp))" : "\(abs(exp))"
            return "\(sign)\(mantissa)e\(exp < 0 ? "-" : "+")\(e)"
        }
        if point <= 0 {
            return sign + "0." + String(repeating: "0", count: -point) + digits
        }
        if point >= digits.count {
            return sign + digits + String(repeating: "0", count: point - digits.count) + ".0"
        }
        let i = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<i] + "." + digits[i...]
    }

    /// Shortest round-trip digits of a positive finite value, without leading or trailing zeros.
    private static func shortestDigits(_ d: Double) -> (String, Int) {
        let text = d.description  // e.g. "1e-05", "123.456", "1.5e+16", "0.0001"
        var mantissa = Substring(text)
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exp = Int(text[text.index(after: e)...])!
        }
        let intPart: Substring
        let fracPart: Substring
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = mantissa[..<dot]
            fracPart = mantissa[mantissa.index(after: dot)...]
        } else {
            intPart = mantissa
            fracPart = ""
        }
        var all = String(intPart) + fracPart
        var point = intPart.count + exp
        while all.first == "0" {
            all.removeFirst()
            point -= 1
        }
        while all.last == "0" { all.removeLast() }
        return (all, point)
    }

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
