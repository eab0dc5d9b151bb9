import ArgumentParser
import NotebookFormat
import NotebookStorage

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check notebooks against the nbformat schema.",
        discussion: "Prints one line per problem with the file, the JSON path and what was expected. Exit 0 when every file is valid, 2 otherwise."
    )

    @Argument(help: "Notebooks to check: paths, `-` for standard input, or URLs (file://, s3://bucket/key, http(s)://).")
    var files: [String]

    @Flag(name: .shortAndLong, help: "Print nothing for valid files.")
    var quiet = false

    func run() async throws {
        var failed: Int32 = 0
        for file in files {
            do {
                let loaded = try await NotebookInput.load(file)
                for w in loaded.warnings { Stderr.print("\(file): \(w)") }
                let nb = loaded.notebook
                if !quiet { print("\(file): valid (nbformat \(nb.nbformat).\(nb.nbformatMinor), \(nb.cells.count) cells)") }
            } catch {
                Stderr.print("\(error)")
                failed = max(failed, NotebookInput.exitCode(for: error))
            }
        }
        if failed != 0 { throw ExitCode(failed) }
    }
}
