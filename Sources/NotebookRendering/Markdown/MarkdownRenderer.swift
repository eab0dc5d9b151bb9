import NotebookFormat

/// Markdown (cells and `text/markdown` outputs) to sanitised HTML, math intact.
enum MarkdownRenderer {
    /// `attachments` is the cell's `attachments` member: `attachment:NAME` URLs become data URIs.
    static func html(_ markdown: String, attachments: JSONObject? = nil, idPrefix: String) -> String {
        var math = MathProtector()
        let protected = math.protect(markdown)
        let html = math.restore(CMark.html(protected))
        return HTMLSanitizer.sanitize(html, idPrefix: idPrefix) { url in
            Attachments.dataURI(for: url, in: attachments)
        }
    }
}

/// Cell attachments: `attachment:NAME` → `data:MIME;base64,…` from the cell's own bundle.
enum Attachments {
    /// Images first: an attachment is almost always a pasted picture.
    static let preferred = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", "image/bmp"]

    static func dataURI(for url: String, in attachments: JSONObject?) -> String? {
        guard url.hasPrefix("attachment:") else { return nil }
        let name = percentDecoded(String(url.dropFirst("attachment:".count)))
        guard let bundle = attachments?[name]?.objectValue else { return nil }
        for mime in preferred {
            guard let data = bundle[mime]?.stringValue else { continue }
            if mime == "image/svg+xml" {
                return "data:image/svg+xml;base64," + Base64.encode(Array(data.utf8))
            }
            guard let clean = Base64.cleaned(data) else { return nil }
            return "data:\(mime);base64,\(clean)"
        }
        return nil
    }

    /// cmark percent-encodes spaces and non-ASCII in link destinations; attachment names are raw.
    static func percentDecoded(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        var u = Array(s.utf8)[...]
        while let c = u.first {
            if c == UInt8(ascii: "%"), u.count >= 3, let v = UInt8(String(decoding: u.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                u = u.dropFirst(3)
            } else {
                bytes.append(c)
                u = u.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
