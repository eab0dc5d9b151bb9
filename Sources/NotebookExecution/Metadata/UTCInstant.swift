import Glibc

/// A wall-clock instant in UTC with microsecond precision, formatted as Python formats it: papermill
/// writes `datetime.isoformat()` and nbclient `%Y-%m-%dT%H:%M:%S.%fZ`, and output notebooks must match.
public struct UTCInstant: Sendable, Comparable {
    public let seconds: Int
    public let micros: Int

    public init(seconds: Int, micros: Int) {
        self.seconds = seconds
        self.micros = micros
    }

    public static func now() -> UTCInstant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return UTCInstant(seconds: Int(ts.tv_sec), micros: Int(ts.tv_nsec) / 1000)
    }

    public static func < (a: UTCInstant, b: UTCInstant) -> Bool {
        (a.seconds, a.micros) < (b.seconds, b.micros)
    }

    /// Python's `timedelta.total_seconds()`: whole microseconds divided once, so the float matches.
    public func seconds(since start: UTCInstant) -> Double {
        Double((seconds - start.seconds) * 1_000_000 + (micros - start.micros)) / 1_000_000
    }

    /// `datetime.isoformat()` of an aware UTC datetime: `2026-11-29T20:29:06.557831+00:00`, and no
    /// fraction at all when the microseconds are exactly zero.
    public var isoformat: String {
        let fraction = micros == 0 ? "" : "." + Self.pad(micros, 6)
        return dateTime + fraction + "+00:00"
    }

    /// nbclient's timing stamps: always six fraction digits and a `Z`.
    public var timingStamp: String { dateTime + "." + Self.pad(micros, 6) + "Z" }

    private var dateTime: String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        return "\(Self.pad(Int(parts.tm_year) + 1900, 4))-\(Self.pad(Int(parts.tm_mon) + 1, 2))-\(Self.pad(Int(parts.tm_mday), 2))"
            + "T\(Self.pad(Int(parts.tm_hour), 2)):\(Self.pad(Int(parts.tm_min), 2)):\(Self.pad(Int(parts.tm_sec), 2))"
    }

    /// Parses a message header date (`2026-11-29T20:29:06.557831Z`, any fraction length, `Z` or `+00:00`).
    public init?(isoString s: String) {
        let u = Array(s.utf8)
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= u.count else { return nil }
            var v = 0
            for b in u[from..<(from + len)] {
                guard b >= 48, b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2),
              let sec = num(17, 2) else { return nil }
        var micros = 0
        if u.count > 19, u[19] == UInt8(ascii: ".") {
            var i = 20, digits = 0
            while i < u.count, u[i] >= 48, u[i] <= 57 {
                if digits < 6 { micros = micros * 10 + Int(u[i] - 48); digits += 1 }
                i += 1
            }
            while digits < 6 { micros *= 10; digits += 1 }
        }
        var parts = tm()
        parts.tm_year = Int32(y - 1900)
        parts.tm_mon = Int32(mo - 1)
        parts.tm_mday = Int32(d)
        parts.tm_hour = Int32(h)
        parts.tm_min = Int32(mi)
        parts.tm_sec = Int32(sec)
        self.init(seconds: Int(timegm(&parts)), micros: micros)
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
