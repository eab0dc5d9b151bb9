import Foundation
import JupyterKernel
import NotebookFormat
import Testing

/// The same cells through jupyter_client and through Quire must produce the same iopub event
/// sequences and replies, ignoring ids, dates and random display ids.
@Suite("event sequences vs jupyter_client", .timeLimit(.minutes(2)))
struct JupyterClientComparisonTests {
    static let cells = [
        "print('hi'); 1+1",
        "from IPython.display import display, HTML\nh = display(HTML('<b>first</b>'), display_id=True)\nh.update(HTML('<b>second</b>'))",
        "import sys; print('to stderr', file=sys.stderr)",
        "from IPython.display import clear_output\nprint('a')\nclear_output(wait=True)\nprint('b')",
        "from IPython.display import display, Markdown, JSON\ndisplay(Markdown('*m*'), JSON({'k': [1, None]}))",
        "{'x': 1.5, 'y': [True, None]}",
        "1/0",
        "x = 3",
        "x * 2",
    ]

    @Test(arguments: ["python3", "bash"])
    func sameEventsAsJupyterClient(kernel: String) async throws {
        let cells = kernel == "bash"
            ? ["echo hi", "echo err >&2", "false", "for i in 1 2 3; do echo $i; done", "pwd >/dev/null; echo done"]
            : Self.cells
        let tmp = try TestSupport.makeTemp()
        defer { TestSupport.removeTemp(tmp) }
        let cellsPath = tmp + "/cells.json"
        try JSONValue.array(cells.map { .string($0) }).serialized().write(to: cellsPath)
        let script = TestSupport.repoRoot + "/Tests/JupyterKernelTests/Peer/jupyter_client_events.py"
        async let pythonOutput = Task.detached {
            try TestSupport.runPython(try String(contentsOfFile: script, encoding: .utf8), arguments: [cellsPath, kernel])
        }.value

        let ours: [JSONValue] = try await TestSupport.withKernel(kernel) { k in
            var results: [JSONValue] = []
            for code in cells {
                let r = try await k.run(code)
                results.append(["iopub": .array(r.iopub.map(Self.summary)), "reply": Self.summary(r.reply)])
            }
            return results
        }
        let theirs = try JSONValue.parse(try await pythonOutput).arrayValue ?? []
        #expect(theirs.count == cells.count)
        for (i, (a, b)) in zip(ours, theirs).enumerated() {
            #expect(Self.normalize(a) == Self.normalize(b), "cell \(i): \(cells[i])")
        }
    }

    static func summary(_ m: JupyterMessage) -> JSONValue {
        ["msg_type": .string(m.msgType), "content": m.content]
    }

    /// Drops what differs between two runs by design: random display ids and engine uuids.
    static func normalize(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o):
            var out = JSONObject()
            for (k, value) in o where k != "engine_info" {
                out[k] = k == "display_id" ? "<id>" : normalize(value)
            }
            return .object(out)
        case .array(let a): return .array(a.map(normalize))
        default: return v
        }
    }
}

extension [UInt8] {
    func write(to path: String) throws {
        try Data(self).write(to: URL(fileURLWithPath: path))
    }
}
