@testable import Scheduling
import Testing

/// The wait between attempts while the database is away: doubling, capped, jittered, reset.
@Suite struct WorkerBackoffTests {
    @Test func waitsDoubleUpToTheCapWithinHalfToAllOfEachStep() {
        var backoff = WorkerBackoff(initial: .milliseconds(100), maximum: .seconds(1))
        var random = SystemRandomNumberGenerator()
        let steps: [Duration] = [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1)]
        for step in steps {
            let wait = backoff.next(random: &random)
            #expect(wait >= step / 2 && wait <= step, "\(wait) for step \(step)")
        }
        #expect(backoff.failures == steps.count)
        // Many failures later the step stays capped (and the doubling does not overflow).
        for _ in 0..<100 { _ = backoff.next(random: &random) }
        #expect(backoff.next(random: &random) <= .seconds(1))
        backoff.reset()
        #expect(backoff.failures == 0 && backoff.next(random: &random) <= .milliseconds(100))
    }

    @Test func aMaximumBelowTheFirstWaitIsRaisedToIt() {
        var backoff = WorkerBackoff(initial: .seconds(2), maximum: .seconds(1))
        var random = SystemRandomNumberGenerator()
        #expect(backoff.maximum == .seconds(2))
        #expect(backoff.next(random: &random) <= .seconds(2))
    }
}
