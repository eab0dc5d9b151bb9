import Foundation
import Glibc
import NotebookFormat
import Testing

@testable import JupyterKernel

extension KernelTests {
    /// Interrupts, kernel death, heartbeat loss, stdin: every one ends promptly with a typed outcome.
    @Suite("failure detection", .timeLimit(.minutes(2)))
    struct FailureTests {
        @Test func interruptSleepingCell() async throws {
            try await TestSupport.withKernel { k in
                let events = await k.execute("import time; time.sleep(30)")
                async let result: ExecutionResult = Self.collect(events)
                try await Task.sleep(for: .milliseconds(500))
                let sent = ContinuousClock.now
                try await k.interrupt()
                let r = try await result
                #expect(ContinuousClock.now - sent < .seconds(2))
                #expect(r.outputs.last?.msgType == "error")
                #expect(r.outputs.last?.content["ename"] == "KeyboardInterrupt")
                #expect(r.status == "error")
                let after = try await k.run("1")
                #expect(after.status == "ok", "kernel usable after interrupt")
            }
        }

        @Test func interruptByMessage() async throws {
            var spec = try TestSupport.spec("python3")
            spec.interruptMode = .message
            let k = try await KernelClient.start(spec)
            defer { Task { await k.shutdown() } }
            let events = await k.execute("import time; time.sleep(30)")
            async let result: ExecutionResult = Self.collect(events)
            try await Task.sleep(for: .milliseconds(500))
            let sent = ContinuousClock.now
            try await k.interrupt()
            let r = try await result
            #expect(ContinuousClock.now - sent < .seconds(2))
            #expect(r.outputs.last?.content["ename"] == "KeyboardInterrupt")
            await k.shutdown()
        }

        @Test(arguments: ["os._exit", "SIGKILL"])
        func kernelDiesMidCell(how: String) async throws {
            let k = try await KernelClient.start(try TestSupport.spec("python3"))
            let pid = await k.pid
            let code = how == "os._exit" ? "import os, time; time.sleep(0.3); os._exit(3)" : "import time; time.sleep(30)"
            let events = await k.execute(code)
            if how == "SIGKILL" {
                try await Task.sleep(for: .milliseconds(300))
                kill(pid, SIGKILL)
            }
            let start = ContinuousClock.now
            do {
                _ = try await Self.collect(events)
                Issue.record("execution finished although the kernel died")
            } catch KernelError.kernelDied(let status, _) {
                let expected: KernelExitStatus = how == "os._exit" ? .exited(code: 3) : .signaled(signal: SIGKILL)
                #expect(status == expected)
            }
            #expect(ContinuousClock.now - start < .seconds(how == "os._exit" ? 1.3 : 1))
            // A new request fails at once with the same error instead of hanging.
            await #expect(throws: KernelError.self) { try await k.run("1") }
            #expect(processState(pid) == nil, "kernel reaped: no zombie left in /proc")
            let dir = await k.runtimeDirectory
            await k.shutdown()
            #expect(!FileManager.default.fileExists(atPath: dir))
        }

        @Test func heartbeatLossIsReported() async throws {
            var options = LaunchOptions()
            options.heartbeatTimeout = .milliseconds(500)
            let k = try await KernelClient.start(try TestSupport.spec("python3"), options: options)
            let pid = await k.pid
            let events = await k.execute("import time; time.sleep(30)")
            try await Task.sleep(for: .milliseconds(200))
            killpg(pid, SIGSTOP)
            let start = ContinuousClock.now
            await #expect {
                _ = try await Self.collect(events)
            } throws: { error in
                if case KernelError.heartbeatLost = error { return true }
                return false
            }
            #expect(ContinuousClock.now - start < .seconds(1))
            killpg(pid, SIGCONT)
            await k.shutdown()
            #expect(processState(pid) == nil)
        }

        @Test func inputIsRefusedWithAClearMessage() async throws {
            try await TestSupport.withKernel { k in
                let start = ContinuousClock.now
                await #expect {
                    _ = try await k.run("name = input('name? ')")
                } throws: { error in
                    guard case KernelError.inputNotSupported = error else { return false }
                    return "\(error)".contains("not supported in batch runs")
                }
                #expect(ContinuousClock.now - start < .seconds(5))
                let after = try await k.run("1+1")
                #expect(after.status == "ok")
            }
        }

        @Test func startupTimeoutCarriesStderr() async throws {
            let tmp = try TestSupport.makeTemp()
            defer { TestSupport.removeTemp(tmp) }
            let spec = KernelSpec(
                name: "mute", resourceDirectory: tmp,
                argv: ["/bin/sh", "-c", "echo 'booting mute kernel' >&2; exec sleep 30", "{connection_file}"],
                displayName: "Mute", language: "none")
            var options = LaunchOptions()
            options.startupTimeout = .seconds(1.5)
            let start = ContinuousClock.now
            await #expect {
                _ = try await KernelClient.start(spec, options: options)
            } throws: { error in
                guard case KernelError.startupTimeout(_, let stderr) = error else { return false }
                return stderr.contains("booting mute kernel")
            }
            // 1.5 s timeout; the slack is for a 2-core machine running every kernel test at once.
            #expect(ContinuousClock.now - start < .seconds(8))
        }

        @Test func kernelThatExitsAtStartupReportsItsStatus() async throws {
            let spec = KernelSpec(
                name: "broken", resourceDirectory: "/",
                argv: [TestSupport.python, "-c", "import sys; sys.stderr.write('no such module: nope\\n'); sys.exit(7)"],
                displayName: "Broken", language: "python")
            await #expect {
                _ = try await KernelClient.start(spec)
            } throws: { error in
                guard case KernelError.kernelDied(let status, let stderr) = error else { return false }
                return status == .exited(code: 7) && stderr.contains("no such module: nope")
            }
        }

        static func collect(_ events: KernelEventStream) async throws -> ExecutionResult {
            var iopub: [JupyterMessage] = []
            var reply: JupyterMessage?
            for try await e in events {
                switch e {
                case .iopub(let m): iopub.append(m)
                case .reply(let m): reply = m
                }
            }
            return ExecutionResult(iopub: iopub, reply: try #require(reply))
        }
    }
}
