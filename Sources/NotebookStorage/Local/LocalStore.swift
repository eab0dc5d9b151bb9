import Foundation
import NotebookFormat

/// Notebooks in a local folder. Keys are paths relative to `root` with "/" separators; with an
/// empty root, keys are paths as given (relative to the working directory, or absolute).
///
/// Writes go through NotebookFormat's atomic write (temporary file in the same folder, fsync,
/// rename), so a reader never sees half a notebook.
public struct LocalStore: NotebookStore {
    /// The folder keys are relative to ("" for paths as given).
    public let root: String

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    public func url(for key: String) -> String { (try? path(for: key)) ?? key }

    /// The file path of a key; keys may not climb out of the root.
    func path(for key: String) throws(StorageError) -> String {
        if root.isEmpty { return key }
        if key.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            throw .invalidLocation(key, reason: "a key may not contain \"..\"")
        }
        return root + "/" + key
    }

    public func read(_ key: String) async throws(StorageError) -> [UInt8] {
        let path = try path(for: key)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Self.error(path, "cannot read") }
        defer { close(fd) }
        var st = Glibc.stat()
        guard fstat(fd, &st) == 0 else { throw Self.error(path, "cannot read") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .localIO(path: path, reason: "cannot read: Is a directory") }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var filled = 0
        // Read to the end even if the file grew since fstat (a non-atomic writer elsewhere).
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count / 2))) }
            let n = bytes.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.error(path, "cannot read")
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    public func write(_ body: WriteBody, to key: String, ifAbsent: Bool) async throws(StorageError) {
        let path = try path(for: key)
        // A store rooted at a folder behaves like an object store: keys with slashes need no
        // folders made first. Plain paths (root "") keep papermill's rule: the folder must exist.
        if !root.isEmpty {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw .localIO(path: path, reason: "cannot create the folder \(folder): \(error.localizedDescription)")
            }
        }
        if ifAbsent {
            try createOnly(body, at: path)
            return
        }
        do {
            if body.failAfter == nil {
                try Notebook.writeAtomically(body.bytes, to: path)
            } else {
                try Notebook.writeAtomically(to: path) { emit in
                    for r in body.chunks(of: 1 << 20) { try emit(body.slice(r)) }
                }
            }
        } catch {
            throw .localIO(path: path, reason: Self.reason(error))
        }
    }

    /// Create-only write: the bytes are written atomically under a temporary name, then hard-linked
    /// to the destination, which fails if it exists (unlike rename, which replaces).
    private func createOnly(_ body: WriteBody, at path: String) throws(StorageError) {
        let url = URL(fileURLWithPath: path)
        let staging = url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).\(UInt64.random(in: 0...UInt64.max)).new"
        do {
            try Notebook.writeAtomically(to: staging) { emit in
                for r in body.chunks(of: 1 << 20) { try emit(body.slice(r)) }
            }
        } catch {
            throw .localIO(path: path, reason: Self.reason(error))
        }
        defer { unlink(staging) }
        if link(staging, path) != 0 {
            if errno == EEXIST { throw .alreadyExists(url: path) }
            throw Self.error(path, "cannot write")
        }
    }

    public func stat(_ key: String) async throws(StorageError) -> ObjectInfo {
        let path = try path(for: key)
        var st = Glibc.stat()
        guard fileStatus(path, &st) == 0 else { throw Self.error(path, "cannot stat") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .localIO(path: path, reason: "cannot stat: Is a directory") }
        return Self.info(key: key, st)
    }

    public func delete(_ key: String) async throws(StorageError) {
        let path = try path(for: key)
        if unlink(path) != 0, errno != ENOENT { throw Self.error(path, "cannot delete") }
    }

    static func info(key: String, _ st: Glibc.stat) -> ObjectInfo {
        let seconds = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        // Size and nanosecond mtime change with every atomic replace, which is what a cache needs.
        let etag = "\(String(st.st_size, radix: 16))-\(String(st.st_mtim.tv_sec, radix: 16))\(String(st.st_mtim.tv_nsec, radix: 16))"
        return ObjectInfo(key: key, size: Int(st.st_size), modified: Date(timeIntervalSince1970: seconds), etag: etag)
    }

    /// The error for the current `errno`.
    static func error(_ path: String, _ what: String) -> StorageError {
        if errno == ENOENT && (what == "cannot read" || what == "cannot stat") { return .fileNotFound(path: path) }
        return .localIO(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }

    /// The reason inside NotebookFormat's write error ("cannot write: ...").
    static func reason(_ error: NotebookFormatError) -> String {
        if case .unwritable(_, let reason) = error { return "cannot write: \(reason)" }
        return error.description
    }
}
