import Foundation
import Testing
@testable import Scheduling

/// Fire times across daylight-saving changes. Expected times carry the offset in force, so a
/// spring-forward fire reads `03:00:00-04:00` and the two passes of a repeated hour differ by offset.
@Suite struct CronDaylightSavingTests {
    typealias Case = CronNextFireTests.Case

    static let newYork: [Case] = [
        // Spring forward 2025-03-09: 02:00 EST → 03:00 EDT; 02:30 does not exist → 03:00.
        Case(expression: "30 2 * * *", zone: "America/New_York", after: "2025-03-08T12:00:00-05:00",
             expected: ["2025-03-09T03:00:00-04:00", "2025-03-10T02:30:00-04:00"]),
        Case(expression: "0 * * * *", zone: "America/New_York", after: "2025-03-09T00:30:00-05:00",
             expected: ["2025-03-09T01:00:00-05:00", "2025-03-09T03:00:00-04:00", "2025-03-09T04:00:00-04:00"]),
        Case(expression: "*/15 * * * *", zone: "America/New_York", after: "2025-03-09T01:30:00-05:00",
             expected: ["2025-03-09T01:45:00-05:00", "2025-03-09T03:00:00-04:00", "2025-03-09T03:15:00-04:00"]),
        // Fall back 2025-11-02: 02:00 EDT → 01:00 EST; 01:00–01:59 occurs twice.
        Case(expression: "30 2 * * *", zone: "America/New_York", after: "2025-11-01T12:00:00-04:00",
             expected: ["2025-11-02T02:30:00-05:00", "2025-11-03T02:30:00-05:00"]),
        Case(expression: "30 1 * * *", zone: "America/New_York", after: "2025-11-01T12:00:00-04:00",
             expected: ["2025-11-02T01:30:00-04:00", "2025-11-03T01:30:00-05:00"]),
        Case(expression: "30 1 * * *", zone: "America/New_York", after: "2025-11-02T01:45:00-04:00",
             expected: ["2025-11-03T01:30:00-05:00"]),
        Case(expression: "0 * * * *", zone: "America/New_York", after: "2025-11-02T00:30:00-04:00",
             expected: ["2025-11-02T01:00:00-04:00", "2025-11-02T01:00:00-05:00", "2025-11-02T02:00:00-05:00"]),
        Case(expression: "*/15 * * * *", zone: "America/New_York", after: "2025-11-02T01:30:00-04:00",
             expected: ["2025-11-02T01:45:00-04:00", "2025-11-02T01:00:00-05:00", "2025-11-02T01:15:00-05:00",
                        "2025-11-02T01:30:00-05:00", "2025-11-02T01:45:00-05:00", "2025-11-02T02:00:00-05:00"]),
        // Starting inside the second pass of the repeated hour.
        Case(expression: "*/15 * * * *", zone: "America/New_York", after: "2025-11-02T01:10:00-05:00",
             expected: ["2025-11-02T01:15:00-05:00"]),
        // An hour-restricted job fires once per wall-clock match: the first pass only.
        Case(expression: "*/20 1 * * *", zone: "America/New_York", after: "2025-11-02T00:00:00-04:00",
             expected: ["2025-11-02T01:00:00-04:00", "2025-11-02T01:20:00-04:00", "2025-11-02T01:40:00-04:00", "2025-11-03T01:00:00-05:00"]),
    ]

    static let berlin: [Case] = [
        // Spring forward 2025-03-30: 02:00 CET → 03:00 CEST.
        Case(expression: "30 2 * * *", zone: "Europe/Berlin", after: "2025-03-29T12:00:00+01:00",
             expected: ["2025-03-30T03:00:00+02:00", "2025-03-31T02:30:00+02:00"]),
        Case(expression: "0 * * * *", zone: "Europe/Berlin", after: "2025-03-30T00:30:00+01:00",
             expected: ["2025-03-30T01:00:00+01:00", "2025-03-30T03:00:00+02:00", "2025-03-30T04:00:00+02:00"]),
        Case(expression: "*/15 * * * *", zone: "Europe/Berlin", after: "2025-03-30T01:30:00+01:00",
             expected: ["2025-03-30T01:45:00+01:00", "2025-03-30T03:00:00+02:00", "2025-03-30T03:15:00+02:00"]),
        // Fall back 2025-10-26: 03:00 CEST → 02:00 CET; 02:00–02:59 occurs twice.
        Case(expression: "30 2 * * *", zone: "Europe/Berlin", after: "2025-10-25T12:00:00+02:00",
             expected: ["2025-10-26T02:30:00+02:00", "2025-10-27T02:30:00+01:00"]),
        Case(expression: "0 * * * *", zone: "Europe/Berlin", after: "2025-10-26T01:30:00+02:00",
             expected: ["2025-10-26T02:00:00+02:00", "2025-10-26T02:00:00+01:00", "2025-10-26T03:00:00+01:00"]),
        Case(expression: "*/15 * * * *", zone: "Europe/Berlin", after: "2025-10-26T02:30:00+02:00",
             expected: ["2025-10-26T02:45:00+02:00", "2025-10-26T02:00:00+01:00", "2025-10-26T02:15:00+01:00"]),
    ]

    static let lordHowe: [Case] = [
        // 30-minute shifts. 2025-04-06: 02:00 (+11) → 01:30 (+10:30); 2025-10-05: 02:00 (+10:30) → 02:30 (+11).
        Case(expression: "15 2 * * *", zone: "Australia/Lord_Howe", after: "2025-10-04T12:00:00+10:30",
             expected: ["2025-10-05T02:30:00+11:00", "2025-10-06T02:15:00+11:00"]),
        Case(expression: "45 1 * * *", zone: "Australia/Lord_Howe", after: "2025-04-05T12:00:00+11:00",
             expected: ["2025-04-06T01:45:00+11:00", "2025-04-07T01:45:00+10:30"]),
        Case(expression: "*/15 * * * *", zone: "Australia/Lord_Howe", after: "2025-04-06T01:20:00+11:00",
             expected: ["2025-04-06T01:30:00+11:00", "2025-04-06T01:45:00+11:00", "2025-04-06T01:30:00+10:30",
                        "2025-04-06T01:45:00+10:30", "2025-04-06T02:00:00+10:30"]),
        Case(expression: "0 * * * *", zone: "Australia/Lord_Howe", after: "2025-10-05T00:30:00+10:30",
             expected: ["2025-10-05T01:00:00+10:30", "2025-10-05T02:30:00+11:00", "2025-10-05T03:00:00+11:00"]),
    ]

    @Test(arguments: newYork + berlin + lordHowe)
    func fires(_ c: Case) throws {
        let schedule = try CronSchedule(parsing: c.expression)
        let tz = zone(c.zone)
        let got = schedule.fires(after: instant(c.after), through: instant("2100-01-01T00:00:00Z"), in: tz, limit: c.expected.count)
        #expect(local(got, tz) == c.expected.map { local([instant($0)], tz)[0] })
        #expect(got == c.expected.map(instant))
    }

    /// The field-skipping search against a minute-by-minute walk over real instants, for many
    /// schedules over the days around each change of several zones.
    @Test(arguments: ["America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Santiago", "Asia/Tehran"])
    func agreesWithMinuteWalk(zoneName: String) throws {
        let tz = zone(zoneName)
        let expressions = ["* * * * *", "*/15 * * * *", "0 * * * *", "30 * * * *", "30 2 * * *", "30 1 * * *",
                           "0 0 * * *", "*/20 1-3 * * *", "45 23 * * *", "0,30 0-3 * * 0"]
        var cursor = instant("2025-01-01T00:00:00Z")
        var transitions: [Date] = []
        while let next = tz.nextDaylightSavingTimeTransition(after: cursor), next < instant("2026-01-01T00:00:00Z") {
            transitions.append(next)
            cursor = next
        }
        #expect(!transitions.isEmpty || zoneName == "Asia/Tehran")
        for transition in transitions + [instant("2025-06-15T12:00:00Z")] {
            let from = transition.addingTimeInterval(-86_400 - 1800)
            let through = transition.addingTimeInterval(86_400)
            for expression in expressions {
                let schedule = try CronSchedule(parsing: expression)
                let walked = MinuteWalk.fires(schedule, in: tz, after: from, through: through)
                let searched = schedule.fires(after: from, through: through, in: tz, limit: .max)
                #expect(local(searched, tz) == local(walked, tz), "\(expression) around \(transition) in \(zoneName)")
            }
        }
    }
}

/// The reference the search is checked against: every whole minute from `after` to `through`,
/// firing where the wall clock matches under the documented rules, with no skipping.
enum MinuteWalk {
    static func fires(_ schedule: CronSchedule, in zone: TimeZone, after: Date, through: Date) -> [Date] {
        func offset(_ t: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t))) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // The wall time read as UTC gives its calendar fields, independently of CivilDate.
        func matches(_ wall: Int) -> Bool {
            let c = calendar.dateComponents([.minute, .hour, .day, .month, .weekday], from: Date(timeIntervalSince1970: TimeInterval(wall)))
            return schedule.minutes.contains(c.minute!) && schedule.hours.contains(c.hour!) && schedule.months.contains(c.month!)
                && schedule.matchesDay(dayOfMonth: c.day!, weekday: c.weekday! - 1)
        }
        var result: [Date] = []
        var t = Int(after.timeIntervalSince1970.rounded(.down)).floorDiv(60) * 60 + 60
        while Double(t) <= through.timeIntervalSince1970 {
            let wall = t + offset(t)
            let previousWall = t - 60 + offset(t - 60)
            var fire = false
            if wall - previousWall > 60 {
                // Clocks jumped forward: the skipped wall minutes and this one fire here, once.
                fire = stride(from: previousWall + 60, through: wall, by: 60).contains(where: matches)
            } else if matches(wall) {
                // A repeated wall time shows again a DST shift after its first pass.
                let seenBefore = [1800, 3600, 7200].contains { t - $0 + offset(t - $0) == wall }
                fire = !seenBefore || schedule.hours.count == 24
            }
            if fire { result.append(Date(timeIntervalSince1970: TimeInterval(t))) }
            t += 60
        }
        return result
    }
}
