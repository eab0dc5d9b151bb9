/// The five fields of a cron expression, in the order they are written.
enum CronField: Int, CaseIterable, Sendable {
    case minute, hour, dayOfMonth, month, dayOfWeek

    /// The name used in error messages and the summary.
    var name: String {
        switch self {
        case .minute: "minute"
        case .hour: "hour"
        case .dayOfMonth: "day-of-month"
        case .month: "month"
        case .dayOfWeek: "day-of-week"
        }
    }

    /// Values accepted as written. Day-of-week accepts 7 as a second Sunday, as Vixie cron does.
    var writtenRange: ClosedRange<Int> {
        switch self {
        case .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7
        }
    }

    /// Values `*` covers (day-of-week without the duplicate 7).
    var range: ClosedRange<Int> { self == .dayOfWeek ? 0...6 : writtenRange }

    /// Three-letter names, indexed from the field's first value; empty for numeric-only fields.
    var names: [String] {
        switch self {
        case .month: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        case .dayOfWeek: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        default: []
        }
    }
}

/// A set of small integers (0…63) as bits: membership and "next value at or after" are one
/// instruction each, which keeps the fire-time search cheap.
struct CronValues: Hashable, Sendable {
    private(set) var bits: UInt64 = 0

    init() {}

    init(_ range: ClosedRange<Int>, step: Int = 1) {
        for v in stride(from: range.lowerBound, through: range.upperBound, by: step) { insert(v) }
    }

    mutating func insert(_ value: Int) { bits |= 1 << UInt64(value) }
    mutating func formUnion(_ other: CronValues) { bits |= other.bits }

    func contains(_ value: Int) -> Bool { value >= 0 && value < 64 && bits & (1 << UInt64(value)) != 0 }

    /// The smallest member ≥ `value`, or nil.
    func next(atOrAfter value: Int) -> Int? {
        guard value < 64 else { return nil }
        let masked = bits & (value <= 0 ? ~0 : ~((1 << UInt64(value)) - 1))
        return masked == 0 ? nil : masked.trailingZeroBitCount
    }

    var first: Int? { next(atOrAfter: 0) }
    var count: Int { bits.nonzeroBitCount }
    var isEmpty: Bool { bits == 0 }

    /// Members in increasing order.
    var values: [Int] {
        var result: [Int] = []
        var v = next(atOrAfter: 0)
        while let x = v {
            result.append(x)
            v = next(atOrAfter: x + 1)
        }
        return result
    }
}
