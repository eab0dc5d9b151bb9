import Foundation
import JupyterKernel
import NotebookFormat
import Testing

@Suite("ipykernel execution")
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
        }
    }
}
