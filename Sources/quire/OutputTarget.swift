import Foundation
import NotebookFormat
import NotebookStorage

/// Where the output notebook goes: a local file or an object-store URL (written atomically, many
/// times, overwriting as papermill does), or stdout (once, at the end).
struct OutputTarget: Sendable {
    let path: String

    var isStream: Bool { path == "-" }

    /// Fails before any work when a local output cannot possibly be written. URLs are checked by
    /// their first write, at the start of the run.
    static func check(_ path: String) throws(RunFailure) {
        guard path != "-", !StoreResolver.isURL(path) else { return }
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw RunFailure(2, "\(path): cannot write: folder \(dir) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: dir) else {
            throw RunFailure(2, "\(path): cannot write: folder \(dir) is not writable")
        }
    }

    func writeSnapshot(_ nb: Notebook) async throws {
        guard !isStream else { return }
        try await NotebookInput.write(nb, to: path)
    }

    func writeFinal(_ nb: Notebook) async throws(RunFailure) {
        if isStream {
            FileHandle.standardOutput.write(Data(nb.serialized()))
            return
        }
        do { try await NotebookInput.write(nb, to: path) } catch {
            throw RunFailure(NotebookInput.exitCode(for: error) == 3 ? 3 : 2, "\(path): \(error)")
        }
    }
}
