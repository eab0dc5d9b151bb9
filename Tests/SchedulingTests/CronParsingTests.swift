import Testing
@testable import Scheduling

@Suite struct CronParsingTests {
    /// Written form → normalised form (which must parse back to the same schedule).
    static let normalised: [(String, String)] = [
        ("* * * * *", "* * * * *"),
        ("*/15 * * * *", "*/15 * * * *"),
        ("0,15,30,45 * * * *", "*/15 * * * *"),
        ("1-10/2 * * * *", "1-9/2 * * * *"),
        ("5/20 * * * *", "5-45/20 * * * *"),
        ("30 2 * * *", "30 2 * * *"),
        ("  0   9\t* *  mon-FRI ", "0 9 * * 1-5"),
        ("0 9 * * 1-5", "0 9 * * 1-5"),
        ("0 0 * jan,Jul *", "0 0 * 1,7 *"),
        ("0 0 * * 7", "0 0 * * 0"),
        ("0 0 * * 0,7", "0 0 * * 0"),
        ("0 0 * * 5-7", "0 0 * * 0,5,6"),
        ("0 0 * * SUN-SAT", "0 0 * * 0-6"),
        ("0 0 */2 * *", "0 0 */2 * *"),
        ("*/30 */12 */30 * *", "0,30 0,12 */30 * *"),
        ("0 0 1-31 * *", "0 0 1-31 * *"),
        ("0 0 1,2,3,10 * *", "0 0 1-3,10 * *"),
        ("0 0-23 * 1-12 *", "0 * * * *"),
        ("@yearly", "0 0 1 1 *"), ("@annually", "0 0 1 1 *"), ("@monthly", "0 0 1 * *"),
        ("@weekly", "0 0 * * 0"), ("@daily", "0 0 * * *"), ("@midnight", "0 0 * * *"), ("@HOURLY", "0 * * * *"),
    ]

    @Test(arguments: normalised)
    func normalises(written: String, expected: String) throws {
        let schedule = try CronSchedule(parsing: written)
        #expect(schedule.description == expected)
        #expect(try CronSchedule(parsing: expected) == schedule)
    }

    @Test func starDayFieldsKeepTheirMeaning() throws {
        // `1-31` is restricted (OR with day-of-week); `*` is not.
        #expect(try CronSchedule(parsing: "0 0 1-31 * 1") != CronSchedule(parsing: "0 0 * * 1"))
        #expect(try CronSchedule(parsing: "0-59 * * * *") == CronSchedule(parsing: "* * * * *"))
    }

    /// Every way an expression can be wrong, with the exact message a user sees.
    static let errors: [(String, String)] = [
        ("61 * * * *", #"cron "61 * * * *": minute field: 61 is out of range 0-59"#),
        ("* 24 * * *", #"cron "* 24 * * *": hour field: 24 is out of range 0-23"#),
        ("* * 0 * *", #"cron "* * 0 * *": day-of-month field: 0 is out of range 1-31"#),
        ("* * 32 * *", #"cron "* * 32 * *": day-of-month field: 32 is out of range 1-31"#),
        ("* * * 13 *", #"cron "* * * 13 *": month field: 13 is out of range 1-12"#),
        ("* * * * 8", #"cron "* * * * 8": day-of-week field: 8 is out of range 0-7"#),
        ("* * * * *  *", #"cron "* * * * *  *": expected 5 fields (minute hour day-of-month month day-of-week), found 6; seconds and years are not supported"#),
        ("* * * *", #"cron "* * * *": expected 5 fields (minute hour day-of-month month day-of-week), found 4"#),
        ("", #"cron "": expected 5 fields (minute hour day-of-month month day-of-week), found 0"#),
        ("@reboot", #"cron "@reboot": @reboot is not supported: Quire schedules runs by the clock, not at server start"#),
        ("@fortnightly", #"cron "@fortnightly": unknown macro @fortnightly; known macros are @yearly, @annually, @monthly, @weekly, @daily, @midnight and @hourly"#),
        ("*/0 * * * *", #"cron "*/0 * * * *": minute field: step "0" in "*/0" must be a number in 1-59"#),
        ("*/60 * * * *", #"cron "*/60 * * * *": minute field: step "60" in "*/60" must be a number in 1-59"#),
        ("*/x * * * *", #"cron "*/x * * * *": minute field: step "x" in "*/x" must be a number in 1-59"#),
        ("*/2/3 * * * *", #"cron "*/2/3 * * * *": minute field: "*/2/3" has more than one step"#),
        ("10-5 * * * *", #"cron "10-5 * * * *": minute field: range 10-5 goes backwards (write it as two ranges)"#),
        ("1,,2 * * * *", #"cron "1,,2 * * * *": minute field: empty item in the list "1,,2""#),
        ("* * * FOO *", #"cron "* * * FOO *": month field: "FOO" is not a number in 1-12 or a name JAN-DEC"#),
        ("* * * * MONDAY", #"cron "* * * * MONDAY": day-of-week field: "MONDAY" is not a number in 0-7 or a name SUN-SAT"#),
        ("* * MON * *", #"cron "* * MON * *": day-of-month field: "MON" is not a number in 1-31"#),
        ("* * L * *", #"cron "* * L * *": day-of-month field: "L" is not a number in 1-31"#),
        ("* * ? * *", #"cron "* * ? * *": day-of-month field: "?" is not a number in 1-31"#),
        ("-1 * * * *", #"cron "-1 * * * *": minute field: "" is not a number in 0-59"#),
        ("0 0 30 2 *", #"cron "0 0 30 2 *": day-of-month field: day 30 never occurs in February"#),
        ("0 0 31 4,6,9,11 *", #"cron "0 0 31 4,6,9,11 *": day-of-month field: day 31 never occurs in April, June, September and November"#),
    ]

    @Test(arguments: errors)
    func rejects(expression: String, message: String) {
        let error = #expect(throws: SchedulingError.self) { try CronSchedule(parsing: expression) }
        #expect(error?.description == message)
    }

    @Test func impossibleDayUnderTheOrRuleIsAccepted() throws {
        // Day 30 never comes in February, but every Monday of February does.
        let schedule = try CronSchedule(parsing: "0 0 30 2 1")
        #expect(schedule.description == "0 0 30 2 1")
    }
}
