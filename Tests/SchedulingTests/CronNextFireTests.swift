import Foundation
import Testing
@testable import Scheduling

/// Fire times away from daylight-saving changes: UTC, leap years, month ends, the day rules.
@Suite struct CronNextFireTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let expression: String
        let zone: String
        let after: String
        let expected: [String]
        var testDescription: String { "\(expression) in \(zone) after \(after)" }
    }

    static let cases: [Case] = [
        Case(expression: "*/15 * * * *", zone: "UTC", after: "2025-01-01T00:00:00Z",
             expected: ["2025-01-01T00:15:00Z", "2025-01-01T00:30:00Z", "2025-01-01T00:45:00Z", "2025-01-01T01:00:00Z"]),
        Case(expression: "* * * * *", zone: "UTC", after: "2025-12-31T23:58:30Z",
             expected: ["2025-12-31T23:59:00Z", "2026-01-01T00:00:00Z"]),
        Case(expression: "30 2 * * *", zone: "UTC", after: "2025-06-01T02:30:00Z",
             expected: ["2025-06-02T02:30:00Z", "2025-06-03T02:30:00Z"]),
        // Leap day: 2028 is the next leap year after 2025; 2100 is not a leap year.
        Case(expression: "0 0 29 2 *", zone: "UTC", after: "2025-03-01T00:00:00Z",
             expected: ["2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"]),
        Case(expression: "0 0 29 2 *", zone: "UTC", after: "2096-03-01T00:00:00Z",
             expected: ["2104-02-29T00:00:00Z"]),
        // Month ends: the 31st skips short months; day 30 skips February.
        Case(expression: "0 12 31 * *", zone: "UTC", after: "2025-01-31T12:00:00Z",
             expected: ["2025-03-31T12:00:00Z", "2025-05-31T12:00:00Z", "2025-07-31T12:00:00Z", "2025-08-31T12:00:00Z"]),
        Case(expression: "0 0 30 * *", zone: "UTC", after: "2025-01-30T00:00:00Z",
             expected: ["2025-03-30T00:00:00Z", "2025-04-30T00:00:00Z"]),
        // Vixie OR rule: the 13th or any Friday.
        Case(expression: "0 0 13 * 5", zone: "UTC", after: "2025-06-01T00:00:00Z",
             expected: ["2025-06-06T00:00:00Z", "2025-06-13T00:00:00Z", "2025-06-20T00:00:00Z", "2025-06-27T00:00:00Z", "2025-07-04T00:00:00Z", "2025-07-11T00:00:00Z", "2025-07-13T00:00:00Z"]),
        // With day-of-month `*/n` the fields combine with AND (odd days that are Mondays).
        Case(expression: "0 0 */2 * 1", zone: "UTC", after: "2025-06-01T00:00:00Z",
             expected: ["2025-06-09T00:00:00Z", "2025-06-23T00:00:00Z", "2025-07-07T00:00:00Z"]),
        // Only day-of-week restricted: Mondays through Fridays, 7 and 0 both Sunday.
        Case(expression: "0 9 * * MON-FRI", zone: "UTC", after: "2025-06-06T09:00:00Z",
             expected: ["2025-06-09T09:00:00Z", "2025-06-10T09:00:00Z"]),
        Case(expression: "0 9 * * 7", zone: "UTC", after: "2025-06-01T09:00:00Z",
             expected: ["2025-06-08T09:00:00Z", "2025-06-15T09:00:00Z"]),
        Case(expression: "@yearly", zone: "UTC", after: "2025-01-01T00:00:00Z",
             expected: ["2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"]),
        Case(expression: "@weekly", zone: "UTC", after: "2025-06-04T10:00:00Z",
             expected: ["2025-06-08T00:00:00Z"]),
        // Wall time in a zone without DST, and in a DST zone outside the changes.
        Case(expression: "30 9 * * *", zone: "Asia/Kolkata", after: "2025-06-01T00:00:00Z",
             expected: ["2025-06-01T09:30:00+05:30", "2025-06-02T09:30:00+05:30"]),
        Case(expression: "0 0 1 * *", zone: "America/New_York", after: "2025-01-15T00:00:00Z",
             expected: ["2025-02-01T00:00:00-05:00", "2025-03-01T00:00:00-05:00", "2025-04-01T00:00:00-04:00"]),
        // A leap day on given weekdays under the AND rule (`*/6`: Sunday or Saturday): 2048 is a
        // Saturday, 2060 a Sunday.
        Case(expression: "0 0 29 2 */6", zone: "UTC", after: "2033-01-01T00:00:00Z",
             expected: ["2048-02-29T00:00:00Z", "2060-02-29T00:00:00Z"]),
    ]

    @Test(arguments: cases)
    func fires(_ c: Case) throws {
        let schedule = try CronSchedule(parsing: c.expression)
        let tz = zone(c.zone)
        let got = schedule.fires(after: instant(c.after), through: instant("2200-01-01T00:00:00Z"), in: tz, limit: c.expected.count)
        #expect(got == c.expected.map(instant), "\(local(got, tz))")
    }

    @Test func fractionalSecondsAreStrictlyBefore() throws {
        let schedule = try CronSchedule(parsing: "* * * * *")
        let utc = zone("UTC")
        let justBefore = instant("2025-01-01T00:01:00Z").addingTimeInterval(-0.25)
        #expect(schedule.nextFire(after: justBefore, in: utc) == instant("2025-01-01T00:01:00Z"))
        #expect(schedule.nextFire(after: instant("2025-01-01T00:01:00Z"), in: utc) == instant("2025-01-01T00:02:00Z"))
    }

    @Test func firesRespectsThroughAndLimit() throws {
        let schedule = try CronSchedule(parsing: "0 * * * *")
        let utc = zone("UTC")
        let start = instant("2025-01-01T00:00:00Z")
        #expect(schedule.fires(after: start, through: instant("2025-01-01T03:00:00Z"), in: utc, limit: 10).count == 3)
        #expect(schedule.fires(after: start, through: instant("2025-01-02T00:00:00Z"), in: utc, limit: 5).count == 5)
        #expect(schedule.fires(after: start, through: start, in: utc, limit: 5).isEmpty)
    }

    /// A yearly schedule must be found by skipping fields, not by walking minutes.
    @Test func farFiresAreCheap() throws {
        let schedule = try CronSchedule(parsing: "0 0 29 2 1")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            var cursor = instant("2025-01-01T00:00:00Z")
            for _ in 0..<200 { cursor = schedule.nextFire(after: cursor, in: zone("Europe/Berlin"))! }
        }
        #expect(elapsed < .seconds(2))
    }
}
