import ThreadModel

/// Splits text into sentences, returning UTF-8 byte spans.
///
/// A sentence ends:
/// - at `.`, `!`, `?` or `…` (runs of them, then any closing quotes or brackets) followed by white space
///   or the end, unless the next word starts with a lower-case letter (`e.g. this`, `approx. five`), the
///   word before the dot is a single letter (`J. Smith`, `U.S.`) or a title (`Mr.`, `Dr.`, `vs.`...);
/// - at a blank line;
/// - at a single line break, unless the line looks hard-wrapped: 40...80 bytes long, not ending in
///   `.!?:`, and followed by a line that starts in lower case. Comment sites put one paragraph per line,
///   mail wraps at about 72 columns; this keeps both right.
///
/// Leading and trailing white space is never part of a span. Complexity O(n) in bytes.
///
/// Design notes: a trained model (Punkt) handles more abbreviations but needs training data per
/// language; the lower-case look-ahead covers most abbreviations without a list.
public enum SentenceSplitter {
    static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "prof", "vs", "st", "jr", "sr", "no", "cf", "fig", "vol"]

    public static func split(_ text: String) -> [Span] {
        let bytes = Array(text.utf8)
        var spans: [Span] = []
        split(bytes, in: 0..<bytes.count, into: &spans)
        return spans
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isTerminal(_ b: UInt8) -> Bool { b == 0x2E || b == 0x21 || b == 0x3F }
    @inline(__always) static func isCloser(_ b: UInt8) -> Bool { b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D }

    /// Appends the sentences of `bytes[range]` to `spans` (offsets are into `bytes`).
    public static func split(_ bytes: [UInt8], in range: Range<Int>, into spans: inout [Span]) {
        var start = range.lowerBound
        let end = range.upperBound
        var lineStart = range.lowerBound
        var i = range.lowerBound
        func emit(_ e: Int, _ spans: inout [Span]) {
            var s = start, e = e
            while s < e, isSpace(bytes[s]) { s += 1 }
            while e > s, isSpace(bytes[e - 1]) { e -= 1 }
            if e > s { spans.append(Span(s, e)) }
        }
        while i < end {
            let b = bytes[i]
            if isTerminal(b) || (b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6) {
                var j = i + (b == 0xE2 ? 3 : 1)
                while j < end, isTerminal(bytes[j]) { j += 1 }
                // Closing quotes and brackets, including ’ and ” (E2 80 99 / E2 80 9D).
                while j < end {
                    if isCloser(bytes[j]) { j += 1; continue }
                    if j + 2 < end, bytes[j] == 0xE2, bytes[j + 1] == 0x80, bytes[j + 2] == 0x99 || bytes[j + 2] == 0x9D {
                        j += 3
                        continue
                    }
                    break
                }
                if j == end || isSpace(bytes[j]) {
                    if isBoundary(bytes, dot: i, after: j, end: end, wordStart: lineStart) {
                        emit(j, &spans)
                        start = j
                    }
                }
                i = j
                continue
            }
            if b == 0x0A {
                var k = i + 1
                var blank = false
                while k < end, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0D || bytes[k] == 0x0A {
                    if bytes[k] == 0x0A { blank = true }
                    k += 1
                }
                if blank || !isWrapped(bytes, lineStart: lineStart, lineEnd: i, next: k, end: end) {
                    emit(i, &spans)
                    start = i + 1
                }
                lineStart = i + 1
            }
            i += 1
        }
        emit(end, &spans)
    }

    static func isBoundary(_ bytes: [UInt8], dot: Int, after: Int, end: Int, wordStart: Int) -> Bool {
        // Next word in lower case: not a boundary.
        var k = after
        while k < end, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        if k < end, isLower(bytes[k]) { return false }
        guard bytes[dot] == 0x2E else { return true }
        // The word before the dot.
        var w = dot
        while w > wordStart, !isSpace(bytes[w - 1]), bytes[w - 1] != 0x2E, bytes[w - 1] != 0x28 { w -= 1 }
        let len = dot - w
        if len == 1, bytes[w] >= 0x41, bytes[w] <= 0x5A { return false }  // an initial
        if len >= 2, len <= 4 {
            let word = String(decoding: bytes[w..<dot].map { $0 | 0x20 }, as: UTF8.self)
            if titles.contains(word) { return false }
        }
        return true
    }

    static func isWrapped(_ bytes: [UInt8], lineStart: Int, lineEnd: Int, next: Int, end: Int) -> Bool {
        var e = lineEnd
        while e > lineStart, isSpace(bytes[e - 1]) { e -= 1 }
        let len = e - lineStart
        guard len >= 40, len <= 80, next < end else { return false }
        let last = bytes[e - 1]
        if isTerminal(last) || last == 0x3A { return false }
        return isLower(bytes[next])
    }
}
