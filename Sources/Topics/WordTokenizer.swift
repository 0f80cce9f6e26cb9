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
/// Works on `unicodeScalars` (not `Character`s: a grapheme may hold several scalars) with an ASCII
/// fast path.
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
    static func tokenize(_ text: String, lowercase: Bool, into buffer: inout TokenBuffer) {
        let asciiWord = Self.asciiWord  // one lazy-global check per call, not one per byte
        var run = Run(start: buffer.bytes.count)
        // Final_Sigma look-back: whether the last scalar that is not case-ignorable was cased.
        var lastCased = false
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            let v = s.value
            if v < 0x80 {
                if asciiWord[Int(v)] {
                    buffer.bytes.append(lowercase && v >= 65 && v <= 90 ? UInt8(v + 32) : UInt8(v))
                    run.length += 1
                    lastCased = (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
                } else {
                    run.end(&buffer)
                    // ASCII case-ignorable: ' . : ^ `
                    if !(v == 0x27 || v == 0x2E || v == 0x3A || v == 0x5E || v == 0x60) { lastCased = false }
                }
            } else if !lowercase {
                run.add(s, &buffer)
                let p = s.properties
                if !p.isCaseIgnorable { lastCased = p.isCased }
            } else if v == 0x3A3 {
                let final = finalSigma(after: lastCased, following: scalars[scalars.index(after: i)...])
                run.add(final ? "\u{3C2}" : "\u{3C3}", &buffer)
                lastCased = true
            } else {
                let p = s.properties
                for l in p.lowercaseMapping.unicodeScalars { run.add(l, &buffer) }
                if !p.isCaseIgnorable { lastCased = p.isCased }
            }
            i = scalars.index(after: i)
        }
        run.end(&buffer)
    }

    /// Python's rule: Σ is final when preceded by a cased letter and not followed, after any
    /// case-ignorable scalars, by a cased letter.
    private static func finalSigma(after precededByCased: Bool, following rest: Substring.UnicodeScalarView) -> Bool {
        guard precededByCased else { return false }
        for s in rest {
            let p = s.properties
            if p.isCaseIgnorable { continue }
            return !p.isCased
        }
        return true
    }
}
