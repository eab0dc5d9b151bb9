import Testing
@testable import Scheduling

@Suite struct RetryPolicyTests {
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

    @Test func firstAttemptWaitsNothing() {
        var random = SeededGenerator(state: 1)
        let policy = RetryPolicy(maxAttempts: 5, backoff: 30, maxBackoff: 3600)
        #expect(policy.delay(beforeAttempt: 1, random: &random) == .zero)
        #expect(policy.delay(beforeAttempt: 0, random: &random) == .zero)
    }

    @Test(arguments: [RetryPolicy.Jitter.full, .equal])
    func delaysStayWithinTheirBoundsAndCap(jitter: RetryPolicy.Jitter) {
        var random = SeededGenerator(state: 42)
        let policy = RetryPolicy(maxAttempts: 20, backoff: 10, maxBackoff: 300, jitter: jitter)
        for attempt in 2...20 {
            let ceiling = min(10 * Double(1 << (attempt - 2)), 300)
            let floor = jitter == .full ? 0 : ceiling / 2
            for _ in 0..<200 {
                let d = seconds(policy.delay(beforeAttempt: attempt, random: &random))
                #expect(d >= floor && d <= ceiling, "attempt \(attempt): \(d) outside \(floor)...\(ceiling)")
            }
        }
    }

    /// The mean grows with each attempt until the cap, then stays there.
    @Test func meanDoublesUntilTheCap() {
        var random = SeededGenerator(state: 7)
        let policy = RetryPolicy(maxAttempts: 10, backoff: 8, maxBackoff: 100, jitter: .full)
        func mean(_ attempt: Int) -> Double {
            (0..<4000).map { _ in seconds(policy.delay(beforeAttempt: attempt, random: &random)) }.reduce(0, +) / 4000
        }
        // Full jitter averages half the ceiling: 4, 8, 16, 32, then the cap's 50.
        for (attempt, expected) in [(2, 4.0), (3, 8.0), (4, 16.0), (5, 32.0), (6, 50.0), (9, 50.0)] {
            #expect(abs(mean(attempt) - expected) < expected * 0.05, "attempt \(attempt)")
        }
    }

    @Test func sameSeedSameDelays() {
        let policy = RetryPolicy(maxAttempts: 4, backoff: 30, maxBackoff: 3600)
        var a = SeededGenerator(state: 99), b = SeededGenerator(state: 99)
        let first = (2...4).map { policy.delay(beforeAttempt: $0, random: &a) }
        let second = (2...4).map { policy.delay(beforeAttempt: $0, random: &b) }
        #expect(first == second)
        #expect(Set(first).count == 3)
    }

    @Test func hugeAttemptNumbersStayCapped() {
        var random = SeededGenerator(state: 3)
        let policy = RetryPolicy(maxAttempts: .max, backoff: 1, maxBackoff: 60, jitter: .equal)
        let d = seconds(policy.delay(beforeAttempt: 10_000, random: &random))
        #expect(d >= 30 && d <= 60)
        #expect(RetryPolicy(backoff: 0, maxBackoff: 0).delay(beforeAttempt: 3, random: &random) == .zero)
    }
}
