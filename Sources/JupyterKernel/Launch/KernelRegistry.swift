import Glibc
import Synchronization

/// Live kernels, so that Quire killed by SIGINT/SIGTERM takes its kernels (and their connection
/// files, which hold the HMAC key) with it.
///
/// The signal handler may only do async-signal-safe work (`killpg`, `unlink`, `rmdir`), so each
/// kernel is a slot in fixed C arrays that the handler reads without locks: its process group, and
/// its runtime files as one NUL-separated C buffer, prepared at registration. The mutex only
/// serialises registration.
final class KernelRegistry: Sendable {
    static let shared = KernelRegistry()
    static let capacity = 1024

    nonisolated(unsafe) fileprivate static var groups: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    nonisolated(unsafe) fileprivate static var files: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        p.initialize(repeating: nil, count: capacity)
        return p
    }()
    nonisolated(unsafe) fileprivate static var previousINT = sigaction()
    nonisolated(unsafe) fileprivate static var previousTERM = sigaction()
    private let lock = Mutex<Bool>(false)  // true once handlers are installed
    private let leftToHost = Atomic<Bool>(false)

    /// - Parameter paths: files to unlink, then directories to remove, in that order.
    func register(_ pgid: pid_t, paths: [String]) {
        let joined: [CChar] = paths.flatMap { Array($0.utf8CString) } + [0]
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: joined.count)
        buffer.initialize(from: joined, count: joined.count)
        lock.withLock { installed in
            if !installed {
                installed = true
                _ = (Self.groups, Self.files)
                Self.install(SIGINT, saving: &Self.previousINT)
                Self.install(SIGTERM, saving: &Self.previousTERM)
            }
            for i in 0..<Self.capacity where Self.groups[i] == 0 {
                Self.files[i] = buffer
                Self.groups[i] = pgid
                return
            }
            buffer.deallocate()  // more than 1024 live kernels: the parent-pid watchdog remains
        }
    }

    /// Leaves SIGINT and SIGTERM to the host process from now on (see `KernelSignalCleanup`).
    func leaveSignalsToHost() {
        lock.withLock { installed in
            // Handlers already installed by a kernel's start: put back what they replaced.
            if installed && !leftToHost.exchange(true, ordering: .relaxed) {
                sigaction(SIGINT, &Self.previousINT, nil)
                sigaction(SIGTERM, &Self.previousTERM, nil)
            }
            leftToHost.store(true, ordering: .relaxed)
            installed = true
        }
    }

    func unregister(_ pgid: pid_t) {
        lock.withLock { _ in
            for i in 0..<Self.capacity where Self.groups[i] == pgid {
                Self.groups[i] = 0
                Self.files[i]?.deallocate()
                Self.files[i] = nil
            }
        }
    }

    private static func install(_ sig: Int32, saving previous: inout sigaction) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = cleanUpAndReraise
        sigemptyset(&action.sa_mask)
        sigaction(sig, &action, &previous)
    }
}

/// Kills every registered kernel group and removes its runtime files, then hands the signal to
/// whatever handled it before (by default: terminate Quire). Orphans are reaped by init.
private func cleanUpAndReraise(_ sig: Int32) {
    for i in 0..<KernelRegistry.capacity {
        let g = KernelRegistry.groups[i]
        guard g > 0 else { continue }
        killpg(g, SIGKILL)
        guard var p = KernelRegistry.files[i] else { continue }
        while p.pointee != 0 {
            if unlink(p) != 0 { rmdir(p) }
            p += strlen(p) + 1
        }
    }
    if sig == SIGINT {
        sigaction(SIGINT, &KernelRegistry.previousINT, nil)
    } else {
        sigaction(SIGTERM, &KernelRegistry.previousTERM, nil)
    }
    raise(sig)
}
