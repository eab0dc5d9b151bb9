import Foundation

/// Maps wall-clock times of a time zone to the instants that show them, in whole seconds since
/// the Unix epoch. A wall time shows at no instant (in a spring-forward gap), at one, or at two
/// (in the hour repeated when clocks fall back).
struct ZoneClock {
    let zone: TimeZone

    func offset(at instant: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// The wall-clock time (seconds since 1970-01-01 00:00 local) shown at `instant`.
    func wall(at instant: Int) -> Int { instant + offset(at: instant) }

    /// The smallest offset in force from `instant` to a day later: subtracting it bounds from
    /// below every wall time shown in that day, even across a fall-back.
    func smallestOffset(from instant: Int) -> Int {
        min(offset(at: instant), offset(at: instant + 86_400))
    }

    /// The instants, earliest first, at which the clock shows `wall`.
    ///
    /// Any such instant lies within 14 hours of `wall` read as UTC, so the offsets a day either
    /// side cover both sides of a transition; this assumes no zone changes its offset twice within
    /// two days, which no zone in the tz database does.
    func instants(showing wall: Int) -> [Int] {
        var found: [Int] = []
        for candidateOffset in Set([offset(at: wall - 86_400), offset(at: wall), offset(at: wall + 86_400)]) {
            let t = wall - candidateOffset
            if self.wall(at: t) == wall, !found.contains(t) { found.append(t) }
        }
        return found.sorted()
    }

    /// For a wall time inside a spring-forward gap: the instant the clock jumps, which shows the
    /// first existing wall time after the gap (03:00 when 02:00–02:59 is skipped).
    func transition(skipping wall: Int) -> Int? {
        let before = offset(at: wall - 86_400)
        let after = offset(at: wall + 86_400)
        guard after > before else { return nil }
        // Still on the old offset at `low`, already on the new one at `high`.
        var low = wall - after
        var high = wall - before
        guard offset(at: low) == before, offset(at: high) == after else { return nil }
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if offset(at: mid) == before { low = mid } else { high = mid }
        }
        return high
    }
}
