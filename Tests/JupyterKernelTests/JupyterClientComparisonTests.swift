import Foundation
import JupyterKernel
import NotebookFormat
import Testing

extension KernelTests {
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

        static let rCells = [
            #"cat("hi\n"); 1 + 1"#, #"message("to stderr")"#, #"data.frame(a = 1:2, b = c("x", "y"))"#,
            #"stop("boom")"#, "x <- 3", "x * 2", #"invisible(print(list(k = c(1, NA))))"#,
        ]

        @Test(arguments: ["python3", "bash", "ir"])
        func sameEventsAsJupyterClient(kernel: String) async throws {
            let cells = switch kernel {
            case "bash": ["echo hi", "echo err >&2", "false", "for i in 1 2 3; do echo $i; done", "pwd >/dev/null; echo done"]
            case "ir": Self.rCells
            default: Self.cells
            }
            let tmp = try TestSupport.makeTemp()
            defer { TestSupport.removeTemp(tmp) }
            let cellsPath = tmp + "/cells.json"
            try JSONValue.array(cells.map { .string($0) }).serialized().write(to: cellsPath)
            async let pythonOutput = Task.detached {
                try TestSupport.runPython(Self.peerScript, arguments: [cellsPath, kernel])
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

        /// Runs the cells through jupyter_client and prints, per cell, the request's iopub messages and
        /// its execute_reply as JSON.
        static let peerScript = #"""
        """Runs cells through jupyter_client and prints, per cell, the iopub messages of the request and
        the execute_reply as JSON: the reference sequence the Swift client is compared with."""
        import json
        import sys

        from jupyter_client.manager import KernelManager

        cells = json.load(open(sys.argv[1]))
        km = KernelManager(kernel_name=sys.argv[2])
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        out = []
        try:
            for code in cells:
                msg_id = kc.execute(code, allow_stdin=False, stop_on_error=True)
                iopub, reply, idle = [], None, False
                while reply is None or not idle:
                    if not idle:
                        m = kc.get_iopub_msg(timeout=30)
                        if m["parent_header"].get("msg_id") != msg_id:
                            continue
                        iopub.append({"msg_type": m["msg_type"], "content": m["content"]})
                        idle = m["msg_type"] == "status" and m["content"]["execution_state"] == "idle"
                    else:
                        r = kc.get_shell_msg(timeout=30)
                        if r["parent_header"].get("msg_id") == msg_id:
                            reply = {"msg_type": r["msg_type"], "content": r["content"]}
                if reply is None:
                    reply = kc.get_shell_msg(timeout=30)
                out.append({"iopub": iopub, "reply": reply})
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
        json.dump(out, sys.stdout)
        """#

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
}


extension [UInt8] {
    func write(to path: String) throws {
        try Data(self).write(to: URL(fileURLWithPath: path))
    }
}
