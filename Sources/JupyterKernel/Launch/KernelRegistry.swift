import Glibc
import Synchronization

/// Process groups of live kernels, so that Quire killed by SIGINT/SIGTERM takes its kernels with it.
///
/// The signal handler may only do async-signal-safe work, so the groups live in a fixed C array
/// that the handler reads without locks (aligned 32-bit stores are atomic on Quire's platforms);
/// the mutex only serialises registration.
final class KernelRegistry: Sendable {
    static let shared = KernelRegistry()
    static let capacity = 1024

    nonisolated(unsafe) fileprivate static var slots: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    nonisolated(unsafe) fileprivate static var previousINT = sigaction()
    nonisolated(unsafe) fileprivate static var previousTERM = sigaction()
    private let lock = Mutex<Bool>(false)  // true once handlers are installed

    func register(_ pgid: pid_t) {
        lock.withLock { installed in
            if !installed {
                installed = true
                _ = Self.slots
                Self.install(SIGINT, saving: &Self.previousINT)
                Self.install(SIGTERM, saving: &Self.previousTERM)
            }
            for i in 0..<Self.capacity where Self.slots[i] == 0 {
                Self.slots[i] = pgid
                return
            }
        }
    }

    func unregister(_ pgid: pid_t) {
        lock.withLock { _ in
            for i in 0..<Self.capacity where Self.slots[i] == pgid { Self.slots[i] = 0 }
        }
    }

    var liveCount: Int {
        lock.withLock { _ in (0..<Self.capacity).count { Self.slots[$0] != 0 } }
    }

    private static func install(_ sig: Int32, saving previous: inout sigaction) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = killKernelsAndReraise
        sigemptyset(&action.sa_mask)
        sigaction(sig, &action, &previous)
    }
}

/// Kills every registered kernel group, then hands the signal to whatever handled it before
/// (by default: terminate Quire). Children are reaped by init once Quire is gone.
private func killKernelsAndReraise(_ sig: Int32) {
    for i in 0..<KernelRegistry.capacity {
        let g = KernelRegistry.slots[i]
        if g > 0 { killpg(g, SIGKILL) }
    }
    if sig == SIGINT {
        sigaction(SIGINT, &KernelRegistry.previousINT, nil)
    } else {
        sigaction(SIGTERM, &KernelRegistry.previousTERM, nil)
    }
    raise(sig)
}
