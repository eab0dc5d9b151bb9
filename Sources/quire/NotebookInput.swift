import Foundation
import NotebookFormat

/// Reads a notebook named on the command line, `-` meaning standard input.
enum NotebookInput {
    static func load(_ path: String, strict: Bool = true, repairCellIDs: Bool = false) throws(NotebookFormatError) -> LoadedNotebook {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try Notebook.load(data, file: "<stdin>", strict: strict, repairCellIDs: repairCellIDs)
        }
        return try Notebook.read(contentsOf: path, strict: strict, repairCellIDs: repairCellIDs)
    }
}
