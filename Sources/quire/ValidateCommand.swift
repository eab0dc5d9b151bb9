import ArgumentParser
import NotebookFormat

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check notebooks against the nbformat schema.",
        discussion: "Prints one line per problem with the file, the JSON path and what was expected. Exit 0 when every file is valid, 2 otherwise."
    )

    @Argument(help: "Notebook files to check (`-` for standard input).")
    var files: [String]

    @Flag(name: .shortAndLong, help: "Print nothing for valid files.")
    var quiet = false

    func run() throws {
        var failed = false
        for file in files {
            do {
                let loaded = try NotebookInput.load(file)
                for w in loaded.warnings { Stderr.print("\(file): \(w)") }
                let nb = loaded.notebook
                if !quiet { print("\(file): valid (nbformat \(nb.nbformat).\(nb.nbformatMinor), \(nb.cells.count) cells)") }
            } catch {
                Stderr.print(error.description)
                failed = true
            }
        }
        if failed { throw QuireExit.badInput }
    }
}
