import Foundation

/// Waits between attempts at something failing for reasons outside the worker (the database is
/// down or restarting): doubling from `initial` up to `maximum`, each wait drawn between half and
/// all of its step so that many workers that lost the database together do not return in step.
struct WorkerBackoff: Sendable {
    let initial: Duration
    let maximum: Duration
    private(set) var failures = 0

    init(initial: Duration, maximum: Duration) {
        self.initial = initial
        self.maximum = max(initial, maximum)
    }

    /// The wait before the next attempt after one more failure.
    mutating func next(random: inout some RandomNumberGenerator) -> Duration {
        let step = min(initial * (1 << min(failures, 30)), maximum)
        failures += 1
        return step * Double.random(in: 0.5...1, using: &random)
    }

    mutating func reset() { failures = 0 }

    /// A wait as a log shows it: "1.3 s".
    static func text(_ d: Duration) -> String {
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return String(format: "%.1f s", seconds)
    }
}
