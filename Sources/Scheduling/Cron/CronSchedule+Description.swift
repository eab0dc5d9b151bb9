extension CronSchedule: CustomStringConvertible {
    /// The normalised expression: five numeric fields, macros expanded, names as numbers, Sunday
    /// as 0, lists sorted and merged into ranges and steps. Parsing it gives an equal schedule.
    public var description: String {
        [
            Self.render(minutes, field: .minute, star: nil),
            Self.render(hours, field: .hour, star: nil),
            Self.render(daysOfMonth, field: .dayOfMonth, star: dayOfMonthIsStar),
            Self.render(months, field: .month, star: nil),
            Self.render(daysOfWeek, field: .dayOfWeek, star: dayOfWeekIsStar),
        ].joined(separator: " ")
    }

    /// A star stride needs three values to be clearer than a list ("1,7" rather than "*/6" months).
    /// `star` is nil where `*` and a full list mean the same; for the day fields it says whether the
    /// field was written as `*`/`*/n`, which must survive because it changes how days match.
    static func render(_ values: CronValues, field: CronField, star: Bool?) -> String {
        let range = field.range
        let list = values.values
        let step = list.count >= 2 ? list[1] - list[0] : range.upperBound - range.lowerBound + 1
        let isStride = list.count >= 3 && list.first == range.lowerBound
            && zip(list, list.dropFirst()).allSatisfy { $1 - $0 == step }
            && list.last! + step > range.upperBound
        if star ?? isStride {
            return step == 1 ? "*" : "*/\(step)"
        }
        // Restricted day fields must not print as `*`; everything else prints as runs.
        if list.count >= 3, step > 1, zip(list, list.dropFirst()).allSatisfy({ $1 - $0 == step }) {
            return "\(list[0])-\(list.last!)/\(step)"
        }
        return runs(list).map { $0.count == 1 ? "\($0[0])" : $0.count == 2 ? "\($0[0]),\($0[1])" : "\($0[0])-\($0.last!)" }
            .joined(separator: ",")
    }

    /// Consecutive values grouped: [1,2,3,7] → [[1,2,3],[7]].
    static func runs(_ list: [Int]) -> [[Int]] {
        var groups: [[Int]] = []
        for v in list {
            if let last = groups.last?.last, last + 1 == v { groups[groups.count - 1].append(v) } else { groups.append([v]) }
        }
        return groups
    }
}
