import ArgumentParser
import JupyterKernel

/// `quire kernels`: the kernelspecs Quire would use, in the same set and precedence as
/// `jupyter kernelspec list` run in the same environment.
struct KernelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernels",
        abstract: "List installed Jupyter kernels (name, display name, language, path).")

    @Option(help: "Python interpreter whose environment provides kernels (default: $QUIRE_PYTHON, $VIRTUAL_ENV, ./.venv).")
    var python: String?

    @Flag(help: "Print the search directories, highest precedence first.")
    var paths = false

    func run() throws {
        let finder = KernelSpecFinder(python: python)
        if paths {
            finder.kernelDirectories.forEach { print($0) }
            return
        }
        let specs = finder.findAll()
        let rows = [["NAME", "DISPLAY NAME", "LANGUAGE", "PATH"]]
            + specs.map { [$0.name, $0.displayName, $0.language, $0.resourceDirectory] }
        let widths = (0..<3).map { c in rows.map { $0[c].count }.max() ?? 0 }
        for row in rows {
            let padded = (0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
            print((padded + [row[3]]).joined(separator: "  "))
        }
    }
}
