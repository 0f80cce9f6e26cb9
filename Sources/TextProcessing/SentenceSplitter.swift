import ThreadModel

/// Splits text into sentences, returning UTF-8 byte spans.
///
/// A sentence ends:
/// - at `.`, `!`, `?` or `…` (runs of them, then any closing quotes or brackets) followed by white space
///   or the end, unless the word before the dot is a single letter (`e.g.`, `U.S.`, `J. Smith`) or a
///   known abbreviation (`Mr.`, `Dr.`, `vs.`, `approx.`, `No. 5`...), or an ellipsis or `etc.` is followed
///   by a lower-case word. A lower-case word after a plain stop still starts a new sentence: comments
///   often skip capitals ("great. it works.").
/// - at a blank line;
/// - at a single line break, unless the line looks hard-wrapped: 40...80 bytes long, not ending in
///   `.!?:`, and followed by a line that starts in lower case. Comment sites put one paragraph per line,
///   mail wraps at about 72 columns; this keeps both right.
///
/// Leading and trailing white space is never part of a span. Complexity O(n) in bytes.
///
/// Design notes: a trained model (Punkt) handles more abbreviations but needs training data per
/// language; a short list plus the single-letter rule covers what comment threads use.
public enum SentenceSplitter {
    static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "prof", "vs", "st", "jr", "sr", "cf", "fig", "vol", "approx",
                                      "al", "inc", "ltd", "co", "ca", "resp"]

    static func packed(_ word: String) -> UInt64 { word.utf8.reduce(0) { $0 << 8 | UInt64($1) } }

    /// Whether `key` is a packed title (``titles``; the tests check the two agree). A switch on constants
    /// reads no global (a stored table paid a lazy-initialisation check at every sentence end).
    @inline(__always)
    static func isTitle(_ key: UInt64) -> Bool {
        switch key {
        case 0x616C, 0x6361, 0x6366, 0x636F, 0x6472, 0x6A72, 0x6D72, 0x6D73, 0x7372, 0x7374, 0x7673,  // al ca cf co dr jr mr ms sr st vs
             0x666967, 0x696E63, 0x6C7464, 0x6D7273, 0x766F6C,  // fig inc ltd mrs vol
             0x7072_6F66, 0x7265_7370, 0x6170_7072_6F78:  // prof resp approx
            return true
        default:
            return false
        }
    }
    static var etcKey: UInt64 { 0x657463 }  // packed("etc")
    static var noKey: UInt64 { 0x6E6F }  // packed("no")

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
        // Unchecked reads: every index below is kept inside `range`, itself inside `bytes`.
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the bytes")
        bytes.withUnsafeBufferPointer { split($0, in: range, into: &spans) }
    }

    static func split(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, into spans: inout [Span]) {
        forEachSentence(bytes, in: range) { spans.append($0) }
    }

    /// Calls `body` with each sentence of `bytes[range]` in order (offsets into `bytes`), the sentences
    /// ``split(_:in:into:)`` returns, without copying the bytes or building an array: for callers that use
    /// each sentence once, such as scoring a line.
    public static func forEachSentence(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, _ body: (Span) -> Void) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the bytes")
        var start = range.lowerBound
        let end = range.upperBound
        var lineStart = range.lowerBound
        var i = range.lowerBound
        func emit(_ e: Int, _ body: (Span) -> Void) {
            var s = start, e = e
            while s < e, isSpace(bytes[s]) { s += 1 }
            while e > s, isSpace(bytes[e - 1]) { e -= 1 }
            if e > s { body(Span(s, e)) }
        }
        let base = bytes.baseAddress
        while i < end {
            // Fast skip, eight bytes at a time: only `.!?`, a line break and the lead byte of `…` matter.
            if let base {
                // Jump straight to the first byte that may matter: in the loop, the lowest flagged byte of the
                // mask is always a true match (only bytes above a match can be flagged by a borrow).
                scan: do {
                    while i + 8 <= end {
                        let m = matchMask(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
                        if m != 0 {
                            i += m.trailingZeroBitCount >> 3
                            break scan
                        }
                        i += 8
                    }
                    // Fewer than eight bytes left: the eight that end at `end` (inside the buffer) in one load,
                    // flags below `i` cleared, instead of a byte at a time. A flag at or after `i` may be a
                    // false one (a borrow from a match below `i`): the byte checks below only step past it.
                    if i < end, end >= 8 {
                        let p = end - 8
                        let m = matchMask(UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)))
                            & (~0 << UInt64((i - p) << 3))
                        i = m == 0 ? end : p + m.trailingZeroBitCount >> 3
                    }
                }
                guard i < end else { break }
            }
            let b = bytes[i]
            if b > 0x3F, b != 0xE2 {
                i += 1
                continue
            }
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
                        emit(j, body)
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
                    emit(i, body)
                    start = i + 1
                }
                lineStart = i + 1
            }
            i += 1
        }
        emit(end, body)
    }

    /// High bits set for bytes of `w` (little-endian) that may be `.`, `!`, `?`, a line feed or 0xE2: the
    /// has-zero-byte test after XOR with each byte repeated. Zero means none is; otherwise the lowest set
    /// bit marks the first such byte exactly.
    @inline(__always) static func matchMask(_ w: UInt64) -> UInt64 {
        @inline(__always) func zeros(_ x: UInt64) -> UInt64 {
            (x &- 0x0101_0101_0101_0101) & ~x
        }
        return (zeros(w ^ 0x2E2E_2E2E_2E2E_2E2E) | zeros(w ^ 0x2121_2121_2121_2121) | zeros(w ^ 0x3F3F_3F3F_3F3F_3F3F)
            | zeros(w ^ 0x0A0A_0A0A_0A0A_0A0A) | zeros(w ^ 0xE2E2_E2E2_E2E2_E2E2)) & 0x8080_8080_8080_8080
    }

    static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, dot: Int, after: Int, end: Int, wordStart: Int) -> Bool {
        var k = after
        while k < end, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        let nextIsLower = k < end && isLower(bytes[k])
        // An ellipsis before a lower-case word trails off within the sentence ("I think... maybe").
        if nextIsLower, bytes[dot] == 0xE2 || (dot + 1 < end && bytes[dot] == 0x2E && bytes[dot + 1] == 0x2E) { return false }
        guard bytes[dot] == 0x2E else { return true }
        // The word before the dot.
        var w = dot
        while w > wordStart, !isSpace(bytes[w - 1]), bytes[w - 1] != 0x2E, bytes[w - 1] != 0x28 { w -= 1 }
        let len = dot - w
        if len == 1, (bytes[w] | 0x20) >= 0x61, (bytes[w] | 0x20) <= 0x7A { return false }  // e.g., U.S., J. Smith
        if len >= 2, len <= 6 {
            // The word lower-cased and packed into an integer: no String per sentence end.
            var key: UInt64 = 0
            for q in w..<dot { key = key << 8 | UInt64(bytes[q] | 0x20) }
            if isTitle(key) { return false }
            if key == etcKey { return !nextIsLower }
            if key == noKey, k < end, bytes[k] >= 0x30, bytes[k] <= 0x39 { return false }  // "No. 5"
        }
        return true
    }

    static func isWrapped(_ bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, lineEnd: Int, next: Int, end: Int) -> Bool {
        var e = lineEnd
        while e > lineStart, isSpace(bytes[e - 1]) { e -= 1 }
        let len = e - lineStart
        guard len >= 40, len <= 80, next < end else { return false }
        let last = bytes[e - 1]
        if isTerminal(last) || last == 0x3A { return false }
        return isLower(bytes[next])
    }
}
