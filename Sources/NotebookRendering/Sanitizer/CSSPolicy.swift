/// Filters `style` attributes to declarations of presentational properties with plain values:
/// no `url(…)`, `expression(…)`, `@import`, escapes or comments, and nothing that can lift an
/// element out of its cell (`position`, `z-index`, …) to overlay the page.
enum CSSPolicy {
    static let properties: Set<String> = [
        "color", "background-color", "font-family", "font-size", "font-style", "font-weight", "font-variant",
        "text-align", "text-decoration", "text-transform", "text-indent", "vertical-align", "white-space",
        "line-height", "letter-spacing", "word-spacing", "word-break", "overflow-wrap",
        "border", "border-top", "border-right", "border-bottom", "border-left", "border-color", "border-style",
        "border-width", "border-collapse", "border-spacing", "border-radius",
        "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
        "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
        "width", "height", "max-width", "max-height", "min-width", "min-height",
        "display", "list-style-type", "caption-side", "empty-cells", "table-layout", "float", "clear",
    ]

    /// Functions allowed in values; everything else with a `(` is refused.
    static let functions = ["rgb(", "rgba(", "hsl(", "hsla(", "calc("]

    /// The kept declarations joined by `; `, or nil when none survive.
    static func filter(_ style: String) -> String? {
        var kept: [String] = []
        for declaration in style.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let name = declaration[..<colon].trimmingWhitespace().lowercased()
            let value = declaration[declaration.index(after: colon)...].trimmingWhitespace()
            guard properties.contains(name), isPlain(value) else { continue }
            kept.append("\(name): \(value)")
        }
        return kept.isEmpty ? nil : kept.joined(separator: "; ")
    }

    static func isPlain(_ value: String) -> Bool {
        guard !value.isEmpty else { return false }
        var lower = value.lowercased()
        for forbidden in ["\\", "/*", "*/", "<", ">", "@", "&", "expression", "url", "javascript", "behavior", "binding"]
        where lower.contains(forbidden) { return false }
        for f in functions { lower = lower.replacingOccurrences(of: f, with: "") }
        return !lower.contains("(") && !lower.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
