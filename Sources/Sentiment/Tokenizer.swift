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
struct Tokenizer: Sendable {
    let vocabulary: Vocabulary
    let mode: SentimentMode
    /// ``ByteClass`` bits by byte value: one table look-up per byte in the scanning loops.
    let classes: [UInt8]

    init(vocabulary: Vocabulary, mode: SentimentMode) {
        self.vocabulary = vocabulary
        self.mode = mode
        classes = (0..<256).map { ByteClass.of(UInt8($0)) }
    }

    struct Output {
        var tokens: [Token]
        /// Counts of "!" and "?" in the text after emoji replacement.
        var exclamations: Int
        var questions: Int
    }

    func tokenize(_ text: [UInt8], from lo: Int = 0, to hi: Int? = nil) -> Output {
        let hi = hi ?? text.count
        var work = text, origin: [Int32] = [], originEnd: [Int32] = []
        var wlo = lo, whi = hi
        if let replaced = replaceEmoji(text, lo, hi) {
            (work, origin, originEnd) = replaced
            wlo = 0
            whi = work.count
        }
        var out = Output(tokens: [], exclamations: 0, questions: 0)
        out.tokens.reserveCapacity((whi - wlo) / 5 + 1)
        var scratch: [UInt8] = []
        let classes = self.classes
        var i = wlo
        while i < whi {
            let c = classes[Int(work[i])]
            if c & ByteClass.space != 0 { i += 1; continue }
            if c & ByteClass.nonASCII != 0 {
                let w = TextBytes.whitespaceWidth(work, i, whi)
                if w > 0 { i += w; continue }
            }
            var e = i
            while e < whi {
                let k = classes[Int(work[e])]
                if k & ByteClass.special == 0 { e += 1; continue }  // most bytes: letters, digits
                if k & ByteClass.space != 0 { break }
                if k & ByteClass.exclamation != 0 { out.exclamations += 1 }
                if k & ByteClass.question != 0 { out.questions += 1 }
                if k & ByteClass.nonASCII != 0 && TextBytes.whitespaceWidth(work, e, whi) > 0 { break }
                e += 1
            }
            emit(work, i, e, origin: origin, originEnd: originEnd, scratch: &scratch, into: &out.tokens)
            i = e
        }
        return out
    }

    /// Appends the token(s) of the raw whitespace-delimited word `work[s..<e]`.
    private func emit(_ work: [UInt8], _ s: Int, _ e: Int, origin: [Int32], originEnd: [Int32],
                      scratch: inout [UInt8], into tokens: inout [Token]) {
        let extended = mode == .default
        var ps = s, pe = e
        while ps < pe {
            if classes[Int(work[ps])] & ByteClass.punctuation != 0 { ps += 1; continue }
            if extended && work[ps] >= 0x80, let n = TextBytes.punctuationWidth(work, ps, pe, atEnd: false, extended: true) {
                ps += n; continue
            }
            break
        }
        while pe > ps {
            if classes[Int(work[pe - 1])] & ByteClass.punctuation != 0 { pe -= 1; continue }
            if extended && work[pe - 1] >= 0x80, let n = TextBytes.punctuationWidth(work, ps, pe, atEnd: true, extended: true) {
                pe -= n; continue
            }
            break
        }
        if extended, let parts = Hashtags.split(work, s, e, ps, pe) {
            for p in parts { append(work, p.lowerBound, p.upperBound, origin, originEnd, &scratch, &tokens) }
            return
        }
        // Nothing stripped: nothing to restore. Otherwise 2 scalars take at most 8 bytes.
        if (ps != s || pe != e) && pe - ps <= 8 && TextBytes.scalarCount(work, ps, pe) <= 2 { ps = s; pe = e }
        append(work, ps, pe, origin, originEnd, &scratch, &tokens)
    }

    private func append(_ work: [UInt8], _ ts: Int, _ te: Int, _ origin: [Int32], _ originEnd: [Int32],
                        _ scratch: inout [UInt8], _ tokens: inout [Token]) {
        let shape: TextBytes.Shape, id: Int32, negates: Bool
        if let (s, hash) = TextBytes.asciiShape(work, ts, te) {
            shape = s
            id = vocabulary.table.findLowercasingASCII(work, ts, te, hash: hash)
            negates = id >= 0 ? vocabulary.negation[Int(id)]
                              : s.hasApostrophe && TextBytes.containsNTIgnoringCase(work, ts, te)
        } else {
            shape = TextBytes.lowercase(work, ts, te, into: &scratch, curlyApostrophes: mode == .default)
            id = vocabulary.table.find(scratch, 0, scratch.count)
            negates = id >= 0 ? vocabulary.negation[Int(id)] : Vocabulary.containsNT(scratch)
        }
        var shouted = shape.isUpper
        if mode == .default {
            shouted = shape.isUpper && shape.letters >= CapsEmphasis.minimumLetters
                && !(id >= 0 && vocabulary.acronym[Int(id)])
        }
        let start = origin.isEmpty ? Int32(ts) : origin[ts]
        let end = origin.isEmpty ? Int32(te) : originEnd[te - 1]
        tokens.append(Token(id: id, start: start, end: end, shouted: shouted, upper: shape.isUpper, negates: negates,
                            hasLetters: shape.letters > 0))
    }

    /// The text with emoji replaced, and each output byte's source span; nil when nothing was replaced.
    private func replaceEmoji(_ text: [UInt8], _ lo: Int, _ hi: Int) -> ([UInt8], [Int32], [Int32])? {
        let emoji = vocabulary.emoji
        guard !emoji.isEmpty else { return nil }
        var i = lo, found = false
        let asciiKeys = vocabulary.hasASCIIEmoji
        while i < hi {
            if text[i] >= 0x80 {
                let (scalar, n) = TextBytes.decode(text, i, hi)
                if emoji[scalar] != nil { found = true; break }
                i += n
            } else if asciiKeys && emoji[UInt32(text[i])] != nil { found = true; break } else { i += 1 }
        }
        guard found else { return nil }
        var out: [UInt8] = [], origin: [Int32] = [], originEnd: [Int32] = []
        var prevSpace = true
        i = lo
        while i < hi {
            let (scalar, n) = text[i] < 0x80 ? (UInt32(text[i]), 1) : TextBytes.decode(text, i, hi)
            if let description = emoji[scalar] {
                if !prevSpace {
                    out.append(0x20); origin.append(Int32(i)); originEnd.append(Int32(i + n))
                }
                out.append(contentsOf: description)
                for _ in description { origin.append(Int32(i)); originEnd.append(Int32(i + n)) }
                prevSpace = false
            } else {
                for k in 0..<n {
                    out.append(text[i + k]); origin.append(Int32(i)); originEnd.append(Int32(i + n))
                }
                prevSpace = scalar == 0x20
            }
            i += n
        }
        return (out, origin, originEnd)
    }
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
