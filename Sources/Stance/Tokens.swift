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
/// Design notes: the scan walks Unicode scalars (so dashes and curly quotes separate words)
/// and keeps UTF-8 offsets beside them; lower-casing has an ASCII fast path (lower-casing a
/// whole `String` is slow once any non-ASCII scalar is present) and only tokens holding
/// non-ASCII scalars go through `String.lowercased()`.
///
/// Complexity: O(n) in the length of the text.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (k, u) in scalars.enumerated() { offsets[k + 1] = offsets[k] + UTF8.width(u) }
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var i = 0
        let n = scalars.count
        while i < n {
            guard isWordScalar(scalars[i]) else { i += 1; continue }
            let start = i
            var asciiOnly = true
            while i < n {
                let u = scalars[i]
                if isWordScalar(u) {
                    if !u.isASCII { asciiOnly = false }
                    i += 1
                } else if u == "'" || u == "\u{2019}", i + 1 < n, isWordScalar(scalars[i + 1]) {
                    if !u.isASCII { asciiOnly = false }
                    i += 1  // inner apostrophe
                } else {
                    break
                }
            }
            while i < n, scalars[i] == "+" || scalars[i] == "#" { i += 1 }  // C++, C#
            let span = Span(offsets[start], offsets[i])
            var raw = String.UnicodeScalarView()
            raw.append(contentsOf: scalars[start..<i])
            let word = String(raw)
            tokens.append(Token(text: word, folded: fold(word, asciiOnly: asciiOnly), span: span))
        }
        return tokens
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
