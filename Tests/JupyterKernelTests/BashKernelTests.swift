import JupyterKernel
import NotebookFormat
import Testing

@Suite("bash_kernel execution")
struct BashKernelTests {
    @Test func echoFailingCommandAndLongLoop() async throws {
        try await TestSupport.withKernel("bash") { k in
            let echo = try await k.run("echo hello")
            #expect(echo.status == "ok")
            #expect(TestSupport.streamText(echo) == "hello\n")

            let fail = try await k.run("ls /no/such/dir")
            #expect(fail.status == "error")
            let error = try #require(fail.outputs.last { $0.msgType == "error" })
            #expect(error.content["ename"] == "", "bash_kernel reports errors with an empty ename")
            #expect(error.content["evalue"]?.stringValue.map { $0 != "0" } == true)

            let loop = try await k.run("for i in $(seq 1 3000); do echo line $i; done; echo end")
            #expect(loop.status == "ok")
            // pexpect output may contain "\r\n", which Swift treats as one Character.
            let lines = TestSupport.streamText(loop).split(whereSeparator: \.isNewline)
            #expect(lines.count == 3001)
            #expect(lines.first == "line 1" && lines.dropLast().last == "line 3000")
            #expect(await k.info.content["language_info"]?["name"] == "bash")
        }
    }
}
