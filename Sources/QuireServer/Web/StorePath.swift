/// A `path` query parameter of the store browser, checked before it becomes a store key: the
/// browser shows the output store below the server's run prefix and nothing else, so a path is
/// always relative and may not climb (`..`), whatever encoding it arrived in (the query is
/// percent-decoded before this sees it).
struct StorePath: Sendable, Equatable {
    /// Segments below the browse root; empty for the root itself.
    let segments: [String]

    /// `raw` nil or empty is the root. A trailing "/" (a folder link) is allowed.
    init(_ raw: String?) throws {
        guard let raw, !raw.isEmpty else { segments = []; return }
        func bad(_ reason: String) -> Problem {
            Problem.badRequest("path '\(raw)' \(reason)", field: "path")
        }
        if raw.hasPrefix("/") { throw bad("must be relative to the store's root, not absolute") }
        if raw.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7f }) {
            throw bad("contains a backslash or a control character")
        }
        var parts = raw.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        for part in parts {
            if part == ".." || part == "." { throw bad("may not contain '\(part)' segments") }
            if part.isEmpty { throw bad("has an empty segment ('//')") }
        }
        segments = parts
    }

    private init(segments: [String]) { self.segments = segments }

    /// The path as the browser's links write it ("" for the root).
    var relative: String { segments.joined(separator: "/") }
    var name: String { segments.last ?? "" }
    var isNotebook: Bool { name.hasSuffix(".ipynb") }
    var parent: StorePath { StorePath(segments: Array(segments.dropLast())) }

    /// The object key of this path in a store whose browse root is `prefix`.
    func key(prefix: String) -> String {
        prefix.isEmpty ? relative : (segments.isEmpty ? prefix : prefix + "/" + relative)
    }

    /// The listing prefix of this path as a folder.
    func folderPrefix(prefix: String) -> String {
        let key = key(prefix: prefix)
        return key.isEmpty ? "" : key + "/"
    }

    /// The browser path of a key the store listed under `prefix` (nil when it is not below it).
    static func relative(ofKey key: String, prefix: String) -> String? {
        if prefix.isEmpty { return key }
        guard key.hasPrefix(prefix + "/") else { return nil }
        return String(key.dropFirst(prefix.count + 1))
    }
}
