import Foundation
import Glibc
import JupyterKernel
import Synchronization
import Testing

extension KernelTests {
    /// The warm pool with real ipykernel processes. Each test gives the pool its own runtime parent
    /// directory, so the kernels it started are exactly the processes whose command line names that
    /// directory (their connection file lives there); every test ends by checking none is left.
    @Suite("kernel pool", .timeLimit(.minutes(5)))
    struct KernelPoolTests {
        @Test func takeRefillsInTheBackgroundAndNeverReusesAKernel() async throws {
            let spec = try TestSupport.spec("python3")
            try await withPool(size: 1) { pool, _, taken in
                await pool.warm(spec)
                #expect(await pool.readyCounts == ["python3": 1])
                let first = try await taken.take(spec, from: pool)
                #expect(processName(try #require(parentPID(await first.pid))) == "quire-forksrv", "pooled kernels are forked")
                _ = try await first.run("x = 42")
                try await waitUntil("the pool refilled") { await pool.readyCounts["python3"] == 1 }

                let second = try await taken.take(spec, from: pool)
                #expect(await first.pid != second.pid)
                let r = try await second.run("import os; print('x' in globals(), os.getpid())")
                #expect(TestSupport.streamText(r) == "False \(await second.pid)\n", "a fresh interpreter, never the first run's")
            }
        }

        @Test func concurrentTakesGetDistinctKernels() async throws {
            let spec = try TestSupport.spec("python3")
            try await withPool(size: 1) { pool, _, taken in
                await pool.warm(spec)
                async let a = taken.take(spec, from: pool)
                async let b = taken.take(spec, from: pool)
                let (ka, kb) = try await (a, b)
                let (pa, pb) = (await ka.pid, await kb.pid)
                #expect(pa != pb)
                for (kernel, pid) in [(ka, pa), (kb, pb)] {
                    let r = try await kernel.run("import os; print(os.getpid())")
                    #expect(TestSupport.streamText(r) == "\(pid)\n")
                }
            }
        }

        @Test func aPooledKernelKilledWhileIdleIsNotHandedOut() async throws {
            let spec = try TestSupport.spec("python3")
            try await withPool(size: 1) { pool, runtime, taken in
                await pool.warm(spec)
                let idle = kernelPIDs(under: runtime)
                try #require(idle.count == 1)
                kill(idle[0], SIGKILL)
                try await waitUntil("the killed kernel exited") { [idle] in processState(idle[0]).map { $0 == "Z" } ?? true }

                let kernel = try await taken.take(spec, from: pool)
                #expect(await kernel.pid != idle[0])
                let r = try await kernel.run("print(6 * 7)")
                #expect(TestSupport.streamText(r) == "42\n")
                try await waitUntil("the dead kernel was reaped") { [idle] in processState(idle[0]) == nil }
            }
        }

        /// Two specs sharing a name but not a directory are pooled apart; `shutdownAll` ends the
        /// idle kernels and a refill caught mid-start, and the pool refuses work afterwards.
        @Test func shutdownAllLeavesNoKernelAndLaterTakesThrow() async throws {
            let spec = try TestSupport.spec("python3")
            try await withPool(size: 1) { pool, runtime, taken in
                let twin = KernelSpec(
                    name: spec.name, resourceDirectory: runtime, argv: spec.argv, displayName: "twin",
                    language: spec.language, env: spec.env)
                await pool.warm(spec)
                await pool.warm(twin)
                #expect(await pool.readyCounts == ["python3": 2])
                let idle = kernelPIDs(under: runtime)
                #expect(idle.count == 2)

                let kept = try await taken.take(twin, from: pool)  // starts a refill of twin
                let keptPID = await kept.pid
                await pool.shutdownAll()
                let left = kernelPIDs(under: runtime)
                #expect(left == [keptPID], "only the taken kernel survives: it belongs to its caller")
                // Forked kernels are reaped by their fork server a moment after they end (as above).
                try await waitUntil("the idle kernels were reaped", timeout: .seconds(30)) {
                    idle.filter { $0 != keptPID }.allSatisfy { !isRunning($0) }
                }
                #expect(await pool.readyCounts.isEmpty)

                do {
                    _ = try await pool.take(spec)
                    Issue.record("take after shutdownAll returned a kernel")
                } catch KernelError.poolShutDown {
                } catch {
                    Issue.record("expected poolShutDown, got \(error)")
                }
                await pool.warm(spec)
                #expect(await pool.readyCounts.isEmpty, "warm after shutdownAll starts nothing")
                await pool.shutdownAll()  // a second call is harmless
            }
        }

        /// A spec whose kernel never comes up: `take` reports the start's own error, and the
        /// background refill keeps retrying (with backoff) without hanging `warm` or `shutdownAll`.
        @Test func failingStartsAreRetriedAndTakeReportsItsOwnError() async throws {
            try await withPool(size: 1) { pool, runtime, _ in
                let attempts = runtime + "/attempts"
                let broken = KernelSpec(
                    name: "broken", resourceDirectory: runtime,
                    argv: ["/bin/sh", "-c", "echo started >> '\(attempts)'; echo 'no kernel here' >&2; exit 3", "{connection_file}"],
                    displayName: "broken", language: "python")
                do {
                    _ = try await pool.take(broken)
                    Issue.record("a kernel that exits at once was handed out")
                } catch KernelError.kernelDied(let status, let stderr) {
                    #expect(status == .exited(code: 3))
                    #expect(stderr.contains("no kernel here"))
                }
                await pool.warm(broken)  // returns after a failed attempt instead of waiting forever
                try await waitUntil("the refill retried", timeout: .seconds(120)) {
                    let text = (try? String(contentsOfFile: attempts, encoding: .utf8)) ?? ""
                    return text.split(separator: "\n").count >= 3  // the cold start, then two refills
                }
                #expect((await pool.readyCounts["broken"] ?? 0) == 0)
            }
        }

        @Test func aSpecLeftIdleIsDrained() async throws {
            let spec = try TestSupport.spec("python3")
            // Long enough for a loaded machine to finish starting the kernel before the drain.
            try await withPool(size: 1, idleTimeout: .seconds(8)) { pool, runtime, _ in
                await pool.warm(spec)
                #expect(await pool.readyCounts == ["python3": 1])
                let idle = kernelPIDs(under: runtime)
                #expect(idle.count == 1)
                try await waitUntil("the idle spec was drained") { await pool.readyCounts.isEmpty }
                try await waitUntil("its kernel ended") { kernelPIDs(under: runtime).isEmpty }
                // A forked kernel is the fork server's child: gone once the fork server reaped it
                // (a moment after it ended, so waited for, never a zombie for good).
                try await waitUntil("its process was reaped", timeout: .seconds(30)) { idle.allSatisfy { !isRunning($0) } }
            }
        }
    }
}

/// Kernels a test took, shut down at its end whatever happened.
private final class TakenKernels: Sendable {
    private let clients = Mutex<[KernelClient]>([])

    func take(_ spec: KernelSpec, from pool: KernelPool) async throws -> KernelClient {
        let client = try await pool.take(spec)
        clients.withLock { $0.append(client) }
        return client
    }

    func shutdownAll() async {
        for client in clients.withLock({ $0 }) { await client.shutdown() }
    }
}

/// Runs `body` with a pool whose kernels live under a fresh temp directory; afterwards shuts
/// everything down and checks that no process of the pool outlived it.
private func withPool(
    size: Int, idleTimeout: Duration = .seconds(3600),
    _ body: (KernelPool, String, TakenKernels) async throws -> Void
) async throws {
    let runtime = try TestSupport.makeTemp()
    defer { TestSupport.removeTemp(runtime) }
    let pool = KernelPool(size: size, idleTimeout: idleTimeout) { _ in
        var options = LaunchOptions()
        options.runtimeParent = runtime
        return options
    }
    let taken = TakenKernels()
    var failure: (any Error)?
    do { try await body(pool, runtime, taken) } catch { failure = error }
    await taken.shutdownAll()
    await pool.shutdownAll()
    // A fork server outlives the pool while a kernel it forked is taken; it exits after that one.
    let clean = (try? await waitUntil("no process left", timeout: .seconds(30)) { processesNaming(runtime).isEmpty }) != nil
    #expect(clean, "no kernel or fork server process outlives the pool: \(processesNaming(runtime))")
    if let failure { throw failure }
}

/// Processes whose command line mentions `directory` (a kernel names its connection file there).
private func kernelPIDs(under directory: String) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap(Int32.init).filter { pid in
        // A forked kernel shares its fork server's command line (which names the directory too).
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), processName(pid) != "quire-forksrv" else { return false }
        return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).contains(directory + "/")
    }.sorted()
}

/// `kill(pid, 0)`: the process (or its unreaped zombie) still exists.
private func isRunning(_ pid: Int32) -> Bool {
    kill(pid, 0) == 0 || errno != ESRCH
}

/// Polls `condition` until it holds; generous by default, as kernels start slowly on a busy machine.
private func waitUntil(
    _ what: String, timeout: Duration = .seconds(120), _ condition: () async -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while !(await condition()) {
        guard ContinuousClock.now < deadline else { throw TestFailure("timed out waiting until \(what)") }
        try await Task.sleep(for: .milliseconds(100))
    }
}
