import Foundation

/// What to do about scheduled times missed while the server was down.
///
/// In job definitions: `catchup: {policy: latest, window: 86400}` or a bare policy name.
public struct CatchUpPolicy: Sendable, Equatable {
    public enum Policy: String, Sendable, CaseIterable {
        /// Run nothing for missed times; the next future time fires as usual.
        case skip
        /// Run once, for the newest missed time within the window (the default).
        case latest
        /// Run every missed time within the window, oldest first (the newest `maximumSlots`).
        case all
    }

    public var policy: Policy
    /// Seconds: missed times older than this before now are not caught up.
    public var window: Double

    /// The most runs `all` starts at once; older missed times beyond it are dropped, so that a
    /// minutely job down for a year does not flood the queue.
    public static let maximumSlots = 1000

    public init(policy: Policy = .latest, window: Double = 86_400) {
        self.policy = policy
        self.window = window
    }

    /// The scheduled times to run now: those after `lastScheduled` (exclusive), up to `now`
    /// (inclusive) and no older than `window` seconds before `now`. None for a job never
    /// scheduled before (`lastScheduled` nil): a new job starts with its next future time.
    public func slotsToFire(schedule: CronSchedule, timeZone: TimeZone, lastScheduled: Date?, now: Date) -> [Date] {
        guard let lastScheduled, policy != .skip, lastScheduled < now else { return [] }
        let oldest = now.addingTimeInterval(-window)
        // Exclusive lower bound: just before the window's start so a time exactly on it counts.
        let floor = max(lastScheduled, Date(timeIntervalSince1970: oldest.timeIntervalSince1970.nextDown))
        return Self.newest(policy == .latest ? 1 : Self.maximumSlots, of: schedule, in: timeZone, after: floor, through: now)
    }

    /// The newest `count` fire times in (after, through], found by looking back over doubling
    /// spans from `through`, so that the cost follows the number of times wanted, not the length
    /// of the window (a yearly window of a minutely job is half a million times).
    static func newest(_ count: Int, of schedule: CronSchedule, in zone: TimeZone, after: Date, through: Date) -> [Date] {
        var span: TimeInterval = 60
        while true {
            let start = max(after, through.addingTimeInterval(-span))
            let found = schedule.fires(after: start, through: through, in: zone, limit: .max)
            if found.count >= count || start == after { return Array(found.suffix(count)) }
            span *= 2
        }
    }
}
