import Foundation

/// Reads the type of a default value written as a plain Python literal, for parameters that have
/// no annotation. Anything that is not obviously one literal (an expression, a call, a name) gets
/// no type rather than a guess.
enum LiteralTypeInference {
    private static let int = try! NSRegularExpression(pattern:
        #"^[-+]?(?:[1-9](?:_?[0-9])*|0(?:_?0)*|0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+)$"#)
    // A dot or an exponent is required: plain digits are ints (and `01` is no literal at all).
    private static let float = try! NSRegularExpression(pattern:
        #"^[-+]?(?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?|[0-9](?:_?[0-9])*\.(?:[eE][-+]?[0-9](?:_?[0-9])*)?|[0-9](?:_?[0-9])*[eE][-+]?[0-9](?:_?[0-9])*)$"#)
    private static let string = try! NSRegularExpression(pattern:
        #"^(?:[rRuUfF]|[rR][fF]|[fF][rR])?(?:'''[\s\S]*'''|"""[\s\S]*"""|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")$"#)

    /// `int`, `float`, `bool`, `str`, `NoneType`, `list`, `dict`, or nil.
    static func typeName(of text: String) -> String? {
        switch text {
        case "True", "False": return "bool"
        case "None": return "NoneType"
        default: break
        }
        if matches(int, text) { return "int" }
        if matches(float, text) { return "float" }
        if matches(string, text) { return "str" }
        if enclosed(text, open: "[", close: "]") { return "list" }
        if enclosed(text, open: "{", close: "}") {
            // `{}` and `{k: v}` are dicts; `{a, b}` is a set, which is not in the list.
            let inner = text.dropFirst().dropLast()
            if inner.allSatisfy(\.isWhitespace) || hasTopLevelColon(inner) { return "dict" }
        }
        return nil
    }

    private static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }

    /// True when the bracket opening the text is the one closing it (so `[1] + [2]` is not a list).
    private static func enclosed(_ text: String, open: Character, close: Character) -> Bool {
        guard text.first == open, text.last == close else { return false }
        let last = text.count - 1
        var closedEarly = false
        let balanced = scanOutsideStrings(text) { offset, c, depthAfter in
            if depthAfter == 0 && ")]}".contains(c) && offset != last { closedEarly = true }
            return !closedEarly
        }
        return balanced && !closedEarly
    }

    private static func hasTopLevelColon(_ inner: Substring) -> Bool {
        var found = false
        _ = scanOutsideStrings(inner) { _, c, depthAfter in
            if c == ":" && depthAfter == 0 { found = true }
            return !found
        }
        return found
    }

    /// Walks the characters outside Python string literals, tracking bracket depth; `visit` gets each
    /// one with the depth after it and returns false to stop. Returns whether the text ended balanced
    /// (depth 0, no open string).
    private static func scanOutsideStrings(_ text: some Collection<Character>,
                                           _ visit: (Int, Character, Int) -> Bool) -> Bool {
        var depth = 0
        var quote: Character?
        var escaped = false
        for (offset, c) in text.enumerated() {
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
                continue
            }
            switch c {
            case "'", "\"": quote = c
            case "[", "{", "(": depth += 1
            case "]", "}", ")": depth -= 1
            default: break
            }
            if !visit(offset, c, depth) { return false }
        }
        return depth == 0 && quote == nil
    }
}
