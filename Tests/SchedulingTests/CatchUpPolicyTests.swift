import Foundation
import Testing
@testable import Scheduling

@Suite struct CatchUpPolicyTests {
    let hourly = try! CronSchedule(parsing: "0 * * * *")
    let utc = zone("UTC")
    let now = instant("2025-06-10T12:30:00Z")

    func slots(_ policy: CatchUpPolicy, last: String?, schedule: CronSchedule? = nil, now: Date? = nil) -> [String] {
        local(policy.slotsToFire(schedule: schedule ?? hourly, timeZone: utc, lastScheduled: last.map(instant), now: now ?? self.now), utc)
    }

    @Test func newJobCatchesNothingUp() {
        for policy in CatchUpPolicy.Policy.allCases {
            #expect(slots(CatchUpPolicy(policy: policy), last: nil).isEmpty)
        }
    }

    @Test func skipCatchesNothingUp() {
        #expect(slots(CatchUpPolicy(policy: .skip), last: "2025-06-10T08:00:00Z").isEmpty)
    }

    @Test func latestIsTheNewestMissedSlot() {
        #expect(slots(CatchUpPolicy(policy: .latest), last: "2025-06-10T08:00:00Z") == ["2025-06-10T12:00:00Z"])
        // Nothing missed: the last scheduled slot is the newest one.
        #expect(slots(CatchUpPolicy(policy: .latest), last: "2025-06-10T12:00:00Z").isEmpty)
        // `now` itself is included.
        #expect(slots(CatchUpPolicy(policy: .latest), last: "2025-06-10T08:00:00Z", now: instant("2025-06-10T12:00:00Z")) == ["2025-06-10T12:00:00Z"])
    }

    @Test func allIsEveryMissedSlotOldestFirst() {
        #expect(slots(CatchUpPolicy(policy: .all), last: "2025-06-10T08:00:00Z")
            == ["2025-06-10T09:00:00Z", "2025-06-10T10:00:00Z", "2025-06-10T11:00:00Z", "2025-06-10T12:00:00Z"])
    }

    @Test func windowLimitsHowFarBack() {
        let window = CatchUpPolicy(policy: .all, window: 2 * 3600)
        // 10:30 is the window's start: 11:00 and 12:00 are in it.
        #expect(slots(window, last: "2025-06-01T00:00:00Z") == ["2025-06-10T11:00:00Z", "2025-06-10T12:00:00Z"])
        // A slot exactly at the window's start counts.
        #expect(slots(CatchUpPolicy(policy: .all, window: 5400), last: "2025-06-01T00:00:00Z") == ["2025-06-10T11:00:00Z", "2025-06-10T12:00:00Z"])
        #expect(slots(CatchUpPolicy(policy: .latest, window: 600), last: "2025-06-01T00:00:00Z").isEmpty)
        let daily = try! CronSchedule(parsing: "0 6 * * *")
        #expect(slots(CatchUpPolicy(policy: .latest), last: "2025-06-01T06:00:00Z", schedule: daily) == ["2025-06-10T06:00:00Z"])
    }

    @Test func allIsCappedAtTheNewestThousand() {
        let minutely = try! CronSchedule(parsing: "* * * * *")
        let policy = CatchUpPolicy(policy: .all, window: 30 * 86_400)
        let clock = ContinuousClock()
        var fired: [Date] = []
        let elapsed = clock.measure {
            fired = policy.slotsToFire(schedule: minutely, timeZone: utc, lastScheduled: instant("2025-01-01T00:00:00Z"), now: now)
        }
        #expect(fired.count == CatchUpPolicy.maximumSlots)
        #expect(fired.last == instant("2025-06-10T12:30:00Z"))
        #expect(fired.first == instant("2025-06-10T12:30:00Z").addingTimeInterval(-999 * 60))
        #expect(elapsed < .seconds(5))
    }

    @Test func latestAcrossAYearlyWindowIsCheap() {
        let minutely = try! CronSchedule(parsing: "* * * * *")
        let policy = CatchUpPolicy(policy: .latest, window: 366 * 86_400)
        let fired = policy.slotsToFire(schedule: minutely, timeZone: utc, lastScheduled: instant("2024-01-01T00:00:00Z"), now: now)
        #expect(fired == [instant("2025-06-10T12:30:00Z")])
    }

    @Test func followsTheZone() {
        let berlin = zone("Europe/Berlin")
        let daily = try! CronSchedule(parsing: "30 2 * * *")
        // Down over the spring-forward night: the missed 02:30 fired at 03:00 CEST.
        let fired = CatchUpPolicy(policy: .all).slotsToFire(schedule: daily, timeZone: berlin,
                                                            lastScheduled: instant("2025-03-29T02:30:00+01:00"), now: instant("2025-03-30T09:00:00+02:00"))
        #expect(local(fired, berlin) == ["2025-03-30T03:00:00+02:00"])
    }
}
