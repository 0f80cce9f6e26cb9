/// Splits text into tokens the way vaderSentiment 3.3.2 does, working on UTF-8 bytes.
///
/// 1. Each emoji (one Unicode scalar listed in the emoji lexicon) is replaced by its description,
///    preceded by a space unless one precedes it already (3.3.2's rule, so "a😀b" gives "a grinning faceb").
/// 2. The text is split on Python's white space (ASCII white space, U+001C...U+001F, U+0085, U+00A0,
///    U+1680, U+2000...U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
/// 3. ASCII punctuation is stripped from both ends of a token unless that leaves 2 characters or fewer
///    (so ":)" and ":D" survive, and so does "#ok").
/// 4. The token is lower-cased (ASCII fast path; full Unicode lower-casing otherwise) and looked up.
///
/// default mode adds: curly apostrophes (’ ‘ ʼ) read as `'` ("don’t" negates), curly quotes and "…"
/// stripped from token ends like ASCII punctuation, and hashtags split into words ("#NotGood" reads as
/// "not good"; see ``Hashtags``).
/// Tokens keep their byte span in the input; tokens from an emoji description take the emoji's span.
final class Tokenizer: Sendable {
    let vocabulary: Vocabulary
    let mode: SentimentMode
    /// `mode == .default`, stored: the hot loops test a Bool instead of calling the enum's `==`.
    let isDefault: Bool
    /// ``ByteClass`` bits by byte value: one table look-up per byte in the scanning loops.
    let classes: [UInt8]

    init(vocabulary: Vocabulary, mode: SentimentMode) {
        self.vocabulary = vocabulary
        self.mode = mode
        isDefault = mode == .default
        classes = (0..<256).map { ByteClass.of(UInt8($0)) }
    }

    /// Tokens of a text with the counts of "!" and "?" in it (after emoji replacement).
    struct Output {
        var tokens: [Token]
        var exclamations: Int
        var questions: Int
    }

    /// Tokenises `text[lo..<hi]` into arrays (for tests and explanations; scoring uses ``withTokens``).
    func tokenize(_ text: [UInt8], from lo: Int = 0, to hi: Int? = nil) -> Output {
        text.withUnsafeBufferPointer { b in
            withTokens(b, lo, hi ?? b.count) { t, stats in
                Output(tokens: Array(t), exclamations: stats.exclamations, questions: stats.questions)
            }
        }
    }

    /// Tokenises `text[lo..<hi]` into a temporary buffer and calls `body` with the tokens and their
    /// ``TokenStats`` (the counts of "!" and "?", and what the rules would otherwise loop over the tokens
    /// again to learn). Nothing is allocated on the heap for sentence-sized text: the token buffer (at most one
    /// token per byte) and, when the text has emoji, the replaced text and its byte origins come from
    /// `withUnsafeTemporaryAllocation`.
    @inline(__always)
    func withTokens<R>(_ text: Bytes, _ lo: Int, _ hi: Int,
                       _ body: (UnsafeMutableBufferPointer<Token>, TokenStats) -> R) -> R {
        guard let size = replacedSize(text, lo, hi) else {
            return scan(text, lo, hi, origin: nil, body)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(size, 1)) { work in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(2 * size, 1)) { origin in
                replaceEmoji(text, lo, hi, into: work.baseAddress!, origin: origin.baseAddress!, size: size)
                return scan(Bytes(rebasing: work[0..<size]), 0, size, origin: origin.baseAddress!, body)
            }
        }
    }

    /// Tokens that fit the 1 KB that `withUnsafeTemporaryAllocation` keeps on the stack (beyond it, it
    /// calls malloc and free on Linux).
    static var stackTokens: Int { 1024 / MemoryLayout<Token>.stride }

    /// Tokenises `work[lo..<hi]`. With `origin`, byte `k` of `work` came from the source span
    /// `origin[k]..<origin[size + k]` (`size = hi`, as replaced text starts at 0).
    ///
    /// A text has at most one token per byte, but one of up to a few hundred bytes seldom has more than
    /// ``stackTokens``: such a text is first tokenised into a stack buffer of that size, and again into a
    /// buffer of one token per byte only when the first one overflows.
    @inline(__always)
    private func scan<R>(_ work: Bytes, _ lo: Int, _ hi: Int, origin: UnsafeMutablePointer<Int32>?,
                         _ body: (UnsafeMutableBufferPointer<Token>, TokenStats) -> R) -> R {
        let bytes = hi - lo, small = Tokenizer.stackTokens
        if bytes > small && bytes <= 4 * small {
            let r: R? = withUnsafeTemporaryAllocation(of: Token.self, capacity: small) { buffer in
                guard let (n, stats) = fill(buffer, work, lo, hi, origin: origin) else { return nil }
                return body(UnsafeMutableBufferPointer(rebasing: buffer[0..<n]), stats)
            }
            if let r { return r }
        }
        return withUnsafeTemporaryAllocation(of: Token.self, capacity: max(bytes, 1)) { buffer in
            let (n, stats) = fill(buffer, work, lo, hi, origin: origin)!  // one token per byte always fits
            return body(UnsafeMutableBufferPointer(rebasing: buffer[0..<n]), stats)
        }
    }

    /// Writes the tokens of `work[lo..<hi]` to `buffer`; returns their number and their ``TokenStats``, or nil
    /// when they do not fit.
    @inline(__always)
    private func fill(_ buffer: UnsafeMutableBufferPointer<Token>, _ work: Bytes, _ lo: Int, _ hi: Int,
                      origin: UnsafeMutablePointer<Int32>?) -> (Int, TokenStats)? {
        var n = 0, exclamations = 0, questions = 0
        let out = buffer.baseAddress!, capacity = buffer.count
        let raw = UnsafeRawPointer(work.baseAddress!)
        let fits: Bool = classes.withUnsafeBufferPointer { classes in
            var i = lo
            while i < hi {
                let c = classes[Int(work[i])]
                if c & ByteClass.space != 0 { i += 1; continue }
                if c & ByteClass.nonASCII != 0 {
                    let w = TextBytes.whitespaceWidth(work, i, hi)
                    if w > 0 { i += w; continue }
                }
                var e = i
                while e < hi {
                    if e + 8 <= hi {
                        // Eight bytes at a time while none of them can end the word or count.
                        let m = TextBytes.maySpecial(raw.loadUnaligned(fromByteOffset: e, as: UInt64.self))
                        if m == 0 { e += 8; continue }
                        e += m.trailingZeroBitCount >> 3
                    }
                    let k = classes[Int(work[e])]
                    if k & ByteClass.special == 0 { e += 1; continue }  // most bytes: letters, digits
                    if k & ByteClass.space != 0 { break }
                    if k & ByteClass.exclamation != 0 { exclamations += 1 }
                    if k & ByteClass.question != 0 { questions += 1 }
                    if k & ByteClass.nonASCII != 0 && TextBytes.whitespaceWidth(work, e, hi) > 0 { break }
                    e += 1
                }
                guard emit(work, i, e, classes: classes, origin: origin, size: hi, into: out, capacity: capacity,
                           count: &n) else { return false }
                i = e
            }
            return true
        }
        guard fits else { return nil }
        // One tight pass over the tokens written (cheaper than counting inside the scanning loop).
        var flags: UInt16 = 0, shouted = 0, plain = 0
        let defaultMode = isDefault
        for k in 0..<n {
            let token = out[k]
            flags |= token.flags
            if token.shouted { shouted += 1 } else if CapsEmphasis.countsAsPlain(token, defaultMode: defaultMode) { plain += 1 }
        }
        return (n, TokenStats(exclamations: exclamations, questions: questions, flags: flags, shouted: shouted, plain: plain))
    }

    /// Appends the token(s) of the raw whitespace-delimited word `work[s..<e]`.
    @inline(__always)
    /// Returns false, writing nothing, when they would not fit in `capacity` tokens.
    private func emit(_ work: Bytes, _ s: Int, _ e: Int, classes: UnsafeBufferPointer<UInt8>,
                      origin: UnsafeMutablePointer<Int32>?, size: Int,
                      into out: UnsafeMutablePointer<Token>, capacity: Int, count n: inout Int) -> Bool {
        let extended = isDefault
        var ps = s, pe = e
        while ps < pe {
            if classes[Int(work[ps])] & ByteClass.punctuation != 0 { ps += 1; continue }
            if extended && work[ps] >= 0x80, let w = TextBytes.punctuationWidth(work, ps, pe, atEnd: false, extended: true) {
                ps += w; continue
            }
            break
        }
        while pe > ps {
            if classes[Int(work[pe - 1])] & ByteClass.punctuation != 0 { pe -= 1; continue }
            if extended && work[pe - 1] >= 0x80, let w = TextBytes.punctuationWidth(work, ps, pe, atEnd: true, extended: true) {
                pe -= w; continue
            }
            break
        }
        if extended && ps > s && work[ps - 1] == 0x23, let parts = Hashtags.split(work, s, e, ps, pe) {
            guard n + parts.count <= capacity else { return false }
            for p in parts { out[n] = token(work, p.lowerBound, p.upperBound, origin, size); n += 1 }
            return true
        }
        // Nothing stripped: nothing to restore. Otherwise 2 scalars take at most 8 bytes.
        if (ps != s || pe != e) && pe - ps <= 8 && TextBytes.scalarCount(work, ps, pe) <= 2 { ps = s; pe = e }
        guard n < capacity else { return false }
        out[n] = token(work, ps, pe, origin, size)
        n += 1
        return true
    }

    @inline(__always)
    private func token(_ work: Bytes, _ ts: Int, _ te: Int, _ origin: UnsafeMutablePointer<Int32>?,
                       _ size: Int) -> Token {
        let shape: TextBytes.Shape, id: Int32, word: UInt8, negates: Bool
        if let (s, hash) = TextBytes.asciiShape(work, ts, te) {
            shape = s
            let entry = vocabulary.table.entryLowercasingASCII(work, ts, te, hash: hash, head: s.head)
            id = WordTable.id(entry)
            word = WordTable.payload(entry)
            negates = id >= 0 ? word & WordFlags.negator != 0
                              : s.hasApostrophe && TextBytes.containsNTIgnoringCase(work, ts, te)
        } else {
            var scratch: [UInt8] = []
            shape = TextBytes.lowercase(work, ts, te, into: &scratch, curlyApostrophes: isDefault)
            id = scratch.withUnsafeBufferPointer { vocabulary.table.find($0, 0, $0.count) }
            word = vocabulary.flags(id)
            negates = id >= 0 ? word & WordFlags.negator != 0 : Vocabulary.containsNT(scratch)
        }
        var shouted = shape.isUpper
        if isDefault {
            shouted = shape.isUpper && shape.letters >= CapsEmphasis.minimumLetters && word & WordFlags.acronym == 0
        }
        let start = origin.map { $0[ts] } ?? Int32(ts)
        let end = origin.map { $0[size + te - 1] } ?? Int32(te)
        var flags = UInt16(word)
        if shouted { flags |= Token.shoutedBit }
        if shape.isUpper { flags |= Token.upperBit }
        if negates { flags |= Token.negatesBit }
        if shape.letters > 0 { flags |= Token.lettersBit }
        return Token(id: id, start: start, end: end, flags: flags)
    }

    /// Byte length of `text[lo..<hi]` with its emoji replaced, or nil when it has none (the usual case:
    /// only bytes of multi-byte characters are decoded and looked up).
    @inline(__always)
    private func replacedSize(_ text: Bytes, _ lo: Int, _ hi: Int) -> Int? {
        let emoji = vocabulary.emoji
        guard !emoji.isEmpty, lo < hi else { return nil }
        var i = lo, size = hi - lo, found = false
        let asciiKeys = emoji.hasASCII
        if !asciiKeys {
            // Skip ASCII 8 bytes at a time: most text has no multi-byte character at all.
            let raw = UnsafeRawPointer(text.baseAddress!)
            while i + 8 <= hi && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            while i < hi && text[i] < 0x80 { i += 1 }
            if i == hi { return nil }
        }
        var prevSpace = i == lo || text[i - 1] == 0x20
        while i < hi {
            let b = text[i]
            if b < 0x80 && !asciiKeys {
                prevSpace = b == 0x20
                i += 1
                continue
            }
            let (scalar, n) = b < 0x80 ? (UInt32(b), 1) : TextBytes.decode(text, i, hi)
            let slot = emoji.find(scalar)
            if slot >= 0 {
                found = true
                size += emoji.length(slot) - n + (prevSpace ? 0 : 1)
                prevSpace = false
            } else {
                prevSpace = scalar == 0x20
            }
            i += n
        }
        return found ? size : nil
    }

    /// Writes `text[lo..<hi]` with each emoji replaced by its description (preceded by a space unless one
    /// precedes it already, as in 3.3.2) to `out`, and each output byte's source span to `origin`
    /// (starts at `origin[k]`, ends at `origin[size + k]`).
    private func replaceEmoji(_ text: Bytes, _ lo: Int, _ hi: Int, into out: UnsafeMutablePointer<UInt8>,
                              origin: UnsafeMutablePointer<Int32>, size: Int) {
        let emoji = vocabulary.emoji
        var prevSpace = true
        var i = lo, o = 0
        while i < hi {
            let (scalar, n) = text[i] < 0x80 ? (UInt32(text[i]), 1) : TextBytes.decode(text, i, hi)
            let slot = emoji.find(scalar)
            let from = o
            if slot >= 0 {
                if !prevSpace { out[o] = 0x20; o += 1 }
                o += emoji.copy(slot, to: out + o)
                prevSpace = false
            } else {
                for k in 0..<n { out[o + k] = text[i + k] }
                o += n
                prevSpace = scalar == 0x20
            }
            for k in from..<o { origin[k] = Int32(i); origin[size + k] = Int32(i + n) }
            i += n
        }
    }
}

/// What the tokeniser learns of a text's tokens while it writes them, so that the rules need not loop over
/// the tokens again for it: the counts of "!" and "?", the union of the tokens' flags (does any word
/// start a phrase, or mark a contrast?) and the counts ``CapsEmphasis/capsDiffer(_:defaultMode:)`` takes.
struct TokenStats {
    var exclamations = 0
    var questions = 0
    /// The bitwise or of every token's ``Token/flags``.
    var flags: UInt16 = 0
    /// Tokens that shout, and tokens that count against shouting in this mode (see ``CapsEmphasis``).
    var shouted = 0, plain = 0

    /// ``CapsEmphasis/capsDiffer(_:defaultMode:)`` of the tokens added.
    var capsDiffer: Bool { shouted > 0 && plain > 0 }
}

/// Byte classes used by the tokeniser's scanning loops.
enum ByteClass {
    static let space: UInt8 = 1        // ASCII white space in Python's sense
    static let exclamation: UInt8 = 2
    static let question: UInt8 = 4
    static let nonASCII: UInt8 = 8     // part of a multi-byte character: may be Unicode white space
    static let punctuation: UInt8 = 16 // string.punctuation
    /// Any class the word-scanning loop must act on.
    static let special: UInt8 = space | exclamation | question | nonASCII

    static func of(_ b: UInt8) -> UInt8 {
        var c: UInt8 = 0
        if (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x20) { c |= space }
        if b == 0x21 { c |= exclamation }
        if b == 0x3F { c |= question }
        if b >= 0x80 { c |= nonASCII }
        if TextBytes.isASCIIPunctuation(b) { c |= punctuation }
        return c
    }
}
