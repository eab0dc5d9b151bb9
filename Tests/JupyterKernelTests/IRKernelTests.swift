import Foundation
import JupyterKernel
import NotebookFormat
import Testing

extension KernelTests {
    /// IRkernel from Debian's r-cran-irkernel (installed by scripts/bootstrap; its kernelspec lives in
    /// /usr/share/jupyter/kernels/ir): a kernel that is neither Python nor started from the venv.
    @Suite("IRkernel execution", .timeLimit(.minutes(2)))
    struct IRKernelTests {
        @Test func streamsRichResultsAndErrors() async throws {
            try await TestSupport.withKernel("ir") { k in
                #expect(await k.info.content["language_info"]?["name"] == "R")

                let printed = try await k.run(#"cat("hello\n"); message("careful"); 1 + 1"#)
                #expect(printed.status == "ok")
                #expect(TestSupport.streamText(printed) == "hello\n")
                #expect(TestSupport.streamText(printed, "stderr").hasPrefix("careful\n"))
                let value = try #require(printed.outputs.last { $0.msgType == "display_data" })
                #expect(value.content["data"]?["text/plain"] == "[1] 2")

                // R's rich repr: one display with every mime type IRkernel renders a data.frame to.
                let frame = try await k.run(#"data.frame(a = 1:2, b = c("x", "y"))"#)
                let data = try #require(frame.outputs.last { $0.msgType == "display_data" }?.content["data"]?.objectValue)
                #expect(Set(data.keys) == ["text/plain", "text/html", "text/markdown", "text/latex"])
                #expect(data["text/html"]?.stringValue?.contains("<table") == true)

                let failed = try await k.run(#"1 + 1; stop("boom"); 3"#)
                #expect(failed.status == "error")
                let error = try #require(failed.outputs.last { $0.msgType == "error" })
                #expect(error.content["ename"] == "ERROR")
                #expect(error.content["evalue"]?.stringValue?.contains("boom") == true)
                #expect(try await k.run("x <- 42; x").status == "ok", "kernel usable after an error")
            }
        }

        @Test func interruptStopsSysSleep() async throws {
            try await TestSupport.withKernel("ir") { k in
                let events = await k.execute("Sys.sleep(30)")
                async let result: ExecutionResult = FailureTests.collect(events)
                try await Task.sleep(for: .milliseconds(700))
                let sent = ContinuousClock.now
                try await k.interrupt()
                _ = try await result
                #expect(ContinuousClock.now - sent < .seconds(2))
                #expect(try await k.run("1").status == "ok", "kernel usable after interrupt")
            }
        }

        @Test func readlineIsRefusedNotHung() async throws {
            try await TestSupport.withKernel("ir") { k in
                let start = ContinuousClock.now
                await #expect {
                    _ = try await k.run(#"name <- readline("name? ")"#)
                } throws: { error in
                    guard case KernelError.inputNotSupported = error else { return false }
                    return "\(error)".contains("not supported in batch runs")
                }
                #expect(ContinuousClock.now - start < .seconds(10))
            }
        }
    }
}
