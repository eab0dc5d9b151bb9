/// Decodes character references in attribute values, so URL and style checks see what a browser
/// would see (`&#106;avascript:` is `javascript:`). Named references outside the small set below
/// stay as written; the sanitiser escapes their `&` when it re-serialises, so a browser then shows
/// them literally instead of decoding something the checks never saw.
enum CharacterReferences {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "Tab": "\t", "NewLine": "\n", "colon": ":", "sol": "/", "lpar": "(", "rpar": ")",
        "period": ".", "comma": ",", "excl": "!", "num": "#", "semi": ";", "equals": "=",
        "quest": "?", "bsol": "\\", "percnt": "%", "commat": "@", "plus": "+", "lowbar": "_",
        "dollar": "$", "ast": "*", "lsqb": "[", "rsqb": "]", "lcub": "{", "rcub": "}",
    ]

    static func decode(_ s: ArraySlice<UInt8>) -> String {
        guard s.contains(UInt8(ascii: "&")) else { return String(decoding: s, as: UTF8.self) }
        var out = ""
        var i = s.startIndex
        var runStart = i
        while i < s.endIndex {
            guard s[i] == UInt8(ascii: "&"), let (text, end) = reference(s, at: i) else { i += 1; continue }
            out += String(decoding: s[runStart..<i], as: UTF8.self)
            out += text
            i = end
            runStart = i
        }
        out += String(decoding: s[runStart..<s.endIndex], as: UTF8.self)
        return out
    }

    private static func reference(_ s: ArraySlice<UInt8>, at amp: Int) -> (String, Int)? {
        var i = amp + 1
        guard i < s.endIndex else { return nil }
        if s[i] == UInt8(ascii: "#") {
            i += 1
            let hex = i < s.endIndex && (s[i] | 0x20) == UInt8(ascii: "x")
            if hex { i += 1 }
            let digitsStart = i
            var value: UInt32 = 0
            while i < s.endIndex, let d = digit(s[i], hex: hex) {
                value = min(value &* (hex ? 16 : 10) &+ d, 0x110000)
                i += 1
            }
            guard i > digitsStart else { return nil }
            if i < s.endIndex, s[i] == UInt8(ascii: ";") { i += 1 }
            // NUL, surrogates and out-of-range values become U+FFFD, as browsers decode them.
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (String(Character(scalar ?? "\u{FFFD}")), i)
        }
        let nameStart = i
        while i < s.endIndex, i - nameStart < 32, isAlnum(s[i]) { i += 1 }
        guard i < s.endIndex, s[i] == UInt8(ascii: ";"), i > nameStart else {
            // The legacy references browsers accept without a semicolon.
            let name = String(decoding: s[nameStart..<i], as: UTF8.self)
            if ["amp", "lt", "gt", "quot", "nbsp"].contains(name), let t = named[name] { return (t, i) }
            return nil
        }
        guard let text = named[String(decoding: s[nameStart..<i], as: UTF8.self)] else { return nil }
        return (text, i + 1)
    }

    private static func digit(_ c: UInt8, hex: Bool) -> UInt32? {
        switch c {
        case 0x30...0x39: UInt32(c - 0x30)
        case 0x61...0x66 where hex: UInt32(c - 0x61 + 10)
        case 0x41...0x46 where hex: UInt32(c - 0x41 + 10)
        default: nil
        }
    }

    private static func isAlnum(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
    }
}
