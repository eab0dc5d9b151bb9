/// A tokenizer that follows the HTML5 tokenizer's rules where they decide what is a tag and where
/// an attribute ends (`/` separates attributes, unquoted values end at whitespace or `>`, `</ x>`
/// is a bogus comment), so a tag the sanitiser drops is never one a browser would still see.
/// It only needs to agree with browsers on input; the sanitiser re-serialises everything it keeps.
struct HTMLTokenizer {
    let b: [UInt8]
    private(set) var pos = 0

    init(_ html: String) {
        // NUL never reaches a browser's tag-name or attribute state as itself; U+FFFD is what
        // the HTML parser substitutes.
        b = Array(html.utf8.contains(0) ? html.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}").utf8 : html.utf8)
    }

    var atEnd: Bool { pos >= b.count }

    mutating func next() -> HTMLToken? {
        guard pos < b.count else { return nil }
        if b[pos] == UInt8(ascii: "<"), pos + 1 < b.count {
            let c = b[pos + 1]
            if isAlpha(c) { return startTag() }
            if c == UInt8(ascii: "/") { return endTag() }
            if c == UInt8(ascii: "!") { return markupDeclaration() }
            if c == UInt8(ascii: "?") { skipPast(UInt8(ascii: ">")); return .ignored }
        }
        let start = pos
        pos += 1
        while pos < b.count, b[pos] != UInt8(ascii: "<") { pos += 1 }
        return .text(start..<pos)
    }

    /// Skips the content of a raw-text element (`<script>`, `<style>`, …) up to and including its
    /// end tag, which is the only thing that ends it in a browser.
    mutating func skipRawText(until name: String) {
        let target = Array(name.utf8)
        while pos < b.count {
            guard b[pos] == UInt8(ascii: "<"), pos + 1 < b.count, b[pos + 1] == UInt8(ascii: "/") else { pos += 1; continue }
            let nameStart = pos + 2
            let nameEnd = nameStart + target.count
            if nameEnd <= b.count, zip(b[nameStart..<nameEnd], target).allSatisfy({ lower($0) == $1 }),
               nameEnd == b.count || isSpace(b[nameEnd]) || b[nameEnd] == UInt8(ascii: "/") || b[nameEnd] == UInt8(ascii: ">") {
                pos = nameStart
                _ = endTag(nameAt: nameStart)
                return
            }
            pos += 1
        }
    }

    mutating func skipToEnd() { pos = b.count }

    // MARK: - tags

    private mutating func startTag() -> HTMLToken {
        pos += 1
        let name = readTagName()
        var attributes: [(name: String, value: String)] = []
        var selfClosing = false
        while pos < b.count {
            let c = b[pos]
            if isSpace(c) { pos += 1; continue }
            if c == UInt8(ascii: ">") { pos += 1; return .startTag(name: name, attributes: attributes, selfClosing: selfClosing) }
            if c == UInt8(ascii: "/") {
                pos += 1
                selfClosing = pos < b.count && b[pos] == UInt8(ascii: ">")
                continue
            }
            selfClosing = false
            let (attrName, value) = readAttribute()
            if !attributes.contains(where: { $0.name == attrName }) { attributes.append((attrName, value)) }
        }
        // A tag cut off by the end of input is dropped by browsers too.
        return .ignored
    }

    private mutating func endTag() -> HTMLToken {
        endTag(nameAt: pos + 2)
    }

    private mutating func endTag(nameAt start: Int) -> HTMLToken {
        pos = start
        guard pos < b.count else { return .ignored }
        if b[pos] == UInt8(ascii: ">") { pos += 1; return .ignored }
        guard isAlpha(b[pos]) else { skipPast(UInt8(ascii: ">")); return .ignored }
        let name = readTagName()
        // Attributes on end tags are parsed (so a `>` inside quotes does not end the tag) and ignored.
        while pos < b.count {
            let c = b[pos]
            if c == UInt8(ascii: ">") { pos += 1; return .endTag(name: name) }
            if isSpace(c) || c == UInt8(ascii: "/") { pos += 1; continue }
            _ = readAttribute()
        }
        return .ignored
    }

    private mutating func readTagName() -> String {
        let start = pos
        while pos < b.count, !isSpace(b[pos]), b[pos] != UInt8(ascii: "/"), b[pos] != UInt8(ascii: ">") { pos += 1 }
        return String(decoding: b[start..<pos].map(lower), as: UTF8.self)
    }

    private mutating func readAttribute() -> (String, String) {
        let start = pos
        // The first character may be `=`, as in the HTML tokenizer.
        pos += 1
        while pos < b.count, !isSpace(b[pos]), b[pos] != UInt8(ascii: "/"), b[pos] != UInt8(ascii: ">"), b[pos] != UInt8(ascii: "=") { pos += 1 }
        let name = String(decoding: b[start..<pos].map(lower), as: UTF8.self)
        while pos < b.count, isSpace(b[pos]) { pos += 1 }
        guard pos < b.count, b[pos] == UInt8(ascii: "=") else { return (name, "") }
        pos += 1
        while pos < b.count, isSpace(b[pos]) { pos += 1 }
        guard pos < b.count else { return (name, "") }
        let q = b[pos]
        let valueStart: Int, valueEnd: Int
        if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
            valueStart = pos + 1
            pos = valueStart
            while pos < b.count, b[pos] != q { pos += 1 }
            valueEnd = pos
            if pos < b.count { pos += 1 }
        } else {
            valueStart = pos
            while pos < b.count, !isSpace(b[pos]), b[pos] != UInt8(ascii: ">") { pos += 1 }
            valueEnd = pos
        }
        return (name, CharacterReferences.decode(b[valueStart..<valueEnd]))
    }

    // MARK: - comments and declarations

    private mutating func markupDeclaration() -> HTMLToken {
        if starts(with: "<!--") {
            pos += 4
            // `<!-->` and `<!--->` close at once.
            if starts(with: ">") { pos += 1; return .ignored }
            if starts(with: "->") { pos += 2; return .ignored }
            while pos < b.count {
                if starts(with: "-->") { pos += 3; return .ignored }
                if starts(with: "--!>") { pos += 4; return .ignored }
                pos += 1
            }
            return .ignored
        }
        skipPast(UInt8(ascii: ">"))
        return .ignored
    }

    private func starts(with s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard pos + n <= b.count else { return false }
        return s.withUTF8Buffer { p in (0..<n).allSatisfy { b[pos + $0] == p[$0] } }
    }

    private mutating func skipPast(_ c: UInt8) {
        while pos < b.count, b[pos] != c { pos += 1 }
        pos = min(pos + 1, b.count)
    }

    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
    func isAlpha(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
    func lower(_ c: UInt8) -> UInt8 { (0x41...0x5A).contains(c) ? c | 0x20 : c }
}
