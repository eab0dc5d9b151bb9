import Foundation
import Glibc
import NotebookFormat
import Testing

@testable import JupyterKernel

extension KernelTests {
    /// Kernels forked from a pre-imported ipykernel (`ForkServers`): same behaviour as a kernel
    /// started as its own interpreter, a fresh process each, and nothing left behind.
    @Suite("fork server", .timeLimit(.minutes(3)))
    struct ForkServerTests {
        @Test func forkedKernelAnswersLikeASpawnedOne() async throws {
            try await withForkServers { servers, runtime in
                let code = "print('out')\nfrom IPython.display import display; display({'a': 1}, raw=True)\n42"
                let probe = "import json, sys, os; print(json.dumps([sys.path, sys.argv[0], os.getcwd(), sorted(os.environ.items())]))"
                var shapes: [[String]] = [], probes: [String] = [], errors: [String] = []
                for forked in [false, true] {
                    var options = Self.options(runtime, servers: forked ? servers : nil)
                    options.workingDirectory = runtime
                    let k = try await KernelClient.start(try TestSupport.spec("python3"), options: options)
                    let parent = try #require(parentPID(await k.pid))
                    #expect((processName(parent) == "quire-forksrv") == forked, "forked kernels are the fork server's children")
                    #expect(processName(await k.pid) == "python")
                    let r = try await k.run(code)
                    shapes.append(r.iopub.map { m in m.msgType + ":" + (m.content.objectValue?.keys.sorted().joined(separator: ",") ?? "") }
                        + [r.reply.msgType + ":" + (r.reply.content.objectValue?.keys.sorted().joined(separator: ",") ?? "")])
                    probes.append(TestSupport.streamText(try await k.run(probe)))
                    let failed = try await k.run("1/0")
                    errors.append(failed.outputs.last?.content["ename"]?.stringValue ?? "")
                    #expect(await k.info.content["language_info"]?["name"] == "python")
                    await k.shutdown()
                }
                #expect(shapes[0] == shapes[1], "same messages with the same fields")
                #expect(probes[0] == probes[1], "same sys.path, argv[0], working directory and environment")
                #expect(errors == ["ZeroDivisionError", "ZeroDivisionError"])
            }
        }

        @Test func kernelsOfOneForkServerAreDistinctProcesses() async throws {
            try await withForkServers { servers, runtime in
                let spec = try TestSupport.spec("python3")
                let a = try await KernelClient.start(spec, options: Self.options(runtime, servers: servers))
                let b = try await KernelClient.start(spec, options: Self.options(runtime, servers: servers))
                let (pa, pb) = (await a.pid, await b.pid)
                #expect(pa != pb)
                #expect(parentPID(pa) == parentPID(pb), "one fork server for one interpreter and environment")
                let code = "import random, os; print(random.random(), os.getpid())"
                let (ra, rb) = (TestSupport.streamText(try await a.run(code)), TestSupport.streamText(try await b.run(code)))
                #expect(ra.split(separator: " ").first != rb.split(separator: " ").first, "random is re-seeded per kernel")
                #expect(ra.hasSuffix(" \(pa)\n") && rb.hasSuffix(" \(pb)\n"))
                await a.shutdown()
                await b.shutdown()
            }
        }

        @Test func workingDirectoryAndEnvironmentArePerLaunch() async throws {
            try await withForkServers { servers, runtime in
                let spec = try TestSupport.spec("python3")
                let (one, two) = (runtime + "/one", runtime + "/two")
                for dir in [one, two] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
                var results: [(pid: Int32, text: String)] = []
                for (dir, marker) in [(one, nil), (two, nil), (one, "set")] as [(String, String?)] {
                    var options = Self.options(runtime, servers: servers)
                    options.workingDirectory = dir
                    if let marker { options.environment["QUIRE_FORK_TEST"] = marker }
                    let k = try await KernelClient.start(spec, options: options)
                    let r = try await k.run("import os; print(os.getcwd(), os.environ.get('QUIRE_FORK_TEST'))")
                    results.append((try #require(parentPID(await k.pid)), TestSupport.streamText(r)))
                    await k.shutdown()
                }
                #expect(results.map(\.text) == ["\(one) None\n", "\(two) None\n", "\(one) set\n"])
                #expect(results[0].pid == results[1].pid, "a working directory is applied per fork")
                #expect(results[0].pid != results[2].pid, "another environment gets a fork server of its own")
            }
        }

        @Test func interruptReachesAForkedKernel() async throws {
            try await withForkServers { servers, runtime in
                let k = try await KernelClient.start(try TestSupport.spec("python3"), options: Self.options(runtime, servers: servers))
                #expect(processName(try #require(parentPID(await k.pid))) == "quire-forksrv")
                async let result = k.run("import time; time.sleep(30)")
                try await Task.sleep(for: .milliseconds(500))
                try await k.interrupt()
                let r = try await result
                #expect(r.outputs.last?.content["ename"] == "KeyboardInterrupt")
                #expect(try await k.run("1").status == "ok", "kernel usable after interrupt")
                await k.shutdown()
            }
        }

        @Test func shutdownLeavesNoProcessBehind() async throws {
            let runtime = try TestSupport.makeTemp()
            defer { TestSupport.removeTemp(runtime) }
            let servers = ForkServers()
            let k = try await KernelClient.start(try TestSupport.spec("python3"), options: Self.options(runtime, servers: servers))
            let kernel = await k.pid
            let server = try #require(parentPID(kernel))
            // A child the kernel started, in its process group: it must go with the kernel.
            let r = try await k.run("import subprocess; p = subprocess.Popen(['sleep', '300']); print(p.pid)")
            let grandchild = try #require(Int32(TestSupport.streamText(r).trimmingCharacters(in: .whitespacesAndNewlines)))
            await k.shutdown()
            await servers.shutdown()
            for pid in [kernel, server] {
                #expect(processState(pid) == nil, "process \(pid) is gone and reaped")
            }
            // Reparented to init when the kernel ended, which may reap it later: killed is enough.
            try await waitUntilGone(grandchild)
            #expect(try FileManager.default.contentsOfDirectory(atPath: runtime).isEmpty, "runtime files removed")
        }

        @Test func aDeadForkServerTakesItsKernelsAndIsReplaced() async throws {
            try await withForkServers { servers, runtime in
                let spec = try TestSupport.spec("python3")
                let k = try await KernelClient.start(spec, options: Self.options(runtime, servers: servers))
                let kernel = await k.pid
                let server = try #require(parentPID(kernel))
                kill(server, SIGKILL)
                await #expect(throws: KernelError.self) {
                    for _ in 0..<100 {
                        _ = try await k.run("1")
                        try await Task.sleep(for: .milliseconds(100))
                    }
                }
                try await waitUntilGone(kernel)
                await k.shutdown()
                let next = try await KernelClient.start(spec, options: Self.options(runtime, servers: servers))
                let replacement = try #require(parentPID(await next.pid))
                #expect(replacement != server && processName(replacement) == "quire-forksrv")
                await next.shutdown()
            }
        }

        @Test func nonStandardKernelspecIsLaunchedNormally() async throws {
            try await withForkServers { servers, runtime in
                var spec = try TestSupport.spec("python3")
                spec.argv = [TestSupport.python, "-W", "ignore", "-m", "ipykernel_launcher", "-f", "{connection_file}"]
                let k = try await KernelClient.start(spec, options: Self.options(runtime, servers: servers))
                #expect(parentPID(await k.pid) == getpid(), "started by Quire itself")
                #expect(try await k.run("1").status == "ok")
                await k.shutdown()
            }
        }

        /// A fork server that cannot fork safely (a thread already running after start-up, here
        /// started by a sitecustomize) refuses; the kernel is then launched normally.
        @Test func refusingForkServerFallsBackToANormalLaunch() async throws {
            try await withForkServers { servers, runtime in
                let site = runtime + "/site"
                try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
                try "import threading, time\nthreading.Thread(target=time.sleep, args=(3600,), daemon=True).start()\n"
                    .write(toFile: site + "/sitecustomize.py", atomically: true, encoding: .utf8)
                var options = Self.options(runtime, servers: servers)
                options.environment["PYTHONPATH"] = site
                let spec = try TestSupport.spec("python3")
                for _ in 0..<2 {
                    let k = try await KernelClient.start(spec, options: options)
                    #expect(parentPID(await k.pid) == getpid())
                    #expect(try await k.run("1").status == "ok")
                    await k.shutdown()
                }
            }
        }

        @Test(arguments: [
            (["/v/bin/python", "-m", "ipykernel_launcher", "-f", "/c.json"], true),
            (["/v/bin/python3.11", "-Xfrozen_modules=off", "-E", "-m", "ipykernel", "-f", "/c.json"], true),
            (["python", "-m", "ipykernel_launcher", "-f", "/c.json"], false),
            (["/v/bin/python", "-c", "pass", "-m", "ipykernel_launcher", "-f", "/c.json"], false),
            (["/v/bin/python", "-m", "ipykernel_launcher", "-f", "/c.json", "--HistoryManager.hist_file=:memory:"], true),
            (["/v/bin/python", "-m", "ipykernel_launcher", "-f", "/c.json", "--debug"], false),
            (["/v/bin/python", "-m", "ipykernel_launcher", "-f", "/other.json"], false),
            (["/v/bin/python", "-m", "other", "-f", "/c.json"], false),
            (["/usr/bin/R", "-m", "ipykernel_launcher", "-f", "/c.json"], false),
        ])
        func standardArgvIsRecognised(argv: [String], forkable: Bool) {
            let parsed = ForkableKernel.parse(argv, connectionFile: "/c.json")
            if case .success(let k) = parsed {
                #expect(forkable)
                #expect(k.interpreter == Array(argv[..<argv.firstIndex(of: "-m")!]))
                #expect(k.arguments == Array(argv[(argv.firstIndex(of: "-m")! + 2)...]))
            } else {
                #expect(!forkable)
            }
        }

        static func options(_ runtime: String, servers: ForkServers?) -> LaunchOptions {
            var o = LaunchOptions()
            o.runtimeParent = runtime
            o.forkServers = servers
            return o
        }

        /// Gives `body` fresh fork servers and a runtime directory; afterwards shuts the servers down
        /// and checks that no process of theirs is left.
        func withForkServers(_ body: (ForkServers, String) async throws -> Void) async throws {
            let runtime = try TestSupport.makeTemp()
            defer { TestSupport.removeTemp(runtime) }
            let servers = ForkServers()
            do {
                try await body(servers, runtime)
            } catch {
                await servers.shutdown()
                throw error
            }
            await servers.shutdown()
            #expect(processesNaming(runtime).isEmpty, "no fork server or kernel left")
        }
    }
}

/// The parent pid from /proc, nil when the process is gone.
func parentPID(_ pid: Int32) -> Int32? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return nil }
    return stat[stat.index(close, offsetBy: 2)...].split(separator: " ").dropFirst().first.flatMap { Int32($0) }
}

/// The process's name (`/proc/<pid>/comm`); a fork server names itself `quire-forksrv`.
func processName(_ pid: Int32) -> String? {
    (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Live (non-zombie) processes whose command line names `directory`: kernels whose connection
/// file is there, fork servers whose script is there, and the kernels those forked.
func processesNaming(_ directory: String) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap(Int32.init).filter { pid in
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), processState(pid) != "Z" else { return false }
        return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).contains(directory + "/")
    }
}

/// Polls until `pid` no longer exists or is a zombie (generous: a loaded 2-core machine is slow).
func waitUntilGone(_ pid: Int32, timeout: Duration = .seconds(30)) async throws {
    let deadline = ContinuousClock.now + timeout
    while let s = processState(pid), s != "Z" {
        guard ContinuousClock.now < deadline else { throw TestFailure("process \(pid) still running") }
        try await Task.sleep(for: .milliseconds(20))
    }
}
