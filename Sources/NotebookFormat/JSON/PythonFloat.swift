/// Formats a Double exactly as Python's `repr(float)` / `str(float)` does (`nan`, `inf` included);
/// `json.dumps` uses the same digits, spelling the non-finite values `NaN` and `Infinity`.
///
/// Both languages print the shortest digit string that round-trips; they differ only in layout.
/// Python switches to exponent notation when the decimal exponent is below -4 or above 16.
public enum PythonFloat {
    public static func repr(_ d: Double) -> String {
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

    /// `json.dumps` of a float.
    static func json(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return repr(d)
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
}
