import Foundation

extension RunRecord {
    /// True while another attempt is allowed after the current one.
    public var hasAttemptsLeft: Bool { attempt < maxAttempts }

    /// Seconds to wait before the next attempt: `retryBackoff` doubled for each attempt already
    /// made after the first, capped at `maxBackoff`.
    public var nextBackoff: Double {
        let doublings = max(0, attempt - 1)
        // 2^62 seconds already exceeds any cap; stop doubling before Double stops being exact.
        let factor = pow(2.0, Double(min(doublings, 62)))
        return min(retryBackoff * factor, maxBackoff)
    }

    /// When the next attempt may start if the current one failed at `now`; nil when none is left.
    public func defaultRetryDate(after now: Date) -> Date? {
        hasAttemptsLeft ? now.addingTimeInterval(nextBackoff) : nil
    }
}
