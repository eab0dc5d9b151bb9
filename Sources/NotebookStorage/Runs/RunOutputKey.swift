import Foundation

/// Keys for run outputs: `runs/<job>/<UTC timestamp>-<run id>.ipynb`, e.g.
/// `runs/daily-report/20261129T214400.123456Z-3f9c2a1b7e04.ipynb`. They sort by time within a
/// job, and the run id makes them unique even for two runs started in the same microsecond.
public enum RunOutputKey {
    /// A key for a run of `job` started at `date`. The job name is kept readable: characters other
    /// than letters, digits, `.`, `_` and `-` become `-`.
    public static func make(job: String, runID: String, at date: Date = Date(), prefix: String = "runs") -> String {
        let safeJob = String(job.unicodeScalars.map { isSafe($0) ? Character($0) : "-" })
        let safeRun = String(runID.unicodeScalars.map { isSafe($0) ? Character($0) : "-" })
        let base = prefix.isEmpty ? "" : (prefix.hasSuffix("/") ? prefix : prefix + "/")
        return "\(base)\(safeJob.isEmpty ? "-" : safeJob)/\(timestamp(date))-\(safeRun).ipynb"
    }

    /// A fresh random run id: 12 hex digits (48 bits).
    public static func newRunID() -> String {
        String(UInt64.random(in: 0..<(1 << 48)), radix: 16).leftPadded(to: 12)
    }

    /// `YYYYMMDDTHHMMSS.ffffffZ` in UTC: sortable, and without ":" (awkward in local file names and URLs).
    static func timestamp(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
        let secs = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = String(micros - secs * 1_000_000).leftPadded(to: 6)
        return String(SigV4Signer.timestamp(Date(timeIntervalSince1970: TimeInterval(secs))).dropLast()) + ".\(fraction)Z"
    }

    private static func isSafe(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "." || s == "_" || s == "-")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
