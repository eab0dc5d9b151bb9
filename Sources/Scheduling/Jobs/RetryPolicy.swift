/// How often a failed run is retried and how long to wait between attempts.
///
/// In job definitions: `retries: {max_attempts: 3, backoff: 30, max_backoff: 3600, jitter: full}`,
/// or a bare integer, which is `max_attempts` (the total number of attempts, the first included:
/// `retries: 3` means one run and up to two retries).
public struct RetryPolicy: Sendable, Equatable {
    /// How the wait is randomised so that runs failing together do not retry together.
    public enum Jitter: String, Sendable, CaseIterable {
        /// Uniform between zero and the exponential delay (AWS's "full jitter").
        case full
        /// Half the exponential delay, plus uniform up to the other half: never less than half.
        case equal
    }

    /// Attempts in total, the first included; 1 means no retry.
    public var maxAttempts: Int
    /// Seconds before the first retry; each further retry doubles it.
    public var backoff: Double
    /// Seconds no wait exceeds.
    public var maxBackoff: Double
    public var jitter: Jitter

    public init(maxAttempts: Int = 1, backoff: Double = 30, maxBackoff: Double = 3600, jitter: Jitter = .full) {
        self.maxAttempts = maxAttempts
        self.backoff = backoff
        self.maxBackoff = maxBackoff
        self.jitter = jitter
    }

    /// The wait before attempt `n` (1-based; attempt 1 is the first run and waits nothing):
    /// `backoff · 2^(n−2)` capped at `maxBackoff`, then jittered.
    public func delay(beforeAttempt n: Int, random: inout some RandomNumberGenerator) -> Duration {
        guard n >= 2 else { return .zero }
        // 2^62 seconds is beyond any cap; clamping the exponent keeps the power finite.
        let exponential = backoff * Double(sign: .plus, exponent: min(n - 2, 62), significand: 1)
        let ceiling = min(exponential, maxBackoff)
        guard ceiling > 0 else { return .zero }
        let seconds: Double
        switch jitter {
        case .full: seconds = Double.random(in: 0...ceiling, using: &random)
        case .equal: seconds = ceiling / 2 + Double.random(in: 0...(ceiling / 2), using: &random)
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
