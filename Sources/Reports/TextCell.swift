/// Clean-up of free text before it goes into any report cell or page.
///
/// Works on UTF-8 bytes and Unicode scalar values directly (no `Unicode.Scalar.Properties` lookups, no
/// `String` appends), since it runs on every text cell of every report.
public enum TextCell {
    /// Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069): they can make a
    /// cell display in an order other than its bytes ("Trojan Source"), so they are removed.
    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// Unicode White_Space outside ASCII: NEL, NBSP, OGHAM SPACE MARK, U+2000-200A, LS, PS, NNBSP, MMSP,
    /// IDEOGRAPHIC SPACE.
    static func isWideWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// One line of text: bidi controls removed; every other control character (C0, DEL, C1) and every
    /// whitespace run (newlines and tabs included) becomes one space; leading and trailing spaces trimmed.
    public static func singleLine(_ text: String) -> String {
        var out: [UInt8] = []
        appendSingleLine(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `singleLine(text)` as UTF-8, stopping after `maxScalars` scalars of output.
    /// - Returns: whether it stopped early (more text remained), and whether everything written was ASCII.
    @discardableResult
    static func appendSingleLine(_ text: String, to out: inout [UInt8], maxScalars: Int = .max) -> (truncated: Bool, ascii: Bool) {
        // Fast path: printable ASCII without leading, trailing or doubled spaces is already clean.
        let utf8 = text.utf8
        if utf8.count <= maxScalars {
            var clean = true, previous: UInt8 = 0x20
            for b in utf8 {
                if b < 0x20 || b > 0x7E || (b == 0x20 && previous == 0x20) { clean = false; break }
                previous = b
            }
            if clean && previous != 0x20 { out.append(contentsOf: utf8); return (false, true) }
        }
        out.reserveCapacity(out.count + min(utf8.count, maxScalars < Int.max / 4 ? maxScalars * 4 : utf8.count))
        var pendingSpace = false, written = 0, ascii = true
        for s in text.unicodeScalars {
            let v = s.value
            let isSpace: Bool
            if v < 0x80 {
                isSpace = v <= 0x20 || v == 0x7F
            } else {
                if isBidiControl(v) { continue }
                isSpace = v <= 0x9F || isWideWhitespace(v)
            }
            if isSpace {
                pendingSpace = written > 0
                continue
            }
            if written >= maxScalars { return (true, ascii) }
            if pendingSpace {
                out.append(0x20)
                written += 1
                pendingSpace = false
            }
            if v < 0x80 {
                out.append(UInt8(v))
            } else {
                ascii = false
                UTF8.encode(s) { out.append($0) }
            }
            written += 1
        }
        return (false, ascii)
    }

    /// `singleLine(text)` cut to at most `limit` characters, with `…` marking a cut.
    public static func excerpt(_ text: String, limit: Int) -> String {
        var bytes: [UInt8] = []
        appendExcerpt(text, limit: limit, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `excerpt(text, limit)` as UTF-8.
    ///
    /// Only the first `2 * limit + 8` scalars are cleaned, so a long comment costs no more than a short
    /// one; a line cut there is marked as cut even if its characters (scalars joined into graphemes)
    /// would fit. ASCII lines are cut by bytes; others by `Character`, so no grapheme is split.
    static func appendExcerpt(_ text: String, limit: Int, to out: inout [UInt8]) {
        guard limit > 0 else { appendSingleLine(text, to: &out); return }
        let start = out.count
        let (truncated, ascii) = appendSingleLine(text, to: &out, maxScalars: 2 * limit + 8)
        let written = out.count - start
        if !truncated && written <= limit { return }
        if ascii {
            var end = start + min(written, limit - 1)
            while end > start && out[end - 1] == 0x20 { end -= 1 }
            out.removeSubrange(end...)
            out.append(contentsOf: "…".utf8)
            return
        }
        let line = String(decoding: out[start...], as: UTF8.self)
        out.removeSubrange(start...)
        let cut: String
        if let end = line.index(line.startIndex, offsetBy: limit, limitedBy: line.endIndex), end < line.endIndex {
            cut = line[..<line.index(before: end)].trimmingTrailingSpaces() + "…"
        } else {
            cut = truncated ? line.dropLast().trimmingTrailingSpaces() + "…" : line
        }
        out.append(contentsOf: cut.utf8)
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
