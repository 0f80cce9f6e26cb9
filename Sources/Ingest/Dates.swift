/// Parsing the time formats found in thread dumps into seconds since 1970 UTC.
///
/// Accepted: epoch seconds (`1733904000`, `1733904000.5`; values above 10^11 are taken as
/// milliseconds), ISO-8601 (`2025-12-11T08:30:00Z`, with fraction, offset `+09:00`/`+0900`, or a space
/// instead of `T`, or a date alone), and RFC 2822 mail dates (`Thu, 11 Dec 2025 08:30:00 +0900 (JST)`,
/// also with `GMT`/`UT`/US zone names and two-digit years).
///
/// Design notes: `ISO8601DateFormatter`/`DateFormatter` accept one layout each and are slow to build;
/// a hand parser handles the variants in one pass. Calendar maths is the days-from-civil algorithm.
enum Dates {
    /// Seconds since 1970 of a proleptic Gregorian date and time in UTC.
    static func epoch(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0) -> Double {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return Double(days * 86400 + hour * 3600 + minute * 60) + second
    }

    /// Whether a time lies in 1970...2200: anything else in a comment dump is a unit or data error.
    static func plausible(_ t: Double) -> Bool {
        t.isFinite && t >= 0 && t < 7_258_118_400
    }

    /// Parses any accepted form; nil when the text is not a time.
    static func parse(_ text: String) -> Double? {
        if let v = wholeNumber(text) { return epochSeconds(v) }
        let t = text.trimmingSpaces
        if t.isEmpty { return nil }
        if let v = Double(t), v.isFinite, t.first?.isNumber == true || t.first == "-" {
            return epochSeconds(v)
        }
        return iso8601(t) ?? rfc2822(t)
    }

    /// An epoch number as seconds: beyond 1e11 (the year 5138 in seconds) it is taken as milliseconds.
    static func epochSeconds(_ v: Double) -> Double {
        abs(v) > 1e11 ? v / 1000 : v
    }

    /// A plain whole number of at most 15 digits (exact in a `Double`), optionally negative: the usual
    /// form of epoch seconds, read from the bytes (`Double(String)` and `Character.isNumber` cost about
    /// 1,500 instructions a time field). Anything else is nil and takes the general path.
    static func wholeNumber(_ text: String) -> Double? {
        guard text.utf8.count <= 16 else { return nil }
        var text = text
        return text.withUTF8 { b -> Double? in
            var v = 0, digits = 0, negative = false
            for c in b {
                if c == 0x2D, digits == 0, !negative { negative = true; continue }
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
                digits += 1
            }
            guard digits > 0, digits <= 15 else { return nil }
            return Double(negative ? -v : v)
        }
    }

    static func iso8601(_ t: String) -> Double? {
        let b = Array(t.utf8)
        var i = 0
        func num(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = num(4), expect(0x2D), let month = num(2), expect(0x2D), let day = num(2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        if i == b.count { return epoch(year: year, month: month, day: day) }
        guard b[i] == 0x54 || b[i] == 0x20 || b[i] == 0x74 else { return nil }
        i += 1
        guard let hour = num(2), expect(0x3A), let minute = num(2), hour < 24, minute < 60 else { return nil }
        var second = 0.0
        if expect(0x3A) {
            guard let s = num(2), s <= 60 else { return nil }
            second = Double(s)
            if i < b.count, b[i] == 0x2E || b[i] == 0x2C {
                i += 1
                var scale = 0.1
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                    second += Double(b[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
            }
        }
        var offset = 0
        if i < b.count {
            if b[i] == 0x5A || b[i] == 0x7A { i += 1 } else if b[i] == 0x2B || b[i] == 0x2D {
                let sign = b[i] == 0x2D ? -1 : 1
                i += 1
                guard let oh = num(2) else { return nil }
                _ = expect(0x3A)
                let om = num(2) ?? 0
                offset = sign * (oh * 3600 + om * 60)
            } else if b[i] == 0x20 {
                // "2025-12-11 08:30:00 UTC"
                let rest = String(decoding: b[(i + 1)...], as: UTF8.self)
                guard let z = zone(rest) else { return nil }
                offset = z
                i = b.count
            }
        }
        guard i == b.count else { return nil }
        return epoch(year: year, month: month, day: day, hour: hour, minute: minute, second: second) - Double(offset)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Offset in seconds of a numeric or named zone.
    static func zone(_ z: String) -> Int? {
        let u = z.uppercased()
        let named = ["UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
                     "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "CET": 1, "CEST": 2, "JST": 9]
        if let h = named[u] { return h * 3600 }
        let b = Array(u.utf8)
        guard b.count == 5, b[0] == 0x2B || b[0] == 0x2D, let v = Int(String(decoding: b[1...], as: UTF8.self)) else { return nil }
        return (b[0] == 0x2D ? -1 : 1) * ((v / 100) * 3600 + (v % 100) * 60)
    }

    /// `[Day, ] D Mon YYYY HH:MM[:SS] [zone] [(comment)]`
    static func rfc2822(_ t: String) -> Double? {
        var s = t
        if let p = s.firstIndex(of: "(") { s = String(s[..<p]) }
        var parts = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        if let f = parts.first, f.count >= 3, Int(f) == nil, !months.contains(f.prefix(3).lowercased()) { parts.removeFirst() }
        // Ranges are checked before any arithmetic: a year or day of 19 digits would overflow `epoch`.
        guard parts.count >= 4, let day = Int(parts[0]), (1...31).contains(day),
              let mi = months.firstIndex(of: parts[1].prefix(3).lowercased()), var year = Int(parts[2]),
              (0...9999).contains(year) else { return nil }
        if year < 50 { year += 2000 } else if year < 100 { year += 1900 }
        let hms = parts[3].split(separator: ":").compactMap { Int($0) }
        guard hms.count >= 2, (0..<24).contains(hms[0]), (0..<60).contains(hms[1]),
              hms.count == 2 || (0...60).contains(hms[2]) else { return nil }
        let offset = parts.count >= 5 ? (zone(parts[4]) ?? 0) : 0
        return epoch(year: year, month: mi + 1, day: day, hour: hms[0], minute: hms[1],
                     second: Double(hms.count > 2 ? hms[2] : 0)) - Double(offset)
    }
}

/// A time read from a record, kept when plausible, else reported and left empty.
func checkedTime(_ v: Double?, line: Int, field: String, context: inout ReadContext) -> Double? {
    guard let v else { return nil }
    if Dates.plausible(v) { return v }
    context.warn(line: line, field: field, code: "bad-time", "\(v) is not a time in years 1970...2200; time left empty")
    return nil
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    ///
    /// Works on UTF-8 bytes: the trimmed characters are ASCII, so byte positions are character
    /// boundaries, and no grapheme breaking is needed (it dominated mail header parsing).
    var trimmingSpaces: String {
        let u = utf8
        var lo = u.startIndex, hi = u.endIndex
        while lo < hi, Self.isTrimmed(u[lo]) { lo = u.index(after: lo) }
        while hi > lo, Self.isTrimmed(u[u.index(before: hi)]) { hi = u.index(before: hi) }
        if lo == u.startIndex, hi == u.endIndex { return self }
        return String(self[lo..<hi])
    }

    private static func isTrimmed(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
