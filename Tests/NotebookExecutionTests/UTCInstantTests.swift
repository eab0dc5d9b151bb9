import Testing
@testable import NotebookExecution

@Suite struct UTCInstantTests {
    @Test func isoformatLikePython() {
        // datetime.fromtimestamp(1795897746.557831, timezone.utc).isoformat()
        #expect(UTCInstant(seconds: 1_795_897_746, micros: 557_831).isoformat == "2026-11-28T20:29:06.557831+00:00")
        #expect(UTCInstant(seconds: 1_795_897_746, micros: 0).isoformat == "2026-11-28T20:29:06+00:00")
        #expect(UTCInstant(seconds: 1_795_897_746, micros: 50).isoformat == "2026-11-28T20:29:06.000050+00:00")
        #expect(UTCInstant(seconds: 1_795_897_746, micros: 0).timingStamp == "2026-11-28T20:29:06.000000Z")
    }

    @Test func parsesHeaderDates() {
        #expect(UTCInstant(isoString: "2026-11-28T20:29:06.557831Z") == UTCInstant(seconds: 1_795_897_746, micros: 557_831))
        #expect(UTCInstant(isoString: "2026-11-28T20:29:06.5Z")?.micros == 500_000)
        #expect(UTCInstant(isoString: "2026-11-28T20:29:06+00:00")?.micros == 0)
        #expect(UTCInstant(isoString: "garbage") == nil)
    }

    @Test func durationLikeTimedeltaTotalSeconds() {
        let a = UTCInstant(seconds: 100, micros: 900_000)
        let b = UTCInstant(seconds: 101, micros: 832_789)
        #expect(b.seconds(since: a) == 0.932789)
    }
}
