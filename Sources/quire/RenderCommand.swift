import ArgumentParser
import Foundation
import NotebookFormat
import NotebookRendering

struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a notebook to a standalone HTML page.",
        discussion: """
            The page is one self-contained file: images inline, stylesheet embedded, dark or light \
            following the browser. Markdown HTML is sanitised; HTML, SVG and JavaScript outputs are \
            shown in sandboxed frames. Papermill run metadata (parameters, per-cell status and \
            duration, the error banner) is shown when present. Exit 0, or 2 for a notebook that \
            cannot be read or an output that cannot be written.
            """
    )

    @Argument(help: "The notebook to render: a path, `-` for standard input, or a URL (file://, s3://bucket/key, http(s)://).")
    var notebook: String

    @Option(name: .shortAndLong, help: "The HTML file to write (replaced atomically), or `-` for standard output (the default).")
    var output: String = "-"

    @Flag(name: [.customLong("hide-inputs"), .customLong("report-mode")], help: "Leave out all code inputs (papermill's report mode).")
    var hideInputs = false

    @Flag(name: .customLong("ignore-tags"), help: "Do not honour the remove-*/hide-* cell tags.")
    var ignoreTags = false

    @Flag(name: .customLong("no-run-metadata"), help: "Leave out papermill's run header and per-cell status.")
    var noRunMetadata = false

    @Option(help: "Colour scheme: auto (follow the browser), light or dark.")
    var theme: String = "auto"

    @Option(help: "Page title (default: the notebook's metadata.title, else its file name).")
    var title: String?

    func run() async throws {
        guard let theme = RenderOptions.Theme(rawValue: theme) else {
            Stderr.print("quire render: --theme must be auto, light or dark, not \"\(theme)\"")
            throw QuireExit.badInput
        }
        let nb: Notebook
        do { nb = try await NotebookInput.load(notebook, repairCellIDs: true).notebook } catch {
            Stderr.print("\(error)")
            throw ExitCode(NotebookInput.exitCode(for: error))
        }
        let options = RenderOptions(hideInputs: hideInputs, honourTags: !ignoreTags, standalone: true, theme: theme,
                                    showRunMetadata: !noRunMetadata)
        let renderer = NotebookRenderer(options: options)
        let pageTitle = title ?? nb.metadata["title"]?.stringValue ?? (notebook == "-" ? "Notebook" : URL(fileURLWithPath: notebook).lastPathComponent)
        if output == "-" {
            renderer.renderPage(nb, title: pageTitle) { FileHandle.standardOutput.write(Data($0.utf8)) }
            return
        }
        do {
            try Notebook.writeAtomically(to: output) { emit in
                try renderer.renderPage(nb, title: pageTitle) { piece in
                    var piece = piece
                    try piece.withUTF8 { try emit(ArraySlice($0)) }
                }
            }
        } catch {
            Stderr.print("\(error)")
            throw QuireExit.badInput
        }
    }
}
