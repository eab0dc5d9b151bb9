import Glibc
import Synchronization

/// A launched kernel process: leader of its own process group (setsid), stdout+stderr going to a
/// log file. Reaped exactly once, by whoever first observes the exit through `pollExit()`.
/// A kernel forked by a fork server is that server's child, not Quire's: the server reaps it and
/// reports the exit, and Quire's signals go through it.
final class KernelProcess: Sendable {
    let pid: pid_t
    let logPath: String
    private let forkServer: ForkServer?
    private let status = Mutex<KernelExitStatus?>(nil)

    private init(pid: pid_t, logPath: String, forkServer: ForkServer? = nil) {
        self.pid = pid
        self.logPath = logPath
        self.forkServer = forkServer
    }

    /// A kernel `server` forked (which registered it for cleanup when it learnt the pid).
    static func forked(pid: pid_t, server: ForkServer, logPath: String) -> KernelProcess {
        KernelProcess(pid: pid, logPath: logPath, forkServer: server)
    }

    /// Starts `argv` directly and registers it for cleanup if Quire is killed; `runtimeFiles` are
    /// removed then too (files first, directories last). No shell in between, so ipykernel's parent-pid
    /// watchdog sees Quire as its parent.
    static func spawn(
        argv: [String], environment: [String: String], workingDirectory: String?, logPath: String,
        runtimeFiles: [String]
    ) throws(KernelError) -> KernelProcess {
        let pid = try SessionSpawn.start(argv: argv, environment: environment, directory: workingDirectory, logPath: logPath)
        KernelRegistry.shared.register(pid, paths: runtimeFiles)
        return KernelProcess(pid: pid, logPath: logPath)
    }

    /// Non-blocking: the exit status once the process has ended (reaping it), else nil.
    ///
    /// Anything left in the kernel's process group is killed while the exited leader is still an
    /// unreaped zombie: until it is reaped its pid cannot be reused, so the group signal cannot
    /// reach an unrelated process. That is how no child of a kernel outlives it.
    func pollExit() -> KernelExitStatus? {
        status.withLock { st in
            if let st { return st }
            if let forkServer {
                guard let s = forkServer.takeExit(of: pid) else { return nil }
                st = s
                return s
            }
            var info = siginfo_t()
            guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0,
                info._sifields._kill.si_pid == pid
            else { return nil }
            killpg(pid, SIGKILL)
            var raw: Int32 = 0
            let r = waitpid(pid, &raw, WNOHANG)
            guard r == pid else { return nil }
            KernelRegistry.shared.unregister(pid)
            let s: KernelExitStatus = (raw & 0x7f) == 0 ? .exited(code: (raw >> 8) & 0xff) : .signaled(signal: raw & 0x7f)
            st = s
            return s
        }
    }

    /// For a forked kernel also true in the moment between its end and the fork server's report.
    var hasExited: Bool {
        if let forkServer { return pollExit() != nil || !forkServer.isRunning(pid) }
        return pollExit() != nil
    }

    /// Signals the whole process group (the kernel and anything it started).
    func signalGroup(_ signal: Int32) {
        guard !hasExited else { return }
        if let forkServer {
            forkServer.signal(pid, signal)
        } else if killpg(pid, signal) != 0 {
            kill(pid, signal)
        }
    }

    /// Waits for exit, polling so no thread is parked in `waitpid`; true if it exited in time.
    func waitForExit(timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if hasExited { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return hasExited
    }

    /// The log's last `limit` bytes: what the kernel printed, for error messages.
    func logTail(limit: Int = 8192) -> String {
        let fd = open(logPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        let size = lseek(fd, 0, SEEK_END)
        lseek(fd, max(0, size - off_t(limit)), SEEK_SET)
        var buf = [UInt8](repeating: 0, count: limit)
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, limit) }
        return n > 0 ? String(decoding: buf[0..<n], as: UTF8.self) : ""
    }
}
