import Foundation

/// Browser libraries from Debian packages (`libjs-highlight.js`, `libjs-katex`), served under
/// /assets when installed. Pages link them only when present, so a machine without them serves
/// readable pages (plain code, TeX source) and no failing requests.
struct WebAssets: Sendable {
    static let shared = WebAssets(root: "/usr/share/javascript")

    let root: String
    let highlight: Bool
    let katex: Bool

    init(root: String) {
        self.root = root
        let fm = FileManager.default
        highlight = fm.fileExists(atPath: root + "/highlight.js/highlight.min.js")
            && fm.fileExists(atPath: root + "/highlight.js/styles/github.css")
        katex = fm.fileExists(atPath: root + "/katex/katex.min.js") && fm.fileExists(atPath: root + "/katex/contrib/auto-render.js")
    }

    var headLinks: String {
        var out = ""
        if highlight {
            out += "<link rel=\"stylesheet\" href=\"/assets/highlight/github.css\" media=\"(prefers-color-scheme: light)\">\n"
            if FileManager.default.fileExists(atPath: root + "/highlight.js/styles/a11y-dark.css") {
                out += "<link rel=\"stylesheet\" href=\"/assets/highlight/a11y-dark.css\" media=\"(prefers-color-scheme: dark)\">\n"
            }
        }
        if katex { out += "<link rel=\"stylesheet\" href=\"/assets/katex/katex.min.css\">\n" }
        return out
    }

    /// After quire.js, which starts both once they have loaded.
    var scriptTags: String {
        var out = ""
        if highlight { out += "<script src=\"/assets/highlight/highlight.min.js\" defer></script>\n" }
        if katex {
            out += "<script src=\"/assets/katex/katex.min.js\" defer></script>\n"
            out += "<script src=\"/assets/katex/contrib/auto-render.js\" defer></script>\n"
        }
        return out
    }

    /// The file for `/assets/<library>/<path>`, or nil for anything outside the two libraries'
    /// folders (no `..`, no hidden files).
    func file(library: String, path: String) -> String? {
        let folder: String
        switch library {
        case "highlight" where highlight: folder = "highlight.js"
        case "katex" where katex: folder = "katex"
        default: return nil
        }
        let parts = path.split(separator: "/")
        guard !parts.isEmpty, !parts.contains(where: { $0.hasPrefix(".") }) else { return nil }
        let resolved = library == "highlight" && parts.count == 1 && parts[0].hasSuffix(".css")
            ? root + "/" + folder + "/styles/" + parts[0] : root + "/" + folder + "/" + parts.joined(separator: "/")
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDir), !isDir.boolValue else { return nil }
        return resolved
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "ttf": "font/ttf"
        default: "application/octet-stream"
        }
    }
}
