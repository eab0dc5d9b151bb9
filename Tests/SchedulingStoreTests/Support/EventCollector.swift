import Foundation
import Scheduling

/// A sink that keeps what it is given, for relay tests.
actor EventCollector: RunEventSink {
    private(set) var events: [RunEvent] = []

    func publish(_ event: RunEvent) { events.append(event) }

    /// The events once there are at least `count` of them, or what there is after `timeout`
    /// (generous: only a bug waits that long).
    func waitFor(_ count: Int, timeout: Duration = .seconds(60)) async -> [RunEvent] {
        let deadline = ContinuousClock.now + timeout
        while events.count < count && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return events
    }
}
