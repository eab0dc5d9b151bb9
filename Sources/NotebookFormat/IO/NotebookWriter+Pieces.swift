import Foundation

extension Notebook {
    /// The atomic write of `writeAtomically(_:to:)` for bytes that arrive in pieces (a store
    /// streaming a body). `produce` calls `emit` for each piece; if either throws, the temporary file
    /// is removed, the destination is left as it was, and the error's text becomes the reason.
    public static func writeAtomically(
        to path: String, produce: (_ emit: (ArraySlice<UInt8>) throws -> Void) throws -> Void
    ) throws(NotebookFormatError) {
        try writeAtomically(to: path) { fd, failure in
            do {
                try produce { piece in
                    if let reason = piece.withUnsafeBytes({ writeAll(fd, $0) }) { throw PieceWriteError(reason: reason) }
                }
            } catch {
                failure = "\(error)"
            }
        }
    }

    /// Writes all bytes, retrying short writes; returns the reason on failure.
    static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> String? {
        var off = 0
        while off < buf.count {
            let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            off += n
        }
        return nil
    }
}

private struct PieceWriteError: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
