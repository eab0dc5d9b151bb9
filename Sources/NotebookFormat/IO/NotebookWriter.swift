import Foundation

extension Notebook {
    /// The file's bytes exactly as `nbformat.write` produces them (indent 1, sorted keys, UTF-8,
    /// text split into lines, trailing newline).
    public func serialized() -> [UInt8] {
        var writer = JSONWriter(style: .notebook)
        writer.writeNotebook(self)
        writer.out.append(UInt8(ascii: "\n"))
        return writer.out
    }

    /// Writes atomically: a temporary file in the same folder, then a rename, so a reader never sees
    /// half a notebook and a failed write leaves the previous file intact.
    /// The notebook is streamed to the file rather than built in memory first.
    public func write(to path: String) throws(NotebookFormatError) {
        try Self.writeAtomically(to: path) { fd, failure in
            let state = WriteFailure()
            var writer = JSONWriter(style: .notebook) { buf in
                if state.reason == nil { state.reason = Self.writeAll(fd, buf) }
                buf.removeAll(keepingCapacity: true)
            }
            writer.writeNotebook(self)
            writer.out.append(UInt8(ascii: "\n"))
            failure = state.reason ?? Self.writeAll(fd, writer.out)
        }
    }

    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(NotebookFormatError) {
        try writeAtomically(to: path) { fd, failure in failure = writeAll(fd, bytes) }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    static func writeAtomically(to path: String, _ produce: (Int32, inout String?) -> Void) throws(NotebookFormatError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let tmp = "\(dir)/.\(url.lastPathComponent).\(CellID.random()).tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unwritable(file: path, reason: String(cString: strerror(errno))) }
        var failure: String? = nil
        produce(fd, &failure)
        // Flushed before the rename so that a crash can never leave a renamed but empty notebook.
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(tmp, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(tmp)
            throw .unwritable(file: path, reason: failure)
        }
    }
}

/// The first write error seen while streaming (the sink closure outlives a plain local).
private final class WriteFailure {
    var reason: String?
}
