import Testing
@testable import Scheduling

@Suite struct CronSummaryTests {
    static let summaries: [(String, String)] = [
        ("* * * * *", "every minute"),
        ("*/15 * * * *", "every 15 minutes"),
        ("*/5 9-17 * * *", "every 5 minutes during hours 09 through 17"),
        ("* 3 * * *", "every minute during hour 03"),
        ("30 2 * * *", "at 02:30 every day"),
        ("@daily", "at 00:00 every day"),
        ("0 9 * * 1-5", "at 09:00 on Monday through Friday"),
        ("0 9,17 * * MON,WED,FRI", "at 09:00 and 17:00 on Monday, Wednesday and Friday"),
        ("0 * * * *", "at minute 0 of every hour"),
        ("15,45 * * * *", "at minutes 15 and 45 of every hour"),
        ("0 */2 * * *", "at minute 0 of every 2 hours"),
        ("5 0-6,20 * * *", "at minute 5 during hours 00 through 06 and 20"),
        ("0 0 1 * *", "at 00:00 on day 1 of the month"),
        ("0 0 1,15 * *", "at 00:00 on days 1 and 15 of the month"),
        ("0 0 29 2 *", "at 00:00 on day 29 of the month in February"),
        ("@yearly", "at 00:00 on day 1 of the month in January"),
        ("0 6 * 3-5 *", "at 06:00 every day in March through May"),
        ("0 0 13 * 5", "at 00:00 on day 13 of the month or on Friday"),
        ("0 0 1-31 * 1", "at 00:00 every day"),
        ("0 0 */2 * 1", "at 00:00 on every 2nd day of the month if it falls on Monday"),
        ("0 0 */3 * *", "at 00:00 on every 3rd day of the month"),
        ("0 0 1-21/10 * *", "at 00:00 on days 1, 11 and 21 of the month"),
        ("0 12 * * 0,6", "at 12:00 on Sunday and Saturday"),
    ]

    @Test(arguments: summaries)
    func summary(expression: String, expected: String) throws {
        #expect(try CronSchedule(parsing: expression).summary() == expected)
    }
}
