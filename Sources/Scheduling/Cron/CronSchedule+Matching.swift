extension CronSchedule {
    /// How far ahead the search looks before concluding a schedule never fires again. Parsing
    /// rejects impossible days, so only a leap day on a given weekday (`0 0 29 2 */2` under the
    /// AND rule) needs more than a year; the Gregorian cycle brings every such day within 40 years.
    static let searchYears = 100

    /// The first wall-clock minute at or after `start` (minutes since 1970-01-01 00:00 local) that
    /// the fields match. Skips whole months, days and hours that cannot match, so a yearly
    /// schedule costs a few dozen steps, not half a million minutes.
    func nextMatchingMinute(atOrAfter start: Int) -> Int? {
        let startDay = start.floorDiv(1440)
        var date = CivilDate(dayNumber: startDay)
        var hour = start.floorMod(1440) / 60
        var minute = start.floorMod(60)
        let lastYear = date.year + Self.searchYears

        func nextDay() {
            date = CivilDate(dayNumber: date.dayNumber + 1)
            hour = 0
            minute = 0
        }

        while date.year <= lastYear {
            guard months.contains(date.month) else {
                if let m = months.next(atOrAfter: date.month + 1) {
                    date = CivilDate(year: date.year, month: m, day: 1)
                } else {
                    date = CivilDate(year: date.year + 1, month: months.first ?? 1, day: 1)
                }
                hour = 0
                minute = 0
                continue
            }
            guard matchesDay(dayOfMonth: date.day, weekday: date.weekday) else { nextDay(); continue }
            guard let h = hours.next(atOrAfter: hour) else { nextDay(); continue }
            if h != hour {
                hour = h
                minute = 0
            }
            guard let m = minutes.next(atOrAfter: minute) else {
                hour += 1
                minute = 0
                if hour == 24 { nextDay() }
                continue
            }
            return date.dayNumber * 1440 + hour * 60 + m
        }
        return nil
    }
}
