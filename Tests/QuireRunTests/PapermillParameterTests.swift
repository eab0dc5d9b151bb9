import Foundation
import Testing

/// papermill corpus (§10.2) expectations that need parameters: where the injected cell goes, its
/// exact source, report mode, banners after injection, and the one true input→output pair.
@Suite("papermill corpus: with parameters (§10.2)")
struct PapermillParameterTests {
    static let pm = Paths.papermillCorpus

    @Test("binder cli-simple: simple_input -p msg Hello reproduces simple_output's structure")
    func binderPair() async throws {
        let base = Paths.shared + "/corpus/papermill/binder-cli-simple"
        let o = try await RunOutcome.of(base + "/simple_input.ipynb", ["-p", "msg", "Hello"])
        let expected = try NotebookJSON.read(base + "/simple_output.ipynb")
        #expect(o.result.status == 0, "stderr: \(o.result.stderr)")
        let want = NotebookJSON.cells(expected)
        #expect(o.cells.count == want.count)
        for (got, exp) in zip(o.cells, want) {
            #expect(got["cell_type"] as? String == exp["cell_type"] as? String)
            #expect(NotebookJSON.source(got) == NotebookJSON.source(exp))
            #expect(NotebookJSON.tags(got) == NotebookJSON.tags(exp))
            #expect(NotebookJSON.count(got) == NotebookJSON.count(exp))
            let norm = { (c: JSONObject) in NotebookJSON.canonical(OutputNormalisation.normalise(NotebookJSON.outputs(c))) }
            #expect(norm(got) == norm(exp))
        }
        let expectedKeys = Set(((expected["metadata"] as? JSONObject)?["papermill"] as? JSONObject ?? [:]).keys)
        #expect(Set(o.papermill.keys) == expectedKeys)
        #expect(NotebookJSON.canonical(o.papermill["parameters"] ?? [:]) == NotebookJSON.canonical(["msg": "Hello"]))
    }

    @Test("simple_execute: injected cell is index 1 with the exact source")
    func injectedAfterParameters() async throws {
        let o = try await RunOutcome.of(Self.pm + "/simple_execute.ipynb", ["-p", "msg", "Hello"])
        #expect(o.result.status == 0, "stderr: \(o.result.stderr)")
        #expect(NotebookJSON.tags(o.cells[1]) == ["injected-parameters"])
        #expect(NotebookJSON.source(o.cells[1]) == "# Parameters\nmsg = \"Hello\"\n")
        #expect(o.cells.last?["cell_type"] as? String == "markdown")
        #expect(NotebookJSON.outputs(o.cells[2]).map { NotebookJSON.joined($0["text"]) } == ["Hello\n"])
    }

    @Test("no_parameters: injected at the top with a warning; empty cell count stays null")
    func injectedAtTop() async throws {
        let o = try await RunOutcome.of(Self.pm + "/no_parameters.ipynb", ["-p", "msg", "Hello"])
        #expect(o.result.status == 0, "stderr: \(o.result.stderr)")
        #expect(NotebookJSON.tags(o.cells[0]) == ["injected-parameters"])
        #expect(o.result.stderr.contains("Input notebook does not contain a cell with tag 'parameters'"), "papermill's warning")
        #expect(NotebookJSON.count(o.cells[3]) == nil)
    }

    @Test("report mode: every code cell's source hidden, injected cell included")
    func reportMode() async throws {
        let o = try await RunOutcome.of(Self.pm + "/report_mode_test.ipynb", ["--report-mode", "-p", "a", "3"])
        #expect(o.result.status == 0, "stderr: \(o.result.stderr)")
        let code = o.cells.filter { $0["cell_type"] as? String == "code" }
        #expect(code.count == 4)
        for c in code {
            #expect(((c["metadata"] as? JSONObject)?["jupyter"] as? JSONObject)?["source_hidden"] as? Bool == true)
        }
        #expect(NotebookJSON.outputs(code[3]).map { NotebookJSON.joined($0["text"]) } == ["4\n"])
    }

    @Test("broken1 -p msg Hello: banner In [3], anchored before assert False, last cell pending")
    func broken1WithParameters() async throws {
        let o = try await RunOutcome.of(Self.pm + "/broken1.ipynb", ["-p", "msg", "Hello"])
        #expect(o.result.status == 1)
        #expect(o.banners.count == 2)
        #expect(o.topBannerMentions("In [3]"))
        let anchor = o.banners[1]
        #expect(NotebookJSON.source(o.cells[anchor + 1]) == "assert False")
        #expect(NotebookJSON.papermill(o.cells.last!)["status"] as? String == "pending")
    }

    @Test("keyboard_interrupt --prepare-only -p foo bar: outputs and count 2 kept, exit 0")
    func prepareOnlyWithParameters() async throws {
        let o = try await RunOutcome.of(Self.pm + "/keyboard_interrupt.ipynb", ["--prepare-only", "-p", "foo", "bar"])
        #expect(o.result.status == 0, "stderr: \(o.result.stderr)")
        #expect(NotebookJSON.tags(o.cells[0]) == ["injected-parameters"])
        #expect(NotebookJSON.count(o.cells[1]) == 2)
        #expect(NotebookJSON.outputs(o.cells[1]).first?["ename"] as? String == "KeyboardInterrupt")
    }
}
