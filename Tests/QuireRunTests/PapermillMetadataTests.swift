import Foundation
import Testing

/// papermill corpus (§10.2): what the output notebook keeps, upgrades and records, and the options
/// that need no parameters (`--prepare-only`, `--cwd`, `-k`).
@Suite("papermill corpus: metadata and options (§10.2)")
struct PapermillMetadataTests {
    static let pm = Paths.papermillCorpus

    @Test("nb_version_4.4: output is 4.5, validates, and two runs give the same cell ids")
    func upgrade() async throws {
        async let first = RunOutcome.of(Self.pm + "/nb_version_4.4.ipynb")
        async let second = RunOutcome.of(Self.pm + "/nb_version_4.4.ipynb")
        let (a, b) = try await (first, second)
        for o in [a, b] {
            #expect(o.result.status == 0, "stderr: \(o.result.stderr)")
            #expect(o.notebook["nbformat"] as? Int == 4 && o.notebook["nbformat_minor"] as? Int == 5)
            #expect(try await o.validates())
        }
        let ids = { (o: RunOutcome) in o.cells.map { $0["id"] as? String ?? "" } }
        #expect(ids(a).allSatisfy { !$0.isEmpty })
        #expect(ids(a) == ids(b), "ids differ between runs: \(ids(a)) vs \(ids(b))")
        #expect(Set(ids(a)).count == ids(a).count)
    }

    @Test("keyboard_interrupt --prepare-only: stored error output and count 2 kept, exit 0")
    func prepareOnly() async throws {
        let o = try await RunOutcome.of(Self.pm + "/keyboard_interrupt.ipynb", ["--prepare-only"])
        #expect(o.result.status == 0, "stderr: \(o.result.stderr)")
        let cell = o.unbannered[0]
        #expect(NotebookJSON.count(cell) == 2)
        #expect(NotebookJSON.outputs(cell).first?["ename"] as? String == "KeyboardInterrupt")
        #expect(o.papermill["start_time"] == nil, "prepare-only has no start time (papermill)")
    }

    @Test("read_check: --cwd is the kernel's working directory")
    func cwd() async throws {
        let dir = TempDir()
        try "x".write(toFile: dir.path + "/check.txt", atomically: true, encoding: .utf8)
        let o = try await RunOutcome.of(Self.pm + "/read_check.ipynb", ["--cwd", dir.path])
        #expect(o.result.status == 0, "stderr: \(o.result.stderr)")
        let text = NotebookJSON.outputs(o.cells[1]).map { NotebookJSON.joined($0["text"]) }.joined()
        let real = URL(fileURLWithPath: dir.path).resolvingSymlinksInPath().path
        #expect(text.contains("NB_CWD \(real)") || text.contains("NB_CWD \(dir.path)"), "printed: \(text)")
    }

    @Test("without --cwd the kernel runs in the input's folder (read_check fails elsewhere)")
    func cwdDefault() async throws {
        let o = try await RunOutcome.of(Self.pm + "/read_check.ipynb")
        #expect(o.result.status == 1, "no check.txt beside the copied input")
        let text = NotebookJSON.outputs(o.unbannered[1]).map { NotebookJSON.joined($0["text"]) }.joined()
        #expect(text.contains("quire-run-test-"), "printed: \(text)")
    }

    @Test("an existing metadata.papermill block is reused, not recreated",
          arguments: ["result_no_exec.ipynb", "broken.ipynb"])
    func existingBlock(_ file: String) async throws {
        let input = try NotebookJSON.read(Self.pm + "/" + file)
        let before = (input["metadata"] as? JSONObject)?["papermill"] as? JSONObject ?? [:]
        let o = try await RunOutcome.of(Self.pm + "/" + file)
        #expect(o.result.status == (file == "broken.ipynb" ? 1 : 0), "stderr: \(o.result.stderr)")
        // papermill writes `version` only when it creates the block; other old keys stay.
        #expect(o.papermill["version"] as? String == before["version"] as? String)
        #expect(o.papermill["metrics"] != nil)
        #expect(o.papermill["environment_variables"] != nil)
        #expect(o.papermill["start_time"] is String && o.papermill["end_time"] is String)
        if file == "broken.ipynb" {
            #expect(o.banners.count == 2)   // Python 2 syntax fails under Python 3
        }
    }

    @Test("blank-vscode (no kernelspec) runs with -k python3")
    func noKernelspec() async throws {
        let o = try await RunOutcome.of(Self.pm + "/blank-vscode.ipynb", ["-k", "python3"])
        #expect(o.result.status == 0, "stderr: \(o.result.stderr)")
        #expect(NotebookJSON.count(o.cells[0]) == nil, "empty cell is not sent")
        #expect(o.notebook["metadata"].flatMap { ($0 as? JSONObject)?["language_info"] } != nil)
        #expect(try await o.validates())
    }

    @Test("papermill metadata on every cell and the notebook; output ends with a newline")
    func metadataShape() async throws {
        let o = try await RunOutcome.of(Self.pm + "/nb_version_4.4.ipynb")
        for key in ["parameters", "input_path", "output_path", "start_time", "end_time", "duration",
                    "exception", "default_parameters", "environment_variables", "version"] {
            #expect(o.papermill.keys.contains(key), "metadata.papermill.\(key)")
        }
        for cell in o.cells {
            #expect(Set(NotebookJSON.papermill(cell).keys) == ["status", "start_time", "end_time", "duration", "exception"])
            let exec = (cell["metadata"] as? JSONObject)?["execution"] as? JSONObject ?? [:]
            #expect(Set(exec.keys) == ["iopub.status.busy", "iopub.execute_input", "shell.execute_reply", "iopub.status.idle"])
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: o.outputPath))
        #expect(bytes.last == UInt8(ascii: "\n"))
    }
}
