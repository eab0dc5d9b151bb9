import Foundation

/// The two date formats S3 sends: ISO 8601 in XML (`2026-01-02T03:04:05.678Z`) and the HTTP
/// date of `Last-Modified` (`Fri, 02 Jan 2026 03:04:05 GMT`). Parsed by hand: a listing of 10 000
/// keys has 10 000 dates, and formatters are slow and not sendable.
enum S3Dates {
    static func iso8601(_ s: String) -> Date? {
        let b = Array(s.utf8)
        guard b.count >= 20, let y = num(b, 0, 4), let mo = num(b, 5, 2), let d = num(b, 8, 2),
              let h = num(b, 11, 2), let mi = num(b, 14, 2), let sec = num(b, 17, 2) else { return nil }
        var fraction = 0.0
        if b.count > 20, b[19] == UInt8(ascii: ".") {
            var scale = 0.1
            for c in b[20...] where c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                fraction += Double(c - UInt8(ascii: "0")) * scale
                scale /= 10
            }
        }
        return date(y, mo, d, h, mi, sec).map { $0.addingTimeInterval(fraction) }
    }

    static func http(_ s: String) -> Date? {
        // "Fri, 02 Jan 2026 03:04:05 GMT"
        let parts = s.split(separator: " ")
        guard parts.count >= 5, let d = Int(parts[1]), let y = Int(parts[3]),
              let mo = months.firstIndex(of: String(parts[2]).lowercased()) else { return nil }
        let hms = parts[4].split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3 else { return nil }
        return date(y, mo + 1, d, hms[0], hms[1], hms[2])
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func num(_ b: [UInt8], _ at: Int, _ len: Int) -> Int? {
        var v = 0
        for c in b[at..<(at + len)] {
            guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { return nil }
            v = v * 10 + Int(c - UInt8(ascii: "0"))
        }
        return v
    }

    private static func date(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Date? {
        var t = tm()
        t.tm_year = Int32(y - 1900)
        t.tm_mon = Int32(mo - 1)
        t.tm_mday = Int32(d)
        t.tm_hour = Int32(h)
        t.tm_min = Int32(mi)
        t.tm_sec = Int32(s)
        let secs = timegm(&t)
        return secs == -1 ? nil : Date(timeIntervalSince1970: TimeInterval(secs))
    }
}
