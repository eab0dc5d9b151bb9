import Foundation

/// A standard five-field cron schedule (minute hour day-of-month month day-of-week), evaluated in
/// the wall-clock time of a time zone.
///
/// Syntax: lists (`1,15`), ranges (`1-5`), steps (`*/15`, `1-10/2`, and `5/15` meaning `5-59/15`),
/// month and weekday names (`JAN`–`DEC`, `SUN`–`SAT`, any case), 0 and 7 both Sunday, and the
/// macros `@yearly @annually @monthly @weekly @daily @midnight @hourly`.
///
/// Day matching follows Vixie cron: when both day fields are restricted, a day matches if either
/// does (`0 0 1 * MON` runs on the 1st and on every Monday). A day field counts as unrestricted when
/// it is `*` or `*/n`, the same test Vixie cron and Kubernetes (robfig/cron) make on the leading `*`.
public struct CronSchedule: Sendable, Hashable {
    var minutes: CronValues
    var hours: CronValues
    var daysOfMonth: CronValues
    var months: CronValues
    /// 0 = Sunday … 6 = Saturday (a written 7 is stored as 0).
    var daysOfWeek: CronValues
    var dayOfMonthIsStar: Bool
    var dayOfWeekIsStar: Bool

    static let macros: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
        "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    /// Parses `expression`; errors name the field, the token and the allowed range.
    public init(parsing expression: String) throws(SchedulingError) {
        let trimmed = expression.trimmingCharacters(in: .whitespacesAndNewlines)
        var text = trimmed
        if trimmed.hasPrefix("@") {
            let macro = trimmed.lowercased()
            if macro == "@reboot" {
                throw .invalidCron(expression: expression, field: nil,
                                   detail: "@reboot is not supported: Quire schedules runs by the clock, not at server start")
            }
            guard let expanded = Self.macros[macro] else {
                throw .invalidCron(expression: expression, field: nil,
                                   detail: "unknown macro \(trimmed); known macros are @yearly, @annually, @monthly, @weekly, @daily, @midnight and @hourly")
            }
            text = expanded
        }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard parts.count == 5 else {
            throw .invalidCron(expression: expression, field: nil,
                               detail: "expected 5 fields (minute hour day-of-month month day-of-week), found \(parts.count)"
                                   + (parts.count == 6 ? "; seconds and years are not supported" : ""))
        }
        let parser = CronFieldParser(expression: expression)
        let minute = try parser.parse(parts[0], as: .minute)
        let hour = try parser.parse(parts[1], as: .hour)
        let dom = try parser.parse(parts[2], as: .dayOfMonth)
        let month = try parser.parse(parts[3], as: .month)
        let dow = try parser.parse(parts[4], as: .dayOfWeek)
        minutes = minute.values
        hours = hour.values
        daysOfMonth = dom.values
        months = month.values
        daysOfWeek = dow.values
        dayOfMonthIsStar = dom.isStar
        dayOfWeekIsStar = dow.isStar
        try checkDaysExist(expression: expression)
    }

    /// Rejects schedules that can never fire, such as `0 0 30 2 *`, instead of accepting a job that
    /// silently never runs. Only day-of-month can be impossible, and only when it must match
    /// (with an unrestricted day-of-week the OR rule does not apply).
    private func checkDaysExist(expression: String) throws(SchedulingError) {
        guard dayOfMonthIsStar || dayOfWeekIsStar, let smallestDay = daysOfMonth.first else { return }
        let longest = months.values.map { CivilDate.maximumDays(inMonth: $0) }.max() ?? 31
        guard smallestDay > longest else { return }
        let monthNames = months.values.map { CronSummary.monthName($0) }
        throw .invalidCron(expression: expression, field: CronField.dayOfMonth.name,
                           detail: "day \(smallestDay) never occurs in \(CronSummary.list(monthNames))")
    }

    /// Whether the calendar day matches the day fields (the Vixie OR rule when both are restricted).
    func matchesDay(dayOfMonth: Int, weekday: Int) -> Bool {
        let dom = daysOfMonth.contains(dayOfMonth)
        let dow = daysOfWeek.contains(weekday)
        return dayOfMonthIsStar || dayOfWeekIsStar ? dom && dow : dom || dow
    }
}
