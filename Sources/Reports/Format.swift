/// Locale-free formatting of numbers, dates and text for every report file.
///
/// Design notes: `String(format:)` and `NumberFormatter` depend on the C locale and are slow; these
/// helpers build digits from integers so the same value always gives the same bytes on every machine.
public enum Format {
    /// `x` with exactly `decimals` digits after the point, rounded half away from zero.
    ///
    /// `-0.00001` with 4 decimals gives `0.0000`, never `-0.0000`. Non-finite values give nil (written as
    /// an empty cell or `null`). Values beyond ±9e15 / 10^decimals fall back to Swift's shortest form.
    public static func fixed(_ x: Double, decimals: Int = 4) -> String? {
        guard x.isFinite else { return nil }
        let d = max(0, min(decimals, 12))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (x * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e15 else { return "\(x)" }
        let n = Int64(scaled)
        if n == 0 { return d == 0 ? "0" : "0." + String(repeating: "0", count: d) }
        let digits = String(n.magnitude)
        let sign = n < 0 ? "-" : ""
        guard d > 0 else { return sign + digits }
        let padded = digits.count <= d ? String(repeating: "0", count: d - digits.count + 1) + digits : digits
        let cut = padded.index(padded.endIndex, offsetBy: -d)
        return sign + padded[..<cut] + "." + padded[cut...]
    }

    /// Seconds since 1970-01-01 UTC as ISO-8601 `YYYY-MM-DDTHH:MM:SSZ` (fractions truncated toward the past).
    public static func isoTimestamp(_ seconds: Double) -> String? {
        guard seconds.isFinite, abs(seconds) < 1e13 else { return nil }
        let total = Int64(seconds.rounded(.down))
        let days = floorDiv(total, 86_400)
        let secs = total - days * 86_400
        let (y, m, d) = civilDate(daysSinceEpoch: days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))Z"
    }

    /// Seconds since 1970-01-01 UTC as `YYYY-MM-DD`.
    public static func isoDate(_ seconds: Double) -> String? {
        isoTimestamp(seconds).map { String($0.prefix(10)) }
    }

    /// The proleptic Gregorian date `days` after 1970-01-01.
    ///
    /// Works in 400-year eras of 146097 days counted from 0000-03-01, so that the leap day ends a year.
    static func civilDate(daysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468                      // days since 0000-03-01
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097                 // day of era, 0...146096
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153                // March = 0
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v.magnitude)
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

/// Clean-up of free text before it goes into any report cell or page.
public enum TextCell {
    /// Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069): they can make a
    /// cell display in an order other than its bytes ("Trojan Source"), so they are removed.
    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// One line of text: bidi controls removed; every other control character (C0, DEL, C1) and every
    /// whitespace run (newlines and tabs included) becomes one space; leading and trailing spaces trimmed.
    public static func singleLine(_ text: String) -> String {
        // Fast path: printable ASCII without leading, trailing or doubled spaces is already clean.
        var clean = true, previous: UInt8 = 0x20
        for b in text.utf8 {
            if b < 0x20 || b > 0x7E || (b == 0x20 && previous == 0x20) { clean = false; break }
            previous = b
        }
        if clean && previous != 0x20 { return text }
        if text.isEmpty { return "" }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            let v = s.value
            if isBidiControl(v) { continue }
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || s.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(s)
        }
        return String(out)
    }

    /// `singleLine(text)` cut to at most `limit` characters, with `…` marking a cut.
    public static func excerpt(_ text: String, limit: Int) -> String {
        let line = singleLine(text)
        guard limit > 0, line.count > limit else { return line }
        let cut = line.prefix(max(0, limit - 1))
        return cut.trimmingTrailingSpaces() + "…"
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
