/// English wording for schedule summaries and error messages.
enum CronSummary {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func monthName(_ month: Int) -> String { monthNames[month - 1] }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// Values as words, three or more consecutive ones as "x through y".
    static func spans(_ values: [Int], name: (Int) -> String) -> String {
        list(CronSchedule.runs(values).flatMap { run -> [String] in
            run.count >= 3 ? ["\(name(run[0])) through \(name(run.last!))"] : run.map(name)
        })
    }

    /// 2nd, 3rd, 11th, 21st.
    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The step of `values` if they are every n-th value from the start of `range` to its end.
    static func stride(_ values: [Int], in range: ClosedRange<Int>) -> Int? {
        guard values.count >= 2, values[0] == range.lowerBound else { return nil }
        let step = values[1] - values[0]
        guard zip(values, values.dropFirst()).allSatisfy({ $1 - $0 == step }),
              values.last! + step > range.upperBound else { return nil }
        return step
    }
}
