import ThreadModel

/// A word of a comment with its place in the comment's `text`.
///
/// `text` is the word as written, `folded` its lower-case form with typographic apostrophes
/// replaced by `'` and a possessive `'s` removed ("Rust's" folds to "rust"): patterns match
/// against `folded` unless they are case-sensitive.
public struct Token: Sendable, Hashable {
    public var text: String
    public var folded: String
    /// UTF-8 byte offsets into the comment's `text`.
    public var span: Span
}

/// Splits text into word tokens with UTF-8 byte spans.
///
/// A token is a run of letters, digits and non-ASCII scalars, with an inner `'` (or `’`) kept
/// ("isn't") and a trailing run of `+` or `#` kept ("C++", "C#"). Hyphens, slashes and
/// underscores separate tokens, so "use-after-free" and "use after free" give the same words
/// and one pattern matches both.
///
/// Design notes: the scan walks the UTF-8 bytes and decodes a scalar only where a byte is not
/// ASCII (so dashes and curly quotes still separate words); an ASCII word's text and folded form
/// are built straight from its bytes (words of up to 15 bytes are stored inline in the `String`,
/// with no allocation), and only tokens holding non-ASCII scalars go through
/// `String.lowercased()` (lower-casing a whole `String` is slow once any non-ASCII scalar is
/// present).
///
/// Complexity: O(n) in the length of the text.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        tokenize(bytes: Array(text.utf8))
    }

    /// Tokens of valid UTF-8 `b` (a `String`'s bytes).
    static func tokenize(bytes b: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(b.count / 6)
        let n = b.count
        var i = 0
        while i < n {
            let (u, w) = scalar(b, i)
            guard isWordScalar(u) else { i += w; continue }
            let start = i
            var asciiOnly = true
            while i < n {
                let (u, w) = scalar(b, i)
                if isWordScalar(u) {
                    if w > 1 { asciiOnly = false }
                    i += w
                } else if u == "'" || u == "\u{2019}", i + w < n, isWordScalar(scalar(b, i + w).0) {
                    if w > 1 { asciiOnly = false }
                    i += w  // inner apostrophe
                } else {
                    break
                }
            }
            while i < n, b[i] == 0x2B || b[i] == 0x23 { i += 1 }  // C++, C#
            let span = Span(start, i)
            let word = String(decoding: b[start..<i], as: UTF8.self)
            let folded = asciiOnly ? (foldsToItself(b, start, i) ? word : foldASCII(b, start, i)) : fold(word)
            tokens.append(Token(text: word, folded: folded, span: span))
        }
        return tokens
    }

    /// The scalar starting at byte `i` of valid UTF-8 and its width in bytes.
    @inline(__always)
    static func scalar(_ b: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = b[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var v: UInt32, w: Int
        if b0 >= 0xF0 { v = UInt32(b0 & 0x07); w = 4 } else if b0 >= 0xE0 { v = UInt32(b0 & 0x0F); w = 3 } else {
            v = UInt32(b0 & 0x1F); w = 2
        }
        for k in 1..<w { v = v << 6 | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", w)
    }

    /// Whether the ASCII word `b[lo..<hi]` holds no capital and no possessive, so folding leaves it as is.
    @inline(__always)
    static func foldsToItself(_ b: [UInt8], _ lo: Int, _ hi: Int) -> Bool {
        for k in lo..<hi where b[k] >= 0x41 && b[k] <= 0x5A { return false }
        return !(hi - lo > 2 && b[hi - 2] == 0x27 && b[hi - 1] | 0x20 == 0x73)
    }

    /// `fold` of the ASCII word `b[lo..<hi]`, built in place.
    static func foldASCII(_ b: [UInt8], _ lo: Int, _ hi: Int) -> String {
        var end = hi
        // "'s" or "'S": the possessive, dropped after lower-casing.
        if hi - lo > 2, b[hi - 2] == 0x27, b[hi - 1] | 0x20 == 0x73 { end -= 2 }
        return String(unsafeUninitializedCapacity: end - lo) { out in
            for k in lo..<end {
                let x = b[k]
                out[k - lo] = x >= 0x41 && x <= 0x5A ? x + 32 : x
            }
            return end - lo
        }
    }

    /// Lower-cases a word, normalises `’` to `'` and drops a possessive `'s`.
    public static func fold(_ word: String, asciiOnly: Bool = false) -> String {
        var s: String
        if asciiOnly {
            var out = [UInt8]()
            out.reserveCapacity(word.utf8.count)
            for b in word.utf8 { out.append(b >= 0x41 && b <= 0x5A ? b + 32 : b) }
            s = String(decoding: out, as: UTF8.self)
        } else {
            s = word.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        }
        if s.hasSuffix("'s"), s.utf8.count > 2 { s.removeLast(2) }
        return s
    }

    /// ASCII letters and digits, and non-ASCII letters and digits.
    @inline(__always)
    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII {
            let v = u.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return u.properties.isAlphabetic || u.properties.numericType != nil
    }
}

extension String {
    /// `replacingOccurrences` without Foundation, for the one substitution folding needs.
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
