import Foundation
import NotebookFormat
import NotebookStorage

/// Reads a notebook named on the command line: `-` for standard input, a local path, or any
/// readable URL (`file://`, `s3://bucket/key`, `http(s)://…`) through NotebookStorage.
enum NotebookInput {
    static func load(_ path: String, strict: Bool = true, repairCellIDs: Bool = false) async throws -> LoadedNotebook {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try Notebook.load(data, file: "<stdin>", strict: strict, repairCellIDs: repairCellIDs)
        }
        if StoreResolver.isURL(path) {
            return try await StoreResolver().location(path).loadNotebook(strict: strict, repairCellIDs: repairCellIDs)
        }
        // Local paths keep the memory-mapped reader (and its messages).
        return try Notebook.read(contentsOf: path, strict: strict, repairCellIDs: repairCellIDs)
    }

    /// Writes `notebook` to a local path (atomically, streamed) or a writable URL (`s3://`, `file://`).
    static func write(_ notebook: Notebook, to destination: String) async throws {
        if StoreResolver.isURL(destination) {
            try await StoreResolver().location(destination).write(notebook)
        } else {
            try notebook.write(to: destination)
        }
    }

    /// The exit code for a failed read or write: 3 when storage itself failed (unreachable,
    /// credentials refused, server errors), 2 for bad input.
    static func exitCode(for error: any Error) -> Int32 {
        if let e = error as? StorageError, e.isInfrastructure { return QuireExit.infrastructure.rawValue }
        return QuireExit.badInput.rawValue
    }
}
