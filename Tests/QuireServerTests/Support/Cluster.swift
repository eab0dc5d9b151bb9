import Foundation
import QuireTestSupport

/// A `quire worker` process started by a test, with its log in a temporary file and a TMPDIR of
/// its own (its kernels' runtime folders), both removed when it is stopped or killed.
final class WorkerChild: @unchecked Sendable {
    let id: String
    let process: Process
    let logPath: String
    let tmp: String

    init(id: String, args: [String], env: [String: String], concurrency: Int = 1) throws {
        self.id = id
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.quire)
        p.arguments = ["worker", "--id", id, "--concurrency", String(concurrency), "--pool-size", "1"] + args
        p.currentDirectoryURL = URL(fileURLWithPath: TestPaths.root)
        var environment = ProcessInfo.processInfo.environment
        environment["VIRTUAL_ENV"] = TestPaths.venv
        tmp = NSTemporaryDirectory() + "quire-worker-tmp-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        environment["TMPDIR"] = tmp
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        logPath = NSTemporaryDirectory() + "quire-worker-\(id)-\(UUID().uuidString.prefix(8)).log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle(forWritingAtPath: logPath)
        try p.run()
        process = p
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// A crash of the whole machine as far as this worker goes: SIGKILL to it and every process
    /// under it (its kernels are in process groups of their own, so they would outlive it).
    func kill9() {
        ProcessTree.killWithDescendants(process.processIdentifier)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: tmp)
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill9() }
        }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: logPath)
        try? FileManager.default.removeItem(atPath: tmp)
    }
}

enum ProcessTree {
    /// SIGKILLs `pid` and its descendants, found through /proc before anything dies (an orphan is
    /// re-parented and could no longer be traced back).
    static func killWithDescendants(_ pid: pid_t) {
        var children: [pid_t: [pid_t]] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let child = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.range(of: ")", options: .backwards) else { continue }
            let fields = stat[close.upperBound...].split(separator: " ")
            if fields.count > 1, let parent = pid_t(fields[1]) { children[parent, default: []].append(child) }
        }
        var all: [pid_t] = []
        var stack = [pid]
        while let p = stack.popLast() {
            all.append(p)
            stack += children[p] ?? []
        }
        for p in all.reversed() { kill(p, SIGKILL) }
    }
}

/// The serve replicas and workers of a scale-out test, with the chaos loop that kills them.
final class Cluster: @unchecked Sendable {
    private let lock = NSLock()
    private var replicas: [ServeProcess]
    private var workers: [WorkerChild]

    init(replicas: [ServeProcess], workers: [WorkerChild]) {
        self.replicas = replicas
        self.workers = workers
    }

    func http(_ replica: Int) -> HTTP { lock.withLock { HTTP(base: replicas[replica].baseURL) } }

    struct Kills: CustomStringConvertible {
        var workers = 0
        var replicas = 0
        var description: String { "\(workers) worker kills, \(replicas) replica kills" }
    }

    /// Until cancelled: every 2–4 s a random worker is killed with its kernels and started again
    /// with the same id half a second later; the fourth round kills and restarts replica 0 instead.
    func killAtRandom(env: [String: String], args: [String]) async -> Kills {
        var kills = Kills()
        var round = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(Int.random(in: 2000...4000)))
            if Task.isCancelled { break }
            round += 1
            if round == 4 {
                let old = lock.withLock { replicas[0] }
                old.kill9()
                kills.replicas += 1
                if let fresh = try? ServeProcess(workers: 0, data: old.data, extraArgs: args + ["--config", old.data + "/quire.yaml"], env: env) {
                    lock.withLock { replicas[0] = fresh }
                    try? FileManager.default.removeItem(atPath: old.logPath)
                }
                continue
            }
            let i = Int.random(in: 0..<3)
            let victim = lock.withLock { workers[i] }
            victim.kill9()
            kills.workers += 1
            try? await Task.sleep(for: .milliseconds(500))
            if let fresh = try? WorkerChild(id: victim.id, args: args, env: env) {
                lock.withLock { workers[i] = fresh }
                try? FileManager.default.removeItem(atPath: victim.logPath)
            }
        }
        return kills
    }

    func stopAll() {
        let (r, w) = lock.withLock { (replicas, workers) }
        for worker in w { worker.stop() }
        for replica in r {
            replica.stop()
            // A restarted replica reuses its predecessor's folder, which it does not own.
            try? FileManager.default.removeItem(atPath: replica.data)
            try? FileManager.default.removeItem(atPath: replica.logPath)
        }
    }
}
