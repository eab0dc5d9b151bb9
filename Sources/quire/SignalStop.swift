import Foundation
import NotebookExecution
import Synchronization

/// SIGINT and SIGTERM during a run: the first asks the executor to stop cleanly (interrupt the
/// cell, write the partial notebook with a banner, shut the kernel down); a second one exits at once.
final class SignalStop: Sendable {
    private let poller: Task<Void, Never>

    init(control: RunControl) {
        pendingSignal.store(0, ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { sig in
            if pendingSignal.exchange(sig, ordering: .relaxed) != 0 {
                // Second signal: the user insists. Kernels are in their own process groups.
                killpg(activeKernelGroup.load(ordering: .relaxed), SIGKILL)
                _exit(128 + sig)
            }
        }
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // Signal handlers may not take locks or allocate; a short poll hands the request to Swift code.
        poller = Task {
            while !Task.isCancelled {
                let sig = pendingSignal.load(ordering: .relaxed)
                if sig != 0 {
                    control.requestStop(.signal(sig))
                    return
                }
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    static func setKernelGroup(_ pgid: Int32) { activeKernelGroup.store(pgid, ordering: .relaxed) }

    func cancel() { poller.cancel() }
}

private let pendingSignal = Atomic<Int32>(0)
private let activeKernelGroup = Atomic<Int32>(0)
