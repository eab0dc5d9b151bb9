/// Keeps TeX math away from the markdown parser so KaTeX or MathJax receive it as written:
/// `$a*b*c$` must not turn into emphasis, nor `\\` into a line break.
///
/// Each `$…$`, `$$…$$`, `\(…\)`, `\[…\]` and `\begin{env}…\end{env}` outside code is replaced by a
/// placeholder of private-use characters before cmark runs and put back (HTML-escaped) afterwards.
struct MathProtector {
    private(set) var spans: [String] = []

    static let mark: Character = "\u{F8FF}"

    /// The markdown with math replaced by placeholders.
    mutating func protect(_ markdown: String) -> String {
        guard markdown.contains(where: { $0 == "$" || $0 == "\\" }) else { return markdown }
        let s = Array(markdown)
        var out = ""
        out.reserveCapacity(markdown.utf8.count)
        var i = 0
        var atLineStart = true
        while i < s.count {
            if atLineStart, let end = fencedBlockEnd(s, from: i) {
                out += String(s[i..<end])
                i = end
                continue
            }
            let c = s[i]
            atLineStart = c == "\n"
            if c == "`" {
                let end = codeSpanEnd(s, from: i)
                out += String(s[i..<end])
                i = end
                continue
            }
            if let (end, math) = mathSpan(s, from: i) {
                out.append(Self.mark)
                out += String(spans.count)
                out.append(Self.mark)
                spans.append(math)
                i = end
                continue
            }
            // An escaped dollar stays escaped for cmark; it is not a delimiter.
            if c == "\\", i + 1 < s.count, s[i + 1] == "$" {
                out += "\\$"
                i += 2
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// Puts the math back into rendered HTML, escaped for text and attribute positions alike.
    func restore(_ html: String) -> String {
        guard !spans.isEmpty else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = Substring(html)
        while let open = rest.firstIndex(of: Self.mark) {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: Self.mark), let n = Int(rest[afterOpen..<close]), spans.indices.contains(n) {
                out += HTMLEscape.attribute(spans[n])
                rest = rest[rest.index(after: close)...]
            } else {
                out.append(Self.mark)
                rest = rest[afterOpen...]
            }
        }
        out += rest
        return out
    }

    // MARK: - scanning

    private func mathSpan(_ s: [Character], from i: Int) -> (Int, String)? {
        let c = s[i]
        if c == "$" {
            let display = i + 1 < s.count && s[i + 1] == "$"
            let delimiter = display ? "$$" : "$"
            let start = i + delimiter.count
            guard let close = find(Array(delimiter), in: s, from: start, stopAtBlankLine: !display), close > start else { return nil }
            // `$5 and $6` is money, not math: inline math may not start or end with a space.
            if !display, s[start].isWhitespace || s[close - 1].isWhitespace { return nil }
            let end = close + delimiter.count
            return (end, String(s[i..<end]))
        }
        guard c == "\\", i + 1 < s.count else { return nil }
        let closer: [Character]
        switch s[i + 1] {
        case "(": closer = ["\\", ")"]
        case "[": closer = ["\\", "]"]
        case "b":
            let prefix = Array("\\begin{")
            guard i + prefix.count < s.count, Array(s[i..<i + prefix.count]) == prefix,
                  let brace = s[(i + prefix.count)...].firstIndex(of: "}") else { return nil }
            let env = s[(i + prefix.count)..<brace]
            guard !env.isEmpty, env.allSatisfy({ $0.isLetter || $0 == "*" }) else { return nil }
            closer = Array("\\end{" + String(env) + "}")
        default: return nil
        }
        guard let close = find(closer, in: s, from: i + 2, stopAtBlankLine: false) else { return nil }
        let end = close + closer.count
        return (end, String(s[i..<end]))
    }

    /// Index of the next unescaped `needle`, or nil (also at a blank line when asked).
    private func find(_ needle: [Character], in s: [Character], from start: Int, stopAtBlankLine: Bool) -> Int? {
        var j = start
        while j + needle.count <= s.count {
            if s[j] == "\\", needle[0] != "\\" { j += 2; continue }
            if stopAtBlankLine, s[j] == "\n", j + 1 < s.count, s[j + 1] == "\n" { return nil }
            if Array(s[j..<j + needle.count]) == needle { return j }
            j += 1
        }
        return nil
    }

    /// A code span runs to the next backtick run of the same length; without one the backticks are literal.
    private func codeSpanEnd(_ s: [Character], from i: Int) -> Int {
        var n = 0
        while i + n < s.count, s[i + n] == "`" { n += 1 }
        var j = i + n
        while j < s.count {
            guard s[j] == "`" else { j += 1; continue }
            var m = 0
            while j + m < s.count, s[j + m] == "`" { m += 1 }
            if m == n { return j + m }
            j += m
        }
        return i + n
    }

    /// A fenced code block starting at this line (up to three spaces, then ``` or ~~~) runs to its
    /// closing fence or the end of the cell.
    private func fencedBlockEnd(_ s: [Character], from i: Int) -> Int? {
        var j = i
        while j < s.count, j - i < 3, s[j] == " " { j += 1 }
        guard j < s.count, s[j] == "`" || s[j] == "~" else { return nil }
        let fence = s[j]
        var n = 0
        while j + n < s.count, s[j + n] == fence { n += 1 }
        guard n >= 3 else { return nil }
        var line = j + n
        while line < s.count, s[line] != "\n" { line += 1 }
        while line < s.count {
            line += 1
            var k = line
            while k < s.count, k - line < 3, s[k] == " " { k += 1 }
            var m = 0
            while k + m < s.count, s[k + m] == fence { m += 1 }
            var eol = k + m
            while eol < s.count, s[eol] != "\n" { eol += 1 }
            if m >= n, s[(k + m)..<eol].allSatisfy({ $0 == " " || $0 == "\t" }) { return eol }
            line = eol
        }
        return s.count
    }
}
