/// Allow-list HTML sanitiser for markdown cells and other HTML shown in the page itself.
///
/// The input is tokenized as a browser would and only allowed elements and attributes are written
/// back out, re-serialised: attributes double-quoted and escaped, text escaped, every element the
/// fragment opens closed at its end. So nothing executable survives (`<script>`, event handlers,
/// `javascript:` and `data:text/html` URLs, `<iframe>`, `<object>`, `<embed>`, `<base>`, `<form>`,
/// `<meta>`, `<link>`, `<style>`), and one fragment cannot leak markup into the rest of the page.
public enum HTMLSanitizer {
    /// Sanitises an HTML fragment. Element ids are prefixed with `user-content-` (and fragment
    /// links `#x` rewritten to match), so user markup cannot clobber the page's own ids.
    public static func sanitize(_ html: String) -> String {
        sanitize(html, idPrefix: "user-content-")
    }

    /// `rewriteURL` sees every `href` and `src` (decoded) before the URL policy does, and may
    /// replace it: the renderer resolves `attachment:` URLs this way.
    static func sanitize(_ html: String, idPrefix: String, rewriteURL: ((String) -> String?)? = nil) -> String {
        var tokens = HTMLTokenizer(html)
        var out = HTMLBuffer(capacity: html.utf8.count + 64)
        var open: [String] = []
        var dropping: [String] = []
        while let token = tokens.next() {
            switch token {
            case .ignored:
                continue
            case .text(let range):
                guard dropping.isEmpty else { continue }
                tokens.b.withUnsafeBufferPointer { out.escape(bytes: UnsafeBufferPointer(rebasing: $0[range]), ampersands: false) }
            case .startTag(let name, let attributes, let selfClosing):
                if SanitizerPolicy.rawText.contains(name) { tokens.skipRawText(until: name); continue }
                if name == "plaintext" { tokens.skipToEnd(); continue }
                if SanitizerPolicy.droppedWithContent.contains(name) {
                    if !selfClosing { dropping.append(name) }
                    continue
                }
                guard dropping.isEmpty, SanitizerPolicy.elements.contains(name),
                      let attrs = filter(attributes, of: name, idPrefix: idPrefix, rewriteURL: rewriteURL) else { continue }
                out.raw("<" + name)
                for (k, v) in attrs {
                    out.raw(" \(k)=\"")
                    out.attribute(v)
                    out.raw("\"")
                }
                out.raw(">")
                if !SanitizerPolicy.void.contains(name) { open.append(name) }
            case .endTag(let name):
                if !dropping.isEmpty {
                    if dropping.last == name { dropping.removeLast() }
                    continue
                }
                guard let i = open.lastIndex(of: name) else { continue }
                for n in open[i...].reversed() { out.raw("</\(n)>") }
                open.removeSubrange(i...)
            }
        }
        for n in open.reversed() { out.raw("</\(n)>") }
        return out.string
    }

    /// The attributes to write for an allowed element, or nil when the element itself must go
    /// (an `<img>` without a safe source, an `<input>` that is not a checkbox).
    static func filter(_ attributes: [(name: String, value: String)], of element: String, idPrefix: String,
                       rewriteURL: ((String) -> String?)?) -> [(String, String)]? {
        var kept: [(String, String)] = []
        for (name, value) in attributes where SanitizerPolicy.allows(name, on: element) {
            switch name {
            case "href", "src":
                let url = rewriteURL?(value) ?? value
                if url.hasPrefix("#") {
                    kept.append((name, "#" + idPrefix + url.dropFirst()))
                } else if let safe = URLPolicy.check(url, in: name == "src" ? .image : .link) {
                    kept.append((name, safe))
                }
            case "id":
                if !value.isEmpty, !value.contains(where: \.isWhitespace) { kept.append((name, idPrefix + value)) }
            case "class":
                if let v = SanitizerPolicy.classTokens(value) { kept.append((name, v)) }
            case "style":
                if let v = CSSPolicy.filter(value) { kept.append((name, v)) }
            case "type" where element == "input":
                guard value.lowercased() == "checkbox" else { return nil }
                kept.append((name, "checkbox"))
            case _ where SanitizerPolicy.dimensional.contains(name):
                if SanitizerPolicy.isDimension(value) { kept.append((name, value)) }
            default:
                kept.append((name, value))
            }
        }
        switch element {
        case "img":
            guard kept.contains(where: { $0.0 == "src" }) else { return nil }
        case "input":
            guard kept.contains(where: { $0.0 == "type" }) else { return nil }
            if !kept.contains(where: { $0.0 == "disabled" }) { kept.append(("disabled", "")) }
        case "a":
            kept.append(("rel", "nofollow noopener noreferrer"))
        default:
            break
        }
        return kept
    }
}
