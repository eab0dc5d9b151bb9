/// Which URLs survive sanitising: http(s), mailto and relative links; for images also
/// `data:image/…`. Anything else (`javascript:`, `vbscript:`, `data:text/html`, `file:`…) is refused.
enum URLPolicy {
    enum Context { case link, image }

    /// The URL as it will be written, or nil when it must be dropped. Input has its character
    /// references decoded already.
    static func check(_ raw: String, in context: Context) -> String? {
        // Browsers ignore leading and trailing C0 controls and spaces, and tabs and newlines
        // anywhere, before looking for a scheme: `java\tscript:` is `javascript:`.
        var scalars = Array(raw.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        while let f = scalars.first, f.value <= 0x20 { scalars.removeFirst() }
        while let l = scalars.last, l.value <= 0x20 { scalars.removeLast() }
        guard !scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        let url = String(String.UnicodeScalarView(scalars))
        guard let scheme = scheme(of: scalars) else { return url }  // relative
        switch (scheme, context) {
        case ("http", _), ("https", _): return url
        case ("mailto", .link): return url
        case ("data", .image): return isImageData(url) ? url : nil
        default: return nil
        }
    }

    /// The lower-cased text before the first `:`, or nil for a relative reference (a `/`, `?` or
    /// `#` comes first, or there is no colon). A prefix that is not a valid scheme is returned as
    /// is and therefore refused: rejecting an odd relative path costs less than guessing wrong.
    static func scheme(of s: [Unicode.Scalar]) -> String? {
        for (i, c) in s.enumerated() {
            if c == "/" || c == "?" || c == "#" { return nil }
            if c == ":" { return String(String.UnicodeScalarView(s[0..<i])).lowercased() }
        }
        return nil
    }

    /// Raster and SVG images only; inside `<img>` even SVG cannot run scripts.
    static func isImageData(_ url: String) -> Bool {
        let lower = url.prefix(32).lowercased()
        return ["data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp",
                "data:image/bmp", "data:image/svg+xml"].contains { lower.hasPrefix($0 + ";") || lower.hasPrefix($0 + ",") }
    }
}
