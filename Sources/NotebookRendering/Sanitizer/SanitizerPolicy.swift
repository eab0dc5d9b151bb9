/// The allow-list: which elements and attributes survive, and which elements go with their content.
enum SanitizerPolicy {
    /// Elements kept (with filtered attributes).
    static let elements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre",
        "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr",
        "section", "article", "aside", "header", "footer",
    ]

    /// Elements without content or end tag.
    static let void: Set<String> = ["br", "col", "hr", "img", "input", "wbr"]

    /// Browsers read these as raw text up to their end tag; they go, content included.
    static let rawText: Set<String> = [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    ]

    /// Dropped with everything inside: active content, foreign markup (SVG and MathML reparse
    /// their content by other rules) and page-level elements.
    static let droppedWithContent: Set<String> = [
        "object", "applet", "template", "select", "svg", "math", "frameset", "head", "audio", "video", "canvas",
        "map", "datalist", "dialog",
    ]

    /// Attributes allowed on every kept element (`style` and `id` are rewritten, see the sanitiser).
    static let globalAttributes: Set<String> = ["title", "lang", "dir", "align", "valign", "style", "id", "class"]

    static let elementAttributes: [String: Set<String>] = [
        "a": ["href"],
        "img": ["src", "alt", "width", "height"],
        "td": ["colspan", "rowspan", "width", "height", "scope"],
        "th": ["colspan", "rowspan", "width", "height", "scope", "abbr"],
        "table": ["border", "width", "cellpadding", "cellspacing", "summary"],
        "col": ["span", "width"], "colgroup": ["span", "width"],
        "ol": ["start", "type", "reversed"], "ul": ["type"], "li": ["value"],
        "input": ["type", "checked", "disabled"],
        "details": ["open"],
        "font": ["color", "face", "size"],
        "time": ["datetime"],
    ]

    /// Attributes whose value must look like a number or length (`50`, `50%`, `12px`).
    static let dimensional: Set<String> = [
        "width", "height", "colspan", "rowspan", "span", "start", "value", "border", "cellpadding", "cellspacing", "size",
    ]

    static func allows(_ attribute: String, on element: String) -> Bool {
        globalAttributes.contains(attribute) || elementAttributes[element]?.contains(attribute) == true
    }

    static func isDimension(_ v: String) -> Bool {
        !v.isEmpty && v.count <= 16 && v.unicodeScalars.allSatisfy {
            ("0"..."9").contains($0) || $0 == "." || $0 == "%" || $0 == "-" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == " "
        } && v.unicodeScalars.first.map { ("0"..."9").contains($0) || $0 == "-" || $0 == "." } == true
    }

    /// `class` keeps only tokens that mark code languages (`language-python`), which highlighters
    /// read; anything else could borrow the page's own classes to imitate its interface.
    static func classTokens(_ v: String) -> String? {
        let kept = v.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).filter { token in
            token.hasPrefix("language-") && token.count <= 64
                && token.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_+#.".unicodeScalars.contains($0) }
        }
        return kept.isEmpty ? nil : kept.joined(separator: " ")
    }
}
