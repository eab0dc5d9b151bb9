extension CronSchedule {
    /// The schedule in words for a UI: "every 15 minutes", "at 02:30 every day",
    /// "at 09:00 on Monday through Friday", "at minute 0 of every hour".
    public func summary() -> String {
        let (time, isClockTime) = timePhrase()
        let days = dayPhrase()
        var text = time
        if let days { text += " " + days } else if isClockTime { text += " every day" }
        if months.count < 12 {
            text += " in " + CronSummary.spans(months.values, name: CronSummary.monthName)
        }
        return text
    }

    /// The times of day; `isClockTime` when it is a short list of clock times ("at 09:00").
    private func timePhrase() -> (String, isClockTime: Bool) {
        let mins = minutes.values, hrs = hours.values
        let everyHour = hrs.count == 24
        let minuteStep = mins.count == 60 ? 1 : CronSummary.stride(mins, in: 0...59)
        if let minuteStep {
            let every = minuteStep == 1 ? "every minute" : "every \(minuteStep) minutes"
            return (everyHour ? every : every + " during " + hourList(hrs), false)
        }
        let minuteWords = (mins.count == 1 ? "at minute " : "at minutes ") + CronSummary.spans(mins) { "\($0)" }
        if everyHour { return (minuteWords + " of every hour", false) }
        if mins.count * hrs.count <= 6 {
            let times = hrs.flatMap { h in mins.map { "\(CronSummary.twoDigits(h)):\(CronSummary.twoDigits($0))" } }
            return ("at " + CronSummary.list(times), true)
        }
        if let hourStep = CronSummary.stride(hrs, in: 0...23) {
            return (minuteWords + " of every \(hourStep) hours", false)
        }
        return (minuteWords + " during " + hourList(hrs), false)
    }

    private func hourList(_ hrs: [Int]) -> String {
        (hrs.count == 1 ? "hour " : "hours ") + CronSummary.spans(hrs) { CronSummary.twoDigits($0) }
    }

    /// The days, or nil for every day.
    private func dayPhrase() -> String? {
        let orRule = !dayOfMonthIsStar && !dayOfWeekIsStar
        // Under the OR rule a field that matches every day makes the other irrelevant.
        if orRule, daysOfMonth.count == 31 || daysOfWeek.count == 7 { return nil }
        let dom: String?
        if daysOfMonth.count == 31 {
            dom = nil
        } else if daysOfMonth.count > 2, let step = CronSummary.stride(daysOfMonth.values, in: 1...31) {
            dom = "on every \(CronSummary.ordinal(step)) day of the month"
        } else {
            dom = (daysOfMonth.count == 1 ? "on day " : "on days ") + CronSummary.spans(daysOfMonth.values) { "\($0)" } + " of the month"
        }
        let dow = daysOfWeek.count == 7 ? nil
            : "on " + CronSummary.spans(daysOfWeek.values) { CronSummary.dayNames[$0] }
        switch (dom, dow) {
        case (nil, nil): return nil
        case (let d?, nil): return d
        case (nil, let w?): return w
        case (let d?, let w?):
            return orRule ? "\(d) or \(w)" : "\(d) if it falls \(w)"
        }
    }
}
