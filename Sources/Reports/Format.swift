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
        var bytes: [UInt8] = []
        appendFixed(x, decimals: decimals, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `fixed(x, decimals)` as ASCII bytes; appends nothing for a non-finite `x`.
    ///
    /// Digits come from one rounded integer, `round(x * 10^d)`, so no locale and no `String(format:)`.
    static func appendFixed(_ x: Double, decimals: Int, to out: inout [UInt8]) {
        guard x.isFinite else { return }
        let d = max(0, min(decimals, 12))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (x * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e15 else { out.append(contentsOf: "\(x)".utf8); return }
        let n = Int64(scaled)
        if n < 0 { out.append(UInt8(ascii: "-")) }
        // At least one digit before the point: the digits of |n|, left-padded with zeros to d + 1.
        let digits = max(digitCount(n.magnitude), d + 1)
        appendPadded(n.magnitude, digits: digits, point: d, to: &out)
    }

    /// The number of decimal digits of `v` (1 for 0).
    @inline(__always)
    static func digitCount(_ v: UInt64) -> Int {
        var count = 1, m = v
        while m >= 10 { m /= 10; count += 1 }
        return count
    }

    /// Appends the lowest `digits` decimal digits of `v` (zero-padded on the left), with a point
    /// before the last `point` of them when `point > 0`. Written in place, back to front, with no
    /// temporary array: this runs for every number of every report.
    static func appendPadded(_ v: UInt64, digits: Int, point: Int, to out: inout [UInt8]) {
        let length = digits + (point > 0 ? 1 : 0)
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: length))
        out.withUnsafeMutableBufferPointer { buffer in
            var m = v, i = start + length - 1
            for written in 0..<digits {
                if point > 0 && written == point {
                    buffer[i] = UInt8(ascii: ".")
                    i -= 1
                }
                buffer[i] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
                i -= 1
            }
        }
    }

    /// Seconds since 1970-01-01 UTC as ISO-8601 `YYYY-MM-DDTHH:MM:SSZ` (fractions truncated toward the past).
    public static func isoTimestamp(_ seconds: Double) -> String? {
        var bytes: [UInt8] = []
        guard appendISOTimestamp(seconds, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Seconds since 1970-01-01 UTC as `YYYY-MM-DD`.
    public static func isoDate(_ seconds: Double) -> String? {
        isoTimestamp(seconds).map { String($0.prefix(10)) }
    }

    /// Appends `isoTimestamp(seconds)`; false (and nothing appended) when it has none.
    @discardableResult
    static func appendISOTimestamp(_ seconds: Double, to out: inout [UInt8]) -> Bool {
        guard seconds.isFinite, abs(seconds) < 3e11 else { return false }   // beyond year 9999 either way
        let total = Int64(seconds.rounded(.down))
        let days = floorDiv(total, 86_400)
        let secs = total - days * 86_400
        let (y, m, d) = civilDate(daysSinceEpoch: days)
        guard (0...9999).contains(y) else { return false }
        appendDigits(y, width: 4, to: &out); out.append(UInt8(ascii: "-"))
        appendDigits(m, width: 2, to: &out); out.append(UInt8(ascii: "-"))
        appendDigits(d, width: 2, to: &out); out.append(UInt8(ascii: "T"))
        appendDigits(secs / 3600, width: 2, to: &out); out.append(UInt8(ascii: ":"))
        appendDigits(secs / 60 % 60, width: 2, to: &out); out.append(UInt8(ascii: ":"))
        appendDigits(secs % 60, width: 2, to: &out); out.append(UInt8(ascii: "Z"))
        return true
    }

    /// A non-negative integer, zero-padded to `width` digits.
    static func appendDigits(_ v: Int64, width: Int, to out: inout [UInt8]) {
        appendPadded(v.magnitude, digits: max(digitCount(v.magnitude), width), point: 0, to: &out)
    }

    /// An integer in decimal, `-` first when negative.
    static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(Int64(v.magnitude), width: 1, to: &out)
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
}
