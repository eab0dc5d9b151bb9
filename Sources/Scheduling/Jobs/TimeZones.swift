import Foundation

/// Time zone names as the tz database spells them.
enum TimeZones {
    /// The zone named `name` exactly (`America/New_York`, `UTC`, links such as `US/Eastern`).
    /// Offsets such as `GMT+2` are refused: Foundation accepts them but renames them, and a fixed
    /// offset does not follow daylight saving time the way a user writing a place expects.
    static func named(_ name: String, at path: String) throws(SchedulingError) -> TimeZone {
        // Foundation reports UTC as "GMT"; every other accepted name keeps its spelling.
        if let zone = TimeZone(identifier: name), zone.identifier == name || name == "UTC" { return zone }
        let known = TimeZone.knownTimeZoneIdentifiers
        let suggestion = known.first { $0.lowercased() == name.lowercased() }
            ?? KeySuggestion.closest(to: name, among: known)
        throw .unknownTimeZone(path: path, name: name, suggestion: suggestion)
    }
}
