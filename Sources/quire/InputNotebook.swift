import Crypto
import Foundation
import NotebookFormat
import NotebookStorage

/// The notebook a run starts from, with what the run records about it.
struct InputNotebook {
    let name: String
    let notebook: Notebook
    let warnings: [ValidationIssue]
    /// SHA-256 of the exact bytes read, recorded in `metadata.quire` and used to derive cell ids.
    let sha256: String
    /// The folder holding a local input: the kernel's default working directory.
    let folder: String?

    /// Schema problems confined to the notebook-level metadata (a kernelspec without `name`, say)
    /// do not affect execution, so they are warnings here; anything else is refused (exit 2).
    static func read(_ path: String) async throws(RunFailure) -> InputNotebook {
        let bytes: [UInt8]
        if path == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else if StoreResolver.isURL(path) {
            do { bytes = try await StoreResolver().location(path).read() } catch {
                throw RunFailure(error.isInfrastructure ? 3 : 2, "\(error)")
            }
        } else {
            guard let data = FileManager.default.contents(atPath: path) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "No such file or directory"
                throw RunFailure(2, "\(path): \(reason)")
            }
            bytes = Array(data)
        }
        let name = path == "-" ? "<stdin>" : path
        let loaded: LoadedNotebook
        do {
            loaded = try Notebook.load(bytes, file: name, strict: false, repairCellIDs: true)
        } catch {
            throw RunFailure(2, error.description)
        }
        let errors = loaded.warnings.filter { !$0.path.hasPrefix("metadata") && !$0.message.contains("no \"id\"") && !$0.isDuplicateCellID }
        if !errors.isEmpty {
            throw RunFailure(2, "invalid notebook:\n" + errors.map { "\(name): \($0.path): \($0.message)" }.joined(separator: "\n"))
        }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let folder = path == "-" || StoreResolver.isURL(path) ? nil : URL(fileURLWithPath: path).deletingLastPathComponent().path
        return InputNotebook(name: name, notebook: loaded.notebook, warnings: loaded.warnings.filter { $0.path.hasPrefix("metadata") },
                             sha256: digest, folder: folder)
    }
}
