/// Tokens of one document as lower-cased UTF-8 bytes, back to back (a reusable buffer).
struct TokenBuffer {
    var bytes: [UInt8] = []
    /// End offset of each token in `bytes`; token i starts where token i - 1 ends.
    var ends: [Int] = []

    var count: Int { ends.count }
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
    func token(_ i: Int) -> ArraySlice<UInt8> { bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]] }
}

/// scikit-learn's word analyzer, front half: Python `str.lower()` then `re.findall(r"(?u)\b\w\w+\b")`.
///
/// - Lower-casing is Unicode's full mapping (`"İ"` → `"i"` + U+0307) plus the context rule Python applies
///   and Swift's `lowercased()` does not: a capital sigma that ends a word becomes final sigma "ς"
///   (Final_Sigma: preceded by a cased letter, skipping case-ignorable ones, and not followed by one).
/// - A word scalar is `_`, a letter (General_Category L*) or a scalar with a numeric type (Decimal,
///   Digit, Numeric), exactly Python `re`'s `\w`. Combining marks, apostrophes, hyphens, `+`, `#`
///   and `.` split words, so "don't" gives "don" and "C++" nothing. A token is a maximal run of at
///   least two word scalars (counted in scalars, not bytes or Characters).
///
/// Works on scalars (not `Character`s: a grapheme may hold several scalars), read straight from the UTF-8
/// bytes with an ASCII fast path.
enum WordTokenizer {
    /// ASCII word bytes: 0-9, A-Z, a-z, _.
    private static let asciiWord: [Bool] = (0..<128).map { b in
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95
    }

    static func isWord(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return asciiWord[Int(s.value)] }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return s.properties.numericType != nil
        }
    }

    /// The state of one pass: the current run of word scalars.
    private struct Run {
        var start: Int
        var length = 0  // word scalars in the run

        /// Ends the run: keeps it as a token when it has at least two word scalars.
        @inline(__always) mutating func end(_ buffer: inout TokenBuffer) {
            if length >= 2 {
                buffer.ends.append(buffer.bytes.count)
            } else if buffer.bytes.count > start {
                buffer.bytes.removeSubrange(start...)
            }
            start = buffer.bytes.count
            length = 0
        }

        /// Adds a (lower-cased) non-ASCII scalar: extends the run or ends it.
        @inline(__always) mutating func add(_ s: Unicode.Scalar, _ buffer: inout TokenBuffer) {
            if isWord(s) {
                if s.value < 0x80 {
                    buffer.bytes.append(UInt8(s.value))
                } else {
                    UTF8.encode(s) { buffer.bytes.append($0) }
                }
                length += 1
            } else {
                end(&buffer)
            }
        }
    }

    /// Appends the tokens of `text` to `buffer`.
    ///
    /// Reads the string's UTF-8 bytes directly: ASCII bytes (almost all of the text) are classified and
    /// lower-cased by table, and only the other scalars are decoded and given Unicode's properties.
    static func tokenize(_ text: String, lowercase: Bool, into buffer: inout TokenBuffer) {
        var text = text
        text.withUTF8 { utf8 in tokenize(utf8, lowercase: lowercase, into: &buffer) }
    }

    /// ASCII byte classes: 0 not a word byte, 1 digit or `_`, 2 lower-case letter, 3 upper-case letter.
    private static let asciiClass: [UInt8] = (0..<128).map { b in
        if b >= 65 && b <= 90 { return 3 }
        if b >= 97 && b <= 122 { return 2 }
        return (b >= 48 && b <= 57) || b == 95 ? 1 : 0
    }

    private static func tokenize(_ utf8: UnsafeBufferPointer<UInt8>, lowercase: Bool, into buffer: inout TokenBuffer) {
        let asciiClass = Self.asciiClass  // one lazy-global check per call, not one per byte
        var run = Run(start: buffer.bytes.count)
        // Final_Sigma look-back: whether the last scalar that is not case-ignorable was cased.
        var lastCased = false
        let n = utf8.count
        var i = 0
        while i < n {
            let b = utf8[i]
            if b < 0x80 {
                let cls = asciiClass[Int(b)]
                if cls != 0 {
                    buffer.bytes.append(lowercase && cls == 3 ? b | 0x20 : b)
                    run.length += 1
                    lastCased = cls >= 2
                } else {
                    run.end(&buffer)
                    // ASCII case-ignorable: ' . : ^ `
                    if !(b == 0x27 || b == 0x2E || b == 0x3A || b == 0x5E || b == 0x60) { lastCased = false }
                }
                i += 1
                continue
            }
            let (s, length) = decode(utf8, at: i)
            i += length
            if !lowercase {
                run.add(s, &buffer)
                let p = s.properties
                if !p.isCaseIgnorable { lastCased = p.isCased }
            } else if s.value == 0x3A3 {
                let final = finalSigma(after: lastCased, following: utf8, from: i)
                run.add(final ? "\u{3C2}" : "\u{3C3}", &buffer)
                lastCased = true
            } else {
                let p = s.properties
                for l in p.lowercaseMapping.unicodeScalars { run.add(l, &buffer) }
                if !p.isCaseIgnorable { lastCased = p.isCased }
            }
        }
        run.end(&buffer)
    }

    /// The scalar whose (valid, multi-byte) UTF-8 encoding starts at `i`, and its length in bytes.
    /// A Swift string's UTF-8 is always valid, so the lead byte gives the length.
    @inline(__always) private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(utf8[i])
        let value: UInt32, length: Int
        if b0 < 0xE0 {
            value = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
            length = 2
        } else if b0 < 0xF0 {
            value = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
            length = 3
        } else {
            value = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                | UInt32(utf8[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Python's rule: Σ is final when preceded by a cased letter and not followed, after any
    /// case-ignorable scalars, by a cased letter (the scalars from byte `i` on).
    private static func finalSigma(after precededByCased: Bool, following utf8: UnsafeBufferPointer<UInt8>,
                                   from start: Int) -> Bool {
        guard precededByCased else { return false }
        var i = start
        while i < utf8.count {
            let s: Unicode.Scalar
            if utf8[i] < 0x80 {
                s = Unicode.Scalar(utf8[i])
                i += 1
            } else {
                let (scalar, length) = decode(utf8, at: i)
                s = scalar
                i += length
            }
            let p = s.properties
            if p.isCaseIgnorable { continue }
            return !p.isCased
        }
        return true
    }
}
