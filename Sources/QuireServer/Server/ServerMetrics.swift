import Synchronization

/// Counters the store cannot give cheaply: the duration histogram of runs finished in this
/// process. Run counts by status and queue depth come from the store at scrape time.
final class ServerMetrics: Sendable {
    static let buckets: [Double] = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600]
    private let state = Mutex<(counts: [Int], sum: Double, total: Int)>((Array(repeating: 0, count: buckets.count), 0, 0))

    func observe(duration seconds: Double) {
        state.withLock { s in
            for (i, b) in Self.buckets.enumerated() where seconds <= b { s.counts[i] += 1 }
            s.sum += seconds
            s.total += 1
        }
    }

    /// Prometheus text exposition of the histogram.
    func histogram(name: String) -> String {
        let s = state.withLock { $0 }
        var lines = ["# HELP \(name) Duration of runs finished by this process, in seconds.", "# TYPE \(name) histogram"]
        for (i, b) in Self.buckets.enumerated() { lines.append("\(name)_bucket{le=\"\(b)\"} \(s.counts[i])") }
        lines.append("\(name)_bucket{le=\"+Inf\"} \(s.total)")
        lines.append("\(name)_sum \(s.sum)")
        lines.append("\(name)_count \(s.total)")
        return lines.joined(separator: "\n")
    }
}
