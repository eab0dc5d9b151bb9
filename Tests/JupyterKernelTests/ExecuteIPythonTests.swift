import Foundation
import JupyterKernel
import NotebookFormat
import Testing

extension KernelTests {
    /// Output kinds of ipykernel, one kernel per test (tests run in parallel).
    @Suite("ipykernel execution", .timeLimit(.minutes(2)))
    struct ExecuteIPythonTests {
        @Test func printAndExpressionResult() async throws {
            try await TestSupport.withKernel { k in
                let r = try await k.run("print('hi'); 1+1")
                #expect(r.status == "ok")
                #expect(r.outputs.map(\.msgType) == ["stream", "execute_result"])
                #expect(TestSupport.streamText(r) == "hi\n")
                #expect(r.outputs.last?.content["data"]?["text/plain"] == "2")
                #expect(r.iopub.first?.content["execution_state"] == "busy")
                #expect(r.iopub.last?.content["execution_state"] == "idle")
                #expect(r.iopub.contains { $0.msgType == "execute_input" })
                #expect(r.reply.content["execution_count"] == 1)
            }
        }

        @Test func displayUpdateClearOutputAndStderr() async throws {
            try await TestSupport.withKernel { k in
                let r = try await k.run("""
                    from IPython.display import display, HTML, clear_output
                    import sys
                    h = display(HTML('<b>first</b>'), display_id=True)
                    h.update(HTML('<b>second</b>'))
                    print('to stderr', file=sys.stderr)
                    clear_output(wait=True)
                    print('after clear')
                    """)
                #expect(r.status == "ok")
                let types = r.outputs.map(\.msgType)
                #expect(types == ["display_data", "update_display_data", "stream", "clear_output", "stream"])
                let id = r.outputs[0].content["transient"]?["display_id"]?.stringValue
                #expect(id != nil && r.outputs[1].content["transient"]?["display_id"]?.stringValue == id)
                #expect(r.outputs[1].content["data"]?["text/html"] == "<b>second</b>")
                #expect(TestSupport.streamText(r, "stderr") == "to stderr\n")
                #expect(r.outputs[3].content["wait"] == true)
            }
        }

        @Test func exceptionWithTraceback() async throws {
            try await TestSupport.withKernel { k in
                let r = try await k.run("def f():\n    return 1/0\nf()")
                #expect(r.status == "error")
                #expect(r.reply.content["ename"] == "ZeroDivisionError")
                let error = try #require(r.outputs.last)
                #expect(error.msgType == "error")
                #expect(error.content["evalue"] == "division by zero")
                let tb = error.content["traceback"]?.arrayValue?.compactMap(\.stringValue) ?? []
                #expect(tb.count >= 3)
                #expect(tb.joined().contains("\u{1b}["), "traceback keeps ANSI colours")
                // stop_on_error aborts nothing here, and the kernel stays usable.
                let next = try await k.run("2+2")
                #expect(next.outputs.last?.content["data"]?["text/plain"] == "4")
            }
        }

        @Test func fiveMegabyteOutput() async throws {
            try await TestSupport.withKernel { k in
                let r = try await k.run("import sys; sys.stdout.write('x' * (5 * 1024 * 1024)); sys.stdout.flush()")
                #expect(r.status == "ok")
                #expect(TestSupport.streamText(r).utf8.count == 5 * 1024 * 1024)
            }
        }

        @Test func twoThousandSmallOutputs() async throws {
            try await TestSupport.withKernel { k in
                let r = try await k.run("""
                    from IPython.display import display
                    for i in range(2000):
                        display({'text/plain': str(i)}, raw=True)
                    """)
                #expect(r.status == "ok")
                let values = r.outputs.compactMap { $0.content["data"]?["text/plain"]?.stringValue }
                #expect(values == (0..<2000).map(String.init), "all 2000 outputs, in order")
                #expect(r.iopub.last?.content["execution_state"] == "idle")
            }
        }

        @Test func richMimeTypes() async throws {
            try await TestSupport.withKernel { k in
                let r = try await k.run("""
                    from IPython.display import display, Markdown, JSON, SVG, Latex
                    display(Markdown('# T'))
                    display(JSON({'a': [1, 2]}))
                    display(SVG('<svg xmlns="http://www.w3.org/2000/svg"/>'))
                    display(Latex('$x^2$'))
                    display({'image/png': 'iVBORw0KGgo=', 'text/plain': 'png'}, raw=True)
                    """)
                let mimes = r.outputs.map { Set($0.content["data"]?.objectValue?.keys ?? []) }
                #expect(mimes.count == 5)
                #expect(mimes[0].contains("text/markdown"))
                #expect(r.outputs[1].content["data"]?["application/json"] == ["a": [1, 2]])
                #expect(mimes[2].contains("image/svg+xml"))
                #expect(mimes[3].contains("text/latex"))
                #expect(r.outputs[4].content["data"]?["image/png"] == "iVBORw0KGgo=")
            }
        }

        /// The stream yields events as they happen, before the cell ends.
        @Test func eventsStreamBeforeCompletion() async throws {
            try await TestSupport.withKernel { k in
                let start = ContinuousClock.now
                var firstOutputAt: Duration?
                for try await event in await k.execute("print('early', flush=True); import time; time.sleep(1)") {
                    if event.message.msgType == "stream", firstOutputAt == nil { firstOutputAt = .now - start }
                }
                let total = ContinuousClock.now - start
                #expect(try #require(firstOutputAt) < total - .milliseconds(500))
            }
        }

        @Test func commsAreRecordedNotErrors() async throws {
            try await TestSupport.withKernel { k in
                let r = try await k.run("""
                    from ipykernel.comm import Comm
                    c = Comm(target_name='quire.test', data={'state': {'value': 1}})
                    c.send({'state': {'value': 2}}, buffers=[b'\\x00\\x01'])
                    'done'
                    """)
                #expect(r.status == "ok")
                let comms = await k.comms
                #expect(comms.count == 1)
                let comm = try #require(comms.values.first)
                #expect(comm.targetName == "quire.test")
                #expect(comm.state["value"] == 2)
                #expect(r.iopub.contains { $0.msgType == "comm_msg" && $0.buffers == [[0, 1]] })
            }
        }
    }
}
