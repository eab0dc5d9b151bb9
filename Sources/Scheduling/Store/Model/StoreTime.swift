import Foundation

/// Stored times are UTC microseconds since the Unix epoch (integers sort and compare exactly in
/// every backend). Records carry dates already rounded to the microsecond, so what a call returns
/// equals what a later read returns.
enum StoreTime {
    static func micros(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    static func date(_ micros: Int64) -> Date {
        Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    static func rounded(_ date: Date) -> Date { self.date(micros(date)) }

    static func rounded(_ date: Date?) -> Date? { date.map(rounded) }
}
