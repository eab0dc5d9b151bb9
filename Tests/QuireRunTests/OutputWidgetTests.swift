import Foundation
import Testing

/// nbclient mimics the front end's Output widget (reference §6.7) and Quire does the same: while a
/// `with out:` block runs, the request's outputs go into the widget (adjacent streams merged,
/// clear_output honoured) instead of the cell, and the new outputs are sent back to the kernel.
/// The expectations are what papermill 2.7 / nbclient 0.11 produce for `output_widget.ipynb`; they
/// are written down rather than produced live because papermill itself hangs now and then on
/// Output widgets under load (seen three times in one afternoon), which a test must not inherit.
@Suite("Output widgets as nbclient handles them")
struct OutputWidgetTests {
    @Test func capturedOutputsGoToTheWidgetAndBackToTheKernel() async throws {
        let dir = TempDir()
        let r = try await Run.quire(["run", Paths.notebooks + "/output_widget.ipynb", dir.path + "/out.ipynb", "--no-progress-bar"])
        #expect(r.status == 0, "\(r.stderr)")
        let nb = try NotebookJSON.read(dir.path + "/out.ipynb")
        let cells = NotebookJSON.cells(nb).map { cell in
            NotebookJSON.outputs(cell).map { o -> String in
                let type = o["output_type"] as? String ?? "?"
                if type == "stream" { return "stream:" + Self.text(o["text"]) }
                return type
            }
        }
        #expect(cells == [
            ["execute_result"], ["stream:in the cell\n"],
            // The kernel's own Output widget got the captured outputs back.
            ["stream:1 'a\\nb\\n'\n"],
            ["execute_result"], [], ["execute_result"],
            // The ValueError raised inside `with shown:` is the widget's (ipywidgets swallows it).
            [], ["stream:after 2\n"],
        ])

        let widgets = (nb["metadata"] as? JSONObject)?["widgets"] as? JSONObject
        let state = (widgets?["application/vnd.jupyter.widget-state+json"] as? JSONObject)?["state"] as? JSONObject ?? [:]
        let captured = state.values.compactMap { model -> [String]? in
            guard let m = model as? JSONObject, m["model_name"] as? String == "OutputModel" else { return nil }
            return ((m["state"] as? JSONObject)?["outputs"] as? [JSONObject] ?? []).map { o in
                switch o["output_type"] as? String {
                case "stream": "stream:" + Self.text(o["text"])
                case "display_data": "display:" + Self.text((o["data"] as? JSONObject)?["text/plain"])
                case "error": "error:" + Self.text(o["ename"])
                case let t: t ?? "?"
                }
            }
        }
        #expect(Set(captured) == [["stream:a\nb\n"], ["stream:new\n"], ["display:'a display'", "error:ValueError"]],
                "outputs per Output widget: \(captured)")
    }

    static func text(_ v: Any?) -> String {
        if let s = v as? String { return s }
        return (v as? [String])?.joined() ?? ""
    }
}
