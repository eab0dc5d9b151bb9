import Foundation
import Synchronization

/// SIGTERM and SIGINT counted: the first asks for a drain, a second for a hurried one. The
/// handler may take no locks nor allocate, so it only counts; `received` is polled.
enum ShutdownSignals {
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in shutdownSignals.add(1, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
    }

    static var received: Int { shutdownSignals.load(ordering: .relaxed) }
}

private let shutdownSignals = Atomic<Int>(0)
