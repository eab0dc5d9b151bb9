import ArgumentParser
import Foundation
import NotebookFormat

struct FmtCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite a notebook in canonical nbformat layout (upgrading nbformat 2 and 3 to 4.5).",
        discussion: "The output is byte-identical to nbformat.write(nbformat.read(f, as_version=4)). Duplicate cell ids are replaced by new ones, as nbformat does. Any other schema violation means the notebook is not rewritten: its problems are printed and the exit code is 2."
    )

    @Argument(help: "The notebook to format: a path, `-` for standard input, or a URL (file://, s3://bucket/key, http(s)://).")
    var file: String

    @Option(name: .shortAndLong, help: "Where to write: a path, `-` for standard output, or a writable URL (file://, s3://). Default: rewrite FILE in place.")
    var output: String?

    func run() async throws {
        let loaded: LoadedNotebook
        do { loaded = try await NotebookInput.load(file, repairCellIDs: true) } catch {
            Stderr.print("\(error)")
            throw ExitCode(NotebookInput.exitCode(for: error))
        }
        for w in loaded.warnings { Stderr.print("\(file): \(w)") }
        let destination = output ?? (file == "-" ? "-" : file)
        if destination == "-" {
            FileHandle.standardOutput.write(Data(loaded.notebook.serialized()))
            return
        }
        do { try await NotebookInput.write(loaded.notebook, to: destination) } catch {
            Stderr.print("\(error)")
            throw ExitCode(NotebookInput.exitCode(for: error))
        }
    }
}
