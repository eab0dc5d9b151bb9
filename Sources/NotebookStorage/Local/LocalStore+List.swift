import Foundation

extension LocalStore {
    /// Lists like S3 does: keys are the file paths relative to the root, in byte order, filtered by
    /// a string prefix; with the delimiter "/" only one folder level is listed and sub-folders are
    /// reported as prefixes. The page token is the last key (or folder) of the previous page.
    public func list(prefix: String, delimiter: String?, pageSize: Int, after token: String?) async throws(StorageError) -> ListPage {
        if let delimiter, delimiter != "/" {
            throw .unsupported(url: url(for: prefix), operation: "listing with a delimiter other than \"/\"")
        }
        // The deepest folder that holds every matching key.
        let folderKey = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
        let folderPath = folderKey.isEmpty ? (root.isEmpty ? "." : root) : try path(for: folderKey)
        var entries: [(key: String, info: ObjectInfo?)] = []
        try walk(folderPath, keyPrefix: folderKey, recursive: delimiter == nil) { key, st in
            guard key.hasPrefix(prefix) else { return }
            if let st { entries.append((key, Self.info(key: key, st))) } else { entries.append((key, nil)) }
        }
        entries.sort { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
        let start = token.map { t in
            entries.firstIndex { Array(t.utf8).lexicographicallyPrecedes(Array($0.key.utf8)) } ?? entries.count
        } ?? 0
        let end = min(entries.count, start + max(1, pageSize))
        let page = entries[start..<end]
        return ListPage(objects: page.compactMap(\.info), folders: page.filter { $0.info == nil }.map(\.key),
                        nextToken: end < entries.count ? page.last?.key : nil)
    }

    /// Calls `visit` with each regular file (and its stat) and, when not recursive, each sub-folder
    /// (key ending in "/", no stat). A missing folder lists as empty, as an S3 prefix does.
    private func walk(_ dir: String, keyPrefix: String, recursive: Bool,
                      _ visit: (String, Glibc.stat?) -> Void) throws(StorageError) {
        guard let d = opendir(dir) else {
            if errno == ENOENT || errno == ENOTDIR { return }
            throw Self.error(dir, "cannot list")
        }
        defer { closedir(d) }
        while let ent = readdir(d) {
            let name = withUnsafeBytes(of: ent.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." || Self.isStaging(name) { continue }
            let full = dir + "/" + name
            var st = Glibc.stat()
            guard fileStatus(full, &st) == 0 else { continue }  // vanished or dangling link
            let key = keyPrefix + name
            if (st.st_mode & S_IFMT) == S_IFDIR {
                if recursive { try walk(full, keyPrefix: key + "/", recursive: true, visit) } else { visit(key + "/", nil) }
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                visit(key, st)
            }
        }
    }

    /// The temporary files of an atomic write in progress, which are not notebooks yet.
    static func isStaging(_ name: String) -> Bool {
        name.hasPrefix(".") && (name.hasSuffix(".tmp") || name.hasSuffix(".new"))
    }
}
