import NotebookFormat

/// What Python's `int(str)` and `float(str)` accept, which is what papermill's `-p` coercion tries.
///
/// Python first maps every Unicode decimal digit to ASCII and every non-ASCII space to ' ', then
/// strips ASCII whitespace, then parses with underscores allowed only between digits.
enum PythonNumberSyntax {
    /// CPython refuses to convert decimal strings longer than this (`sys.int_info.str_digits_check_threshold`
    /// default), so such a `-p` value falls through to `float()`.
    static let maxIntDigits = 4300

    /// The value `int(text)` returns, or nil where it raises `ValueError`.
    static func int(_ text: String) -> JSONValue? {
        guard var body = normalized(text) else { return nil }
        var negative = false
        if let first = body.first, first == 43 || first == 45 {
            negative = first == 45
            body.removeFirst()
        }
        guard let digits = digitsWithUnderscores(body) else { return nil }
        guard digits.count <= maxIntDigits else { return nil }
        var n = BigInteger.from(digits: digits.map { UInt64($0 - 48) }, radix: 10)
        n.negative = negative
        return n.jsonValue
    }

    /// The value `float(text)` returns, or nil where it raises `ValueError`.
    static func float(_ text: String) -> Double? {
        guard var body = normalized(text) else { return nil }
        var sign = 1.0
        if let first = body.first, first == 43 || first == 45 {
            if first == 45 { sign = -1 }
            body.removeFirst()
        }
        switch String(decoding: body, as: UTF8.self).lowercased() {
        case "inf", "infinity": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        // digits [. digits] [e [sign] digits], with at least one mantissa digit; `_` only between digits.
        var i = 0
        var mantissaDigits = 0
        var cleaned: [UInt8] = []
        func digitRun() -> Bool {
            var count = 0
            while i < body.count {
                if body[i] >= 48 && body[i] <= 57 {
                    cleaned.append(body[i]); count += 1; i += 1
                } else if body[i] == 95, count > 0, i + 1 < body.count, body[i + 1] >= 48 && body[i + 1] <= 57 {
                    i += 1
                } else { break }
            }
            mantissaDigits += count
            return count > 0
        }
        _ = digitRun()
        if i < body.count && body[i] == 46 {
            cleaned.append(46); i += 1
            _ = digitRun()
        }
        guard mantissaDigits > 0 else { return nil }
        if i < body.count && (body[i] == 101 || body[i] == 69) {
            cleaned.append(101); i += 1
            if i < body.count && (body[i] == 43 || body[i] == 45) { cleaned.append(body[i]); i += 1 }
            guard digitRun() else { return nil }
        }
        guard i == body.count, let value = Double(String(decoding: cleaned, as: UTF8.self)) else { return nil }
        return sign * value
    }

    /// ASCII bytes after Python's digit/space transformation and whitespace strip; nil when a
    /// character can never be part of a number.
    private static func normalized(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if scalar.properties.isWhitespace {
                bytes.append(32)
            } else if scalar.properties.numericType == .decimal, let v = scalar.properties.numericValue {
                bytes.append(48 + UInt8(v))
            } else {
                return nil
            }
        }
        let isSpace: (UInt8) -> Bool = { $0 == 32 || ($0 >= 9 && $0 <= 13) }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }),
              let end = bytes.lastIndex(where: { !isSpace($0) }) else { return nil }
        return Array(bytes[start...end])
    }

    /// ASCII digits of `body` when it is digits separated by single underscores, else nil.
    private static func digitsWithUnderscores(_ body: [UInt8]) -> [UInt8]? {
        var digits: [UInt8] = []
        var previousWasDigit = false
        for (k, b) in body.enumerated() {
            if b >= 48 && b <= 57 {
                digits.append(b); previousWasDigit = true
            } else if b == 95, previousWasDigit, k + 1 < body.count {
                previousWasDigit = false
            } else {
                return nil
            }
        }
        return previousWasDigit ? digits : nil
    }
}
