import Foundation

/// Run dates are calendar days in UTC, written `YYYY-MM-DD`: they name report folders and history rows.
public enum RunDate {
    static func calendar() -> Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? c.timeZone
        return c
    }

    /// The UTC day of an instant.
    public static func string(from date: Date) -> String {
        let parts = calendar().dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// Midnight UTC of a `YYYY-MM-DD` string, or nil when it is not a real date.
    public static func date(from string: String) -> Date? {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard string.utf8.count == 10, parts.count == 3,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        let c = calendar()
        guard let date = c.date(from: DateComponents(year: y, month: m, day: d)),
              Self.string(from: date) == string else { return nil }
        return date
    }

    public static func isValid(_ string: String) -> Bool { date(from: string) != nil }

    /// The day `days` after `string` (negative for before).
    public static func adding(_ days: Int, to string: String) -> String? {
        guard let d = date(from: string), let shifted = calendar().date(byAdding: .day, value: days, to: d) else {
            return nil
        }
        return Self.string(from: shifted)
    }
}
