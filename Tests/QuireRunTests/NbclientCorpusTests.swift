import Foundation
import Testing

/// One nbclient stored-output notebook and how nbclient's own test runs it (§10.1).
struct CorpusCase: CustomTestStringConvertible, Sendable {
    let file: String
    var options: [String] = []
    /// Quire's exit code: 1 whenever an error output remains, even with `--allow-errors`;
    /// 0 when the only errors are in `raises-exception` cells (nbclient's meaning of the tag).
    var status: Int32 = 0
    var testDescription: String { file }
}

@Suite("nbclient corpus: re-execution reproduces stored outputs (§10.1)")
struct NbclientCorpusTests {
    static let cases: [CorpusCase] = [
        CorpusCase(file: "HelloWorld.ipynb"),
        CorpusCase(file: "Factorials.ipynb"),
        CorpusCase(file: "Empty Cell.ipynb"),
        CorpusCase(file: "Clear Output.ipynb"),
        CorpusCase(file: "update-display-id.ipynb"),
        CorpusCase(file: "Inline Image.ipynb"),
        CorpusCase(file: "SVG.ipynb"),
        CorpusCase(file: "Unicode.ipynb"),
        CorpusCase(file: "UnicodePy3.ipynb"),
        CorpusCase(file: "Skip Exceptions.ipynb", options: ["--allow-errors"], status: 1),
        CorpusCase(file: "Skip Exceptions with Cell Tags.ipynb"),
        CorpusCase(file: "Skip Execution with Cell Tag.ipynb"),
        CorpusCase(file: "Interrupt.ipynb", options: ["--execution-timeout", "3", "--allow-errors"], status: 1),
        CorpusCase(file: "Other Comms.ipynb"),
        CorpusCase(file: "Check History in Memory.ipynb"),
    ]

    @Test("stored outputs reproduced", arguments: cases)
    func reproduces(_ c: CorpusCase) async throws {
        try await CorpusRunner.check(c)
    }

    /// Needs `ipywidgets` in `.venv` (scripts/bootstrap installs it); fails, never skips, without it.
    @Test("JupyterWidgets: widget view output and widget state in metadata")
    func widgets() async throws {
        try #require(CorpusRunner.pythonCanImport("ipywidgets"), "ipywidgets missing from .venv: run scripts/bootstrap")
        let nb = try await CorpusRunner.check(CorpusCase(file: "JupyterWidgets.ipynb"))
        // nbclient also stores the widget state (§6.7); the stored file has the Label's models.
        let widgets = (nb["metadata"] as? JSONObject)?["widgets"] as? JSONObject
        let state = (widgets?["application/vnd.jupyter.widget-state+json"] as? JSONObject)?["state"] as? JSONObject ?? [:]
        let models = state.values.compactMap { ($0 as? JSONObject)?["model_name"] as? String }
        #expect(models.contains("LabelModel"), "widget models: \(models)")
    }
}

enum CorpusRunner {
    /// Strips a copy, runs `quire run` on it with nbclient's environment, compares with the stored file.
    @discardableResult
    static func check(_ c: CorpusCase) async throws -> JSONObject {
        let dir = TempDir()
        let stored = try NotebookJSON.read(Paths.nbclientCorpus + "/" + c.file)
        let input = dir.path + "/" + c.file, output = dir.path + "/out.ipynb"
        try NotebookJSON.write(NotebookJSON.stripped(stored), to: input)
        // nbclient runs with kernel `python`, cwd = the corpus folder, COLUMNS=80 LINES=24.
        let r = try await Run.quire(["run", input, output, "-k", "python3", "--cwd", Paths.nbclientCorpus,
                                     "-e", "COLUMNS=80", "-e", "LINES=24", "--no-progress-bar"] + c.options)
        #expect(r.status == c.status, "exit \(r.status); stderr:\n\(r.stderr)")
        let actual = try NotebookJSON.read(output)
        // Quire adds papermill's two error-banner cells when the run fails; nbclient does not.
        let banners = NotebookJSON.bannerIndices(actual)
        #expect(banners.count == (c.status == 1 ? 2 : 0), "banners at \(banners)")
        let ran = NotebookJSON.cells(actual).filter { !NotebookJSON.tags($0).contains("papermill-error-cell-tag") }
        let want = NotebookJSON.cells(stored)
        #expect(ran.count == want.count)
        for (i, (a, e)) in zip(ran, want).enumerated() {
            // Quire keeps the kernel's execution counts, as papermill does, where nbclient renumbers
            // executed cells 1..k itself. The two agree here because empty and skip-execution cells are
            // never sent to the kernel, so IPython's counter also counts only executed cells from 1;
            // the stored counts are therefore compared as they are.
            #expect(NotebookJSON.count(a) == NotebookJSON.count(e), "cell \(i) execution_count")
            let got = NotebookJSON.canonical(OutputNormalisation.normalise(NotebookJSON.outputs(a)))
            let exp = NotebookJSON.canonical(OutputNormalisation.normalise(NotebookJSON.outputs(e)))
            #expect(got == exp, "cell \(i) outputs differ\n--- quire\n\(got)\n--- stored\n\(exp)")
        }
        return actual
    }

    static func pythonCanImport(_ module: String) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Paths.venv + "/bin/python")
        p.arguments = ["-c", "import \(module)"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}
