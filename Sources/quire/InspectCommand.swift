import ArgumentParser
import Foundation
import NotebookExecution
import NotebookFormat

struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the parameters a notebook declares in its cell tagged `parameters`.",
        discussion: """
            Reads `NAME[: TYPE] = DEFAULT  # HELP` lines as papermill's --help-notebook does (Python \
            notebooks only, as in papermill). Where no type is annotated, the type of a literal \
            default (int, float, bool, str, NoneType, list, dict) is shown instead of "Unknown type". \
            --json prints papermill's inspect_notebook mapping, each entry with an added "type". \
            Exit 0 (also when there is no `parameters` cell, which papermill's --help-notebook \
            reports with 1), 2 for a notebook that cannot be read or whose kernel has no translator.
            """
    )

    @Argument(help: "The notebook to inspect (`-` for standard input).")
    var notebook: String

    @Flag(help: "Print JSON: {name: {name, inferred_type_name, default, help, type}}.")
    var json = false

    @Option(name: .shortAndLong, help: "Kernel name to select the translator (default: the notebook's kernelspec).")
    var kernel: String?

    @Option(name: .shortAndLong, help: "Language to select the translator (default: the notebook's language_info).")
    var language: String?

    func run() async throws {
        let nb: Notebook
        do { nb = try await NotebookInput.load(notebook, repairCellIDs: true).notebook } catch {
            Stderr.print("\(error)")
            throw ExitCode(NotebookInput.exitCode(for: error))
        }
        let inspection: ParameterInspection?
        do { inspection = try ParameterInspector.inspect(nb, kernelName: kernel, language: language) } catch {
            Stderr.print("\(notebook): \(error.description)")
            throw QuireExit.badInput
        }
        for warning in inspection?.warnings ?? [] { Stderr.print(warning) }
        if json {
            let value = inspection?.jsonValue ?? .object(JSONObject())
            FileHandle.standardOutput.write(Data(value.serialized(.notebook) + [0x0A]))
            return
        }
        let usage = "Usage: quire run [OPTIONS] INPUT OUTPUT [-p NAME VALUE]...\n"
        let text = ParameterInspection.helpText(notebookPath: notebook, inspection: inspection)
        FileHandle.standardOutput.write(Data((usage + text).utf8))
    }
}
