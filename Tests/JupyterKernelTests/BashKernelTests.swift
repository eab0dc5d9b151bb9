import JupyterKernel
import NotebookFormat
import Testing

extension KernelTests {
    @Suite("bash_kernel execution", .timeLimit(.minutes(2)))
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

                // Long in time rather than in volume: bash_kernel emits one message per pexpect read, and
                // under CPU contention the kernel's own PUB queue (1000 messages) drops the excess.
                let start = ContinuousClock.now
                let loop = try await k.run("for i in $(seq 1 300); do echo line $i; if [ $((i % 50)) = 0 ]; then sleep 0.3; fi; done; echo end")
                #expect(loop.status == "ok")
                #expect(ContinuousClock.now - start > .seconds(1.5))
                // pexpect output may contain "\r\n", which Swift treats as one Character.
                let lines = TestSupport.streamText(loop).split(whereSeparator: \.isNewline)
                #expect(lines.count == 301)
                #expect(lines.first == "line 1" && lines.dropLast().last == "line 300")
                #expect(await k.info.content["language_info"]?["name"] == "bash")
            }
        }
    }
}
