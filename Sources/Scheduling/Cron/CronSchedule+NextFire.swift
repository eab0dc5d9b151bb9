import Foundation

extension CronSchedule {
    /// The first time strictly after `after` at which the schedule fires, evaluated in the
    /// wall-clock time of `timeZone`; nil if it never fires again (within a century).
    ///
    /// Daylight saving time:
    /// - A matching wall time that does not exist (02:30 on a spring-forward day in New York) fires
    ///   once, at the first instant after the gap (03:00 local), as cronie runs jobs from a skipped
    ///   hour right after the change. Several skipped matches (`*/15`) fire once there together.
    /// - A matching wall time that occurs twice (01:30 on a fall-back day) fires once, at its first
    ///   occurrence — unless the hour field is `*` (all 24 hours): such jobs follow real time and
    ///   fire at both occurrences, so an hourly job still runs every hour and `*/15` every
    ///   15 minutes through the repeated hour. Each real instant fires at most once.
    public func nextFire(after: Date, in timeZone: TimeZone) -> Date? {
        let clock = ZoneClock(zone: timeZone)
        let limit = after.timeIntervalSince1970
        let floorSecond = Int(limit.rounded(.down))
        // Start early enough to see the second pass of a repeated hour: its wall times are
        // earlier than the wall time shown at `after`.
        var searchFrom = (floorSecond + clock.smallestOffset(from: floorSecond)).floorDiv(60)
        let followsRealTime = hours.count == 24
        var best: Int?
        while let minute = nextMatchingMinute(atOrAfter: searchFrom) {
            searchFrom = minute + 1
            let wall = minute * 60
            var instants = clock.instants(showing: wall)
            if instants.isEmpty {
                guard let jump = clock.transition(skipping: wall) else { continue }
                instants = [jump]
            } else if !followsRealTime {
                instants = [instants[0]]
            }
            // The first instants of successive wall times never decrease, so once one is past
            // `after`, no later wall time can fire sooner.
            if Double(instants[0]) > limit {
                return Date(timeIntervalSince1970: TimeInterval(min(best ?? instants[0], instants[0])))
            }
            for t in instants where Double(t) > limit { best = min(best ?? t, t) }
        }
        return best.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// Fire times strictly after `after` and not later than `through`, in order, at most `limit`.
    public func fires(after: Date, through: Date, in timeZone: TimeZone, limit: Int) -> [Date] {
        var result: [Date] = []
        var cursor = after
        while result.count < limit, let next = nextFire(after: cursor, in: timeZone), next <= through {
            result.append(next)
            cursor = next
        }
        return result
    }
}
