import Foundation
import Glibc
import JupyterKernel
import Testing

extension KernelTests {
    /// Start, restart and stop leave nothing behind: no processes, descriptors or runtime files.
    /// Serialized: the leak counts look at the whole test process.
    @Suite("kernel lifecycle", .timeLimit(.minutes(2)))
    struct LifecycleTests {
        @Test func fiftyKernelsInARowLeakNothing() async throws {
            let tmp = try TestSupport.makeTemp()
            defer { TestSupport.removeTemp(tmp) }
            var options = LaunchOptions()
            options.runtimeParent = tmp
            let spec = try TestSupport.spec("python3")
            // Warm-up: the first kernel allocates process-wide things (logging, Foundation caches).
            let warm = try await KernelClient.start(spec, options: options)
            await warm.shutdown()
            let fdsBefore = openDescriptors()
            var pids: [Int32] = []
            for i in 0..<50 {
                let k = try await KernelClient.start(spec, options: options)
                pids.append(await k.pid)
                // The first request right after start must lose none of its output (iopub join race).
                let r = try await k.run("print(\(i)); \(i) * 2")
                #expect(TestSupport.streamText(r) == "\(i)\n")
                #expect(r.outputs.last?.content["data"]?["text/plain"] == .string(String(i * 2)))
                await k.shutdown()
            }
            #expect(openDescriptors() <= fdsBefore, "no descriptor leaked")
            #expect(pids.allSatisfy { processState($0) == nil }, "every kernel reaped")
            #expect(childProcesses().isEmpty, "no child process left")
            #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty, "no runtime files left")
        }

        @Test func tcpTransportAndRestart() async throws {
            var options = LaunchOptions()
            options.transport = .tcp
            try await TestSupport.withKernel(options: options) { k in
                let first = await k.pid
                _ = try await k.run("x = 41")
                try await k.restart()
                let second = await k.pid
                #expect(first != second)
                #expect(processState(first) == nil)
                let r = try await k.run("'x' in globals()")
                #expect(r.outputs.last?.content["data"]?["text/plain"] == "False", "fresh interpreter after restart")
                let info = try await k.kernelInfo()
                #expect(info.content["language_info"]?["name"] == "python")
            }
        }

        /// A kernel that ignores shutdown_request and SIGTERM still ends: SIGKILL after the grace.
        @Test func stubbornKernelIsKilled() async throws {
            var options = LaunchOptions()
            options.shutdownGrace = .milliseconds(300)
            let k = try await KernelClient.start(try TestSupport.spec("python3"), options: options)
            let pid = await k.pid
            let r = try await k.run("""
                import signal
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                get_ipython().kernel.control_handlers['shutdown_request'] = lambda *args: None
                """)
            #expect(r.status == "ok")
            let start = ContinuousClock.now
            await k.shutdown()
            let took = ContinuousClock.now - start
            // No reply (300 ms), no exit (300 ms), SIGTERM ignored (300 ms), then SIGKILL.
            #expect(took >= .milliseconds(850), "escalated through every step")
            #expect(took < .seconds(3))
            #expect(processState(pid) == nil)
        }

        /// Processes the kernel started die with it (the whole process group is killed).
        @Test func kernelChildrenDoNotSurvive() async throws {
            let k = try await KernelClient.start(try TestSupport.spec("python3"))
            let r = try await k.run("import subprocess; p = subprocess.Popen(['sleep', '60']); print(p.pid)")
            let child = try #require(Int32(TestSupport.streamText(r).trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(processState(child) == "S")
            await k.shutdown()
            try await Self.waitGone(child, zombieIsGone: true)
            // Orphans end as zombies of whatever reaps for pid 1 here; only "still running" is a leak.
            #expect(processState(child) == nil || processState(child) == "Z")
        }

        /// A client released without `shutdown()` still takes its kernel down.
        @Test func droppedClientTakesItsKernelDown() async throws {
            var pid: Int32 = 0
            var dir = ""
            do {
                let k = try await KernelClient.start(try TestSupport.spec("python3"))
                pid = await k.pid
                dir = await k.runtimeDirectory
            }
            try await Self.waitGone(pid)
            #expect(processState(pid) == nil)
            #expect(!FileManager.default.fileExists(atPath: dir))
        }

        static func waitGone(_ pid: Int32, zombieIsGone: Bool = false) async throws {
            let deadline = ContinuousClock.now + .seconds(1)
            while ContinuousClock.now < deadline, let s = processState(pid), !(zombieIsGone && s == "Z") {
                try await Task.sleep(for: .milliseconds(10))
            }
        }

        func openDescriptors() -> Int {
            (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
        }

        func childProcesses() -> [Int32] {
            let me = getpid()
            let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            return pids.compactMap(Int32.init).filter { pid in
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                    let close = stat.lastIndex(of: ")")
                else { return false }
                let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
                return fields.count > 1 && Int32(fields[1]) == me
            }
        }
    }
}
