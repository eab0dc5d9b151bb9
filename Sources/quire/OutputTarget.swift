import Foundation
import NotebookFormat

/// Where the output notebook goes: a local file (written atomically, many times) or stdout (once).
struct OutputTarget: Sendable {
    let path: String

    var isStream: Bool { path == "-" }

    /// Fails before any work when the output cannot possibly be written.
    static func check(_ path: String) throws(RunFailure) {
        guard path != "-" else { return }
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw RunFailure(2, "\(path): cannot write: folder \(dir) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: dir) else {
            throw RunFailure(2, "\(path): cannot write: folder \(dir) is not writable")
        }
    }

    func writeSnapshot(_ nb: Notebook) throws {
        guard !isStream else { return }
        try nb.write(to: path)
    }

    func writeFinal(_ nb: Notebook) throws(RunFailure) {
        if isStream {
            FileHandle.standardOutput.write(Data(nb.serialized()))
            return
        }
        do { try nb.write(to: path) } catch { throw RunFailure(3, error.description) }
    }
}
