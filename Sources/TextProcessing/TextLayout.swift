#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ThreadModel

/// A comment's plain text split into what the commenter wrote and what they quoted.
public struct CleanText: Sendable, Hashable {
    /// The text with quote markers (`> `) removed; quotes, attribution lines and signature still in place.
    public var text: String
    /// Own words only: no quotes, attribution lines, elision markers or signature.
    public var ownText: String
    /// Quoted regions of `text` (without `quotedCommentID`: readers fill it where known).
    public var quotes: [QuoteSpan]
    /// Sentences of `text`: own sentences and quoted ones (`isQuoted`). Attribution lines, elision
    /// markers and signatures give no sentences.
    public var sentences: [Sentence]
}

/// Finds quotes, attribution lines, elision markers and signatures in plain text, line by line.
///
/// Rules, in order:
/// 1. A line whose first non-blank characters are `>` markers (`> x`, `>> x`, `> > x`) is a quote of
///    depth = number of markers; the markers and one space after each are removed from `text`.
///    With `leadingQuoteLines = n`, the first n lines are a depth-1 quote although unmarked (Slashdot).
/// 2. A line that is exactly `-- ` or `--` starts the signature, which runs to the end.
/// 3. A line that is only an elision marker (`[...]`, `[…]`, `...`, `[snip]`, `<snip>`) is elision.
/// 4. An unquoted line just before a quote that ends with `wrote:`, `writes:`, `escreveu:` or `schrieb:`,
///    or reads `Am <date> schrieb <name>:`, is an attribution line; so is a pair of lines that reads so
///    when joined and whose first opens with `On`, `Am` or `Em` (the two-line form
///    "On Tue, 3 Jun 2025, Jane Doe\n<jane@example.org> wrote:").
/// Consecutive quote lines of one depth form one `QuoteSpan`; a quoted blank line (`>`) stays inside it.
public enum TextLayout {
    enum Kind: Equatable { case own, blank, quote(Int), attribution, elision, signature }

    static let attributionEnds = ["wrote:", "writes:", "schrieb:", "escreveu:", "a écrit :", "a écrit:"]
    static let elisions: Set<String> = ["[...]", "[…]", "...", "…", "[snip]", "<snip>", "[snipped]", "(snip)", "[..]", "<...>", "[ ... ]"]

    /// Lays out `input` (plain text, `\n` line ends).
    /// - Parameters:
    ///   - leadingQuoteLines: unmarked opening lines known to be a quote (found by the reader).
    public static func analyze(_ input: String, leadingQuoteLines: Int = 0) -> CleanText {
        analyze(input, bytes: Array(input.utf8), leadingQuoteLines: leadingQuoteLines)
    }

    /// As `analyze(_:leadingQuoteLines:)`, with the caller's copy of `input.utf8`.
    public static func analyze(_ input: String, bytes: [UInt8], leadingQuoteLines: Int = 0) -> CleanText {
        if leadingQuoteLines == 0, !mayHaveLayout(bytes) { return plain(input, bytes) }
        // Line ranges, without "\n" and trailing "\r".
        var lines: [Range<Int>] = []
        var s = 0
        for i in 0..<bytes.count where bytes[i] == 0x0A {
            lines.append(s..<(i > s && bytes[i - 1] == 0x0D ? i - 1 : i))
            s = i + 1
        }
        lines.append(s..<(bytes.count > s && bytes.last == 0x0D ? bytes.count - 1 : bytes.count))

        var kinds = [Kind](repeating: .own, count: lines.count)
        var content = lines
        var special = leadingQuoteLines > 0
        var inSignature = false
        var unmarked = leadingQuoteLines
        for (n, r) in lines.enumerated() {
            var i = r.lowerBound
            while i < r.upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            if i == r.upperBound { kinds[n] = .blank; continue }
            if inSignature { kinds[n] = .signature; continue }
            if unmarked > 0, bytes[i] != 0x3E {
                kinds[n] = .quote(1)
                unmarked -= 1
                continue
            }
            if bytes[i] == 0x3E {
                if unmarked > 0 { unmarked -= 1 }
                var depth = 0
                var j = i
                while j < r.upperBound, bytes[j] == 0x3E {
                    depth += 1
                    j += 1
                    if j < r.upperBound, bytes[j] == 0x20 { j += 1 }
                    var k = j
                    while k < r.upperBound, bytes[k] == 0x20 { k += 1 }
                    if k < r.upperBound, bytes[k] == 0x3E { j = k }
                }
                kinds[n] = .quote(depth)
                content[n] = j..<r.upperBound
                let inner = trimmedString(bytes, j..<r.upperBound)
                if inner.utf8.count <= 11, elisions.contains(inner.lowercased()) { kinds[n] = .elision }
                special = true
                continue
            }
            // Only short lines can be a signature delimiter or an elision marker.
            let t = trim(bytes, i..<r.upperBound)
            guard t.count <= 11 else { continue }
            let trimmed = String(decoding: bytes[t], as: UTF8.self)
            if n > 0, trimmed == "--" {
                kinds[n] = .signature
                inSignature = true
                special = true
                continue
            }
            if elisions.contains(trimmed.lowercased()) {
                kinds[n] = .elision
                special = true
            }
        }
        markAttributions(bytes, lines, &kinds)

        if !special { return plain(input, bytes) }
        return build(input, bytes, kinds, content)
    }

    /// Plain text: one own block, no per-line bookkeeping.
    static func plain(_ input: String, _ bytes: [UInt8]) -> CleanText {
        let text = trimmedWhole(input, bytes)
        let tb = text.utf8.count == bytes.count ? bytes : Array(text.utf8)
        var sentences: [Sentence] = []
        sentences.reserveCapacity(tb.count / 64 + 2)
        appendSentences(tb, 0..<tb.count, quoted: false, to: &sentences)
        return CleanText(text: text, ownText: text, quotes: [], sentences: exactSize(sentences))
    }

    /// Appends the sentences of `bytes[range]` as `Sentence`s, with no intermediate array of spans.
    static func appendSentences(_ bytes: [UInt8], _ range: Range<Int>, quoted: Bool, to out: inout [Sentence]) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the bytes")
        bytes.withUnsafeBufferPointer { p in
            SentenceSplitter.forEachSentence(p, in: range) { out.append(Sentence(span: $0, isQuoted: quoted)) }
        }
    }

    /// `a` itself when it wastes at most two elements of capacity, else an exact-size copy: every comment
    /// keeps these arrays.
    static func exactSize<T>(_ a: [T]) -> [T] {
        a.capacity - a.count <= 2 ? a : a.withUnsafeBufferPointer { Array($0) }
    }

    /// Whether any line could be a quote, signature delimiter or elision marker: a line starting with `>`
    /// after blanks, or a short line (11 bytes or less, where `--` and the elision markers fit).
    static func mayHaveLayout(_ bytes: [UInt8]) -> Bool {
        var lineStart = 0
        let n = bytes.count
        while lineStart < n {
            var i = lineStart
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            if i < n, bytes[i] == 0x3E { return true }
            let end = UTF8Text.firstIndex(of: 0x0A, in: bytes, from: i, to: n) ?? n
            if end - i <= 12, end > i, lineStart > 0 || end < n { return true }
            lineStart = end + 1
        }
        return false
    }

    /// Whether a (possibly joined) line reads as an attribution in English, German or Portuguese.
    static func isAttribution(_ line: String) -> Bool {
        let l = line.lowercased()
        if attributionEnds.contains(where: { l.hasSuffix($0) }) { return true }
        // German puts the name after the verb: "Am 11.12.2025 um 10:00 schrieb Bernd Beispiel:".
        return l.hasPrefix("am ") && l.contains(" schrieb ") && l.hasSuffix(":")
    }

    static func markAttributions(_ bytes: [UInt8], _ lines: [Range<Int>], _ kinds: inout [Kind]) {
        for n in lines.indices where kinds[n] == .own {
            // The next non-blank line must be a quote.
            var m = n + 1
            while m < lines.count, kinds[m] == .blank { m += 1 }
            guard m < lines.count, case .quote = kinds[m] else { continue }
            let line = trimmedString(bytes, lines[n])
            guard line.hasSuffix(":") else { continue }
            if isAttribution(line) {
                kinds[n] = .attribution
            }
            // The two-line form: "On Tue, 3 Jun 2025, Jane Doe\n<jane@example.org> wrote:".
            if n > 0, kinds[n - 1] == .own {
                let prev = trimmedString(bytes, lines[n - 1])
                let opens = prev.hasPrefix("On ") || prev.hasPrefix("Am ") || prev.hasPrefix("Em ")
                if opens, isAttribution(prev + " " + line), !isAttribution(prev) {
                    kinds[n - 1] = .attribution
                    kinds[n] = .attribution
                }
            }
        }
    }

    /// The cleaned text and own words of `input` (whose UTF-8 is `bytes`) from its classified lines.
    ///
    /// Both strings are assembled from slices of `input`, which is valid already: nothing is validated
    /// again (every way to make a `String` from bytes validates them; appending a slice does not).
    static func build(_ input: String, _ bytes: [UInt8], _ kinds: [Kind], _ content: [Range<Int>]) -> CleanText {
        // Offsets below are into `bytes`; they index `input` only when it holds exactly those bytes.
        let input = input.utf8.count == bytes.count ? input : UTF8Text.string(bytes)
        // Drop leading and trailing blank lines.
        var first = 0, last = kinds.count - 1
        while first <= last, kinds[first] == .blank { first += 1 }
        while last >= first, kinds[last] == .blank { last -= 1 }
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var own: [UInt8] = []
        var ranges: [Range<Int>] = []  // each line's range in `text`
        var ownBlank = false
        var pieces: [Range<Int>] = []  // each line's kept bytes in `input`
        var ownStart: Int? = nil  // where the first own line starts in `text`
        for n in first..<(last + 1) where first <= last {
            if n > first { text.append(0x0A) }
            let r = content[n]
            let a = text.count
            text.append(contentsOf: bytes[r])
            while text.count > a, text[text.count - 1] == 0x20 || text[text.count - 1] == 0x09 { text.removeLast() }
            pieces.append(r.lowerBound..<(r.lowerBound + text.count - a))
            ranges.append(a..<text.count)
            switch kinds[n] {
            case .own:
                if ownStart == nil { ownStart = a }
                if !own.isEmpty { own.append(0x0A); if ownBlank { own.append(0x0A) } }
                own.append(contentsOf: text[a..<text.count])
                ownBlank = false
            case .blank:
                ownBlank = true
            default:
                if !own.isEmpty { ownBlank = true }
            }
        }
        // Group lines into quote spans and sentence runs.
        var quotes: [QuoteSpan] = []
        var sentences: [Sentence] = []
        var n = 0
        let count = ranges.count
        while n < count {
            let kind = kinds[first + n]
            switch kind {
            case .quote(let depth):
                var m = n
                // A quote block: lines of this depth, with quoted blank lines inside.
                while m + 1 < count, kinds[first + m + 1] == .quote(depth) { m += 1 }
                let span = trim(text, ranges[n].lowerBound..<ranges[m].upperBound)
                if span.count > 0 {
                    quotes.append(QuoteSpan(span: Span(span.lowerBound, span.upperBound), depth: depth))
                    appendSentences(text, span, quoted: true, to: &sentences)
                }
                n = m + 1
            case .own, .blank:
                var m = n
                while m + 1 < count, kinds[first + m + 1] == .own || kinds[first + m + 1] == .blank { m += 1 }
                appendSentences(text, ranges[n].lowerBound..<ranges[m].upperBound, quoted: false, to: &sentences)
                n = m + 1
            default:
                n += 1
            }
        }
        while let l = own.last, l == 0x0A || l == 0x20 { own.removeLast() }
        // Exact-size copies: the arrays grew by doubling, and every comment keeps them.
        // Lines start after ASCII markers and end before ASCII blanks: the pieces hold whole characters.
        var textString = ""
        textString.reserveCapacity(text.count)  // exact: every comment keeps this string
        for (k, r) in pieces.enumerated() {
            if k > 0 { textString.append("\n") }
            textString.append(contentsOf: slice(input, r.lowerBound, r.upperBound))
        }
        // The own words are usually one run of `text` (a reply below its quote): then they are a slice of it.
        let ownText: String
        if let o = ownStart, o + own.count <= text.count, sameBytes(text, at: o, own) {
            ownText = String(slice(textString, o, o + own.count))
        } else {
            ownText = UTF8Text.string(own)
        }
        return CleanText(text: textString, ownText: ownText, quotes: exactSize(quotes), sentences: exactSize(sentences))
    }

    /// Whether `a[at..<(at + b.count)]` equals `b` (`at + b.count <= a.count`): one `memcmp`, where the
    /// generic `elementsEqual` on an `ArraySlice` stepped byte by byte (6% of JSONL ingest instructions).
    static func sameBytes(_ a: [UInt8], at: Int, _ b: [UInt8]) -> Bool {
        precondition(at >= 0 && at + b.count <= a.count, "range outside the bytes")
        if b.isEmpty { return true }
        return a.withUnsafeBufferPointer { p in
            b.withUnsafeBufferPointer { q in memcmp(p.baseAddress! + at, q.baseAddress!, b.count) == 0 }
        }
    }

    /// The UTF-8 bytes `lo..<hi` of `s` (offsets at character boundaries) as a `Substring`: no copy, no validation.
    static func slice(_ s: String, _ lo: Int, _ hi: Int) -> Substring {
        let u = s.utf8
        return Substring(u[u.index(u.startIndex, offsetBy: lo)..<u.index(u.startIndex, offsetBy: hi)])
    }

    static func trim(_ b: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var s = r.lowerBound, e = r.upperBound
        while s < e, SentenceSplitter.isSpace(b[s]) { s += 1 }
        while e > s, SentenceSplitter.isSpace(b[e - 1]) { e -= 1 }
        return s..<e
    }

    static func trimmedString(_ b: [UInt8], _ r: Range<Int>) -> String {
        String(decoding: b[trim(b, r)], as: UTF8.self)
    }

    /// `input` without leading/trailing white space and `\r`, sharing storage when nothing changes.
    static func trimmedWhole(_ input: String, _ bytes: [UInt8]) -> String {
        let r = trim(bytes, 0..<bytes.count)
        let hasCR = UTF8Text.firstIndex(of: 0x0D, in: bytes, from: 0, to: bytes.count) != nil
        if r.count == bytes.count, !hasCR { return input }
        let kept = hasCR ? bytes[r].filter { $0 != 0x0D } : Array(bytes[r])
        return UTF8Text.string(kept)
    }
}
