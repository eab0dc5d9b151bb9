import Foundation
import Glibc
import Synchronization

/// One long-lived Python process that imported ipykernel once and forks a fresh kernel per request
/// (the protocol is described in `ForkServerScript`). Quire holds one end of a Unix socket; the
/// fork server sees end of file on the other when Quire closes it or dies, even by SIGKILL, and then
/// kills every kernel it forked.
///
/// The fork server, not Quire, is the kernels' parent, so it alone reaps them; that is why Quire's
/// signals go through it: only the reaper knows that a pid still names the kernel and not some later
/// process that reused it.
final class ForkServer: Sendable {
    let pid: pid_t
    let directory: String
    private let socket: Int32
    private let state = Mutex(State())
    /// Serialises writes: a request with a large environment is longer than one atomic write.
    private let writer = Mutex(true)  // false once the sending side is shut down

    private struct State {
        var ready = false
        var readyWaiters: [CheckedContinuation<Void, any Error>] = []
        /// Why the fork server cannot launch (it refused to start, or it is gone).
        var failure: String?
        var nextID = 0
        var pending: [Int: (continuation: CheckedContinuation<pid_t, any Error>, runtimeFiles: [String])] = [:]
        var live: Set<pid_t> = []
        /// Each live kernel's start time (/proc stat field 22): tells it apart from a later process
        /// that reused its pid.
        var startTimes: [pid_t: String] = [:]
        var exits: [pid_t: KernelExitStatus] = [:]
        var closing = false
        var reaped = false
    }

    private init(pid: pid_t, directory: String, socket: Int32) {
        self.pid = pid
        self.directory = directory
        self.socket = socket
    }

    /// Starts `interpreter + [script, fd]` with `environment` and waits until it has imported
    /// ipykernel; kills it if that takes longer than `readyTimeout`.
    static func start(
        interpreter: [String], environment: [String: String], runtimeParent: String, readyTimeout: Duration
    ) async throws -> ForkServer {
        let directory = try makeDirectory(parent: runtimeParent)
        let script = directory + "/forkserver.py", log = directory + "/forkserver.log"
        do {
            try Data(ForkServerScript.source.utf8).write(to: URL(fileURLWithPath: script))
            let (mine, theirs) = try socketPair()
            let pid: pid_t
            do {
                pid = try SessionSpawn.start(
                    argv: interpreter + [script, "3"], environment: environment, directory: directory, logPath: log, channel: theirs)
                // Closed at once: while Quire held the fork server's end, its exit could not end our reads.
                Glibc.close(theirs)
            } catch {
                Glibc.close(theirs)
                Glibc.close(mine)
                throw error
            }
            KernelRegistry.shared.register(pid, paths: [script, log, directory])
            let server = ForkServer(pid: pid, directory: directory, socket: mine)
            let reader = Thread { server.readReplies() }
            reader.name = "quire-forkserver-\(pid)"
            reader.start()
            let watchdog = Task {
                try await Task.sleep(for: readyTimeout)
                if !server.state.withLock({ $0.ready }) { killpg(pid, SIGKILL) }
            }
            defer { watchdog.cancel() }
            try await server.waitUntilReady(log: log)
            return server
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    /// Forks a kernel running `python -m module arguments...` in `workingDirectory` with
    /// `environment`, its stdout and stderr in `logPath`; returns its pid. The kernel is in
    /// `KernelRegistry` (with `runtimeFiles`) from the moment its pid is known until its exit is.
    func launch(
        module: String, arguments: [String], workingDirectory: String, environment: [String: String], logPath: String,
        runtimeFiles: [String]
    ) async throws -> pid_t {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<pid_t, any Error>) in
            let id: Int? = state.withLock { s in
                guard s.failure == nil, !s.closing else { return nil }
                s.nextID += 1
                s.pending[s.nextID] = (continuation, runtimeFiles)
                return s.nextID
            }
            guard let id else {
                continuation.resume(throwing: ForkServerError.unavailable(reason: failure ?? "fork server is closing"))
                return
            }
            let request: [String: Any] = [
                "op": "launch", "id": id, "module": module, "args": arguments, "cwd": workingDirectory,
                "env": environment, "log": logPath, "files": runtimeFiles,
            ]
            if !send(request), let lost = state.withLock({ $0.pending.removeValue(forKey: id) }) {
                lost.continuation.resume(throwing: ForkServerError.unavailable(reason: "cannot write to the fork server"))
            }
        }
    }

    /// Signals the kernel's process group, if the kernel is still an unreaped child.
    func signal(_ pid: pid_t, _ signal: Int32) {
        guard state.withLock({ $0.live.contains(pid) }) else { return }
        _ = send(["op": "signal", "pid": Int(pid), "signal": Int(signal)])
    }

    /// False once the kernel has ended, even before the fork server's report of it arrived: gone,
    /// a zombie, or its pid now names another process.
    func isRunning(_ pid: pid_t) -> Bool {
        guard let started = state.withLock({ $0.live.contains(pid) ? $0.startTimes[pid] : nil }),
            let stat = Self.procStat(pid)
        else { return false }
        return stat.state != "Z" && stat.state != "X" && stat.startTime == started
    }

    /// State letter, parent pid and start time from /proc/<pid>/stat.
    private static func procStat(_ pid: pid_t) -> (state: String, parent: pid_t, startTime: String)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let parent = pid_t(fields[1]) else { return nil }
        return (String(fields[0]), parent, String(fields[19]))
    }

    /// The kernel's exit status once the fork server reported it (handed out once).
    func takeExit(of pid: pid_t) -> KernelExitStatus? {
        state.withLock { $0.exits.removeValue(forKey: pid) }
    }

    var failure: String? { state.withLock { $0.failure } }
    var isReaped: Bool { state.withLock { $0.reaped } }
    /// Whether a kernel it forked still runs (one that ended but is not reported yet does not).
    var hasRunningKernels: Bool { state.withLock { $0.live }.contains { isRunning($0) } }

    /// No more launches; the fork server exits as soon as no kernel it forked is alive.
    func close() {
        let idle = state.withLock { s in
            s.closing = true
            return s.live.isEmpty
        }
        if idle { shutDownSending() }
    }

    private func shutDownSending() {
        writer.withLock { open in
            guard open else { return }
            open = false
            shutdown(socket, Int32(SHUT_WR))
        }
    }

    private func send(_ object: [String: Any]) -> Bool {
        guard var data = try? JSONSerialization.data(withJSONObject: object) else { return false }
        data.append(10)
        return writer.withLock { open in
            guard open else { return false }
            return data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.send(socket, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                    if n < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += n
                }
                return true
            }
        }
    }

    private func waitUntilReady(log: String) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let outcome: Result<Void, ForkServerError>? = state.withLock { s in
                if s.ready { return .success(()) }
                if let f = s.failure { return .failure(.unavailable(reason: f)) }
                s.readyWaiters.append(continuation)
                return nil
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }

    /// The reader thread: a blocking read loop on a thread of its own, never a Swift concurrency one.
    private func readReplies() {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            buffer += chunk[0..<n]
            while let newline = buffer.firstIndex(of: 10) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] { handle(object) }
            }
        }
        ended()
    }

    private func handle(_ reply: [String: Any]) {
        if reply["ready"] != nil {
            let waiters = state.withLock { s in
                s.ready = true
                defer { s.readyWaiters = [] }
                return s.readyWaiters
            }
            waiters.forEach { $0.resume() }
        } else if let id = reply["id"] as? Int {
            let kernel = (reply["pid"] as? Int).map { pid_t($0) }
            // Still the fork server's unreaped child here (its exit report, if any, comes after
            // this reply), so the pid cannot have been reused yet.
            let started = kernel.flatMap { Self.procStat($0) }.flatMap { $0.parent == pid ? $0.startTime : nil }
            let entry = state.withLock { s in
                if let kernel {
                    s.live.insert(kernel)
                    s.startTimes[kernel] = started
                }
                return s.pending.removeValue(forKey: id)
            }
            if let kernel, let entry { KernelRegistry.shared.register(kernel, paths: entry.runtimeFiles) }
            let continuation = entry?.continuation
            if let kernel {
                continuation?.resume(returning: kernel)
            } else {
                continuation?.resume(throwing: ForkServerError.unavailable(reason: reply["error"] as? String ?? "launch refused"))
            }
        } else if let exited = reply["exit"] as? Int, let raw = reply["status"] as? Int {
            let status = Int32(truncatingIfNeeded: raw)
            let decoded: KernelExitStatus = (status & 0x7f) == 0 ? .exited(code: (status >> 8) & 0xff) : .signaled(signal: status & 0x7f)
            KernelRegistry.shared.unregister(pid_t(exited))
            let lastOfClosing = state.withLock { s in
                s.live.remove(pid_t(exited))
                s.startTimes[pid_t(exited)] = nil
                s.exits[pid_t(exited)] = decoded
                return s.closing && s.live.isEmpty
            }
            if lastOfClosing { shutDownSending() }
        } else if let error = reply["error"] as? String {
            let waiters = state.withLock { s in
                s.failure = error
                defer { s.readyWaiters = [] }
                return s.readyWaiters
            }
            waiters.forEach { $0.resume(throwing: ForkServerError.unavailable(reason: error)) }
        }
    }

    /// The fork server is gone: reap it, fail whatever waits, and report its kernels dead (they
    /// received SIGKILL through PR_SET_PDEATHSIG when it died).
    private func ended() {
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0, errno == EINTR {}
        KernelRegistry.shared.unregister(pid)
        try? FileManager.default.removeItem(atPath: directory)
        shutDownSending()
        Glibc.close(socket)
        let how: KernelExitStatus = (raw & 0x7f) == 0 ? .exited(code: (raw >> 8) & 0xff) : .signaled(signal: raw & 0x7f)
        let (waiters, pending, reason) = state.withLock { s in
            let reason = s.failure ?? "fork server exited (\(how))"
            s.failure = reason
            s.reaped = true
            for kernel in s.live { s.exits[kernel] = .signaled(signal: SIGKILL) }
            s.live = []
            s.startTimes = [:]
            defer {
                s.readyWaiters = []
                s.pending = [:]
            }
            return (s.readyWaiters, s.pending.values.map(\.continuation), reason)
        }
        waiters.forEach { $0.resume(throwing: ForkServerError.unavailable(reason: reason)) }
        pending.forEach { $0.resume(throwing: ForkServerError.unavailable(reason: reason)) }
    }

    private static func makeDirectory(parent: String) throws -> String {
        var template = Array((parent + "/quire-forksrv-XXXXXX").utf8CString)
        let ok = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard ok else { throw KernelError.io(path: parent, errno: errno) }
        return String(cString: template)
    }

    /// Quire's end is close-on-exec and at fd 10 or above, so no other child inherits it (which
    /// would keep the fork server from ever seeing end of file), and the spawn's dup2 onto fd 3
    /// never has source and target equal.
    private static func socketPair() throws -> (mine: Int32, theirs: Int32) {
        var fds: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
            throw KernelError.io(path: "socketpair", errno: errno)
        }
        let mine = fcntl(fds[0], F_DUPFD_CLOEXEC, 10), theirs = fcntl(fds[1], F_DUPFD_CLOEXEC, 10)
        Glibc.close(fds[0])
        Glibc.close(fds[1])
        guard mine >= 0, theirs >= 0 else { throw KernelError.io(path: "fcntl", errno: errno) }
        return (mine, theirs)
    }
}

enum ForkServerError: Error, CustomStringConvertible {
    case unavailable(reason: String)

    var description: String {
        switch self {
        case .unavailable(let reason): "fork server unavailable: \(reason)"
        }
    }
}
