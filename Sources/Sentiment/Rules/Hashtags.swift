/// default mode: a hashtag reads as its words. "#RustForLinux" gives "rust", "for", "linux";
/// "#NotGood" gives "not good" (so negation applies); "#fail" gives "fail"; "#ok" gives "ok" (vaderSentiment
/// keeps a 2-letter hashtag whole, "#ok", which no lexicon entry matches).
///
/// A hashtag is a token starting with "#" whose rest is ASCII letters and digits. Words split where a
/// lower-case letter meets an upper-case one, where an upper-case run meets a capitalised word
/// ("HTMLParser" gives "HTML", "Parser"), and between letters and digits.
enum Hashtags {
    /// Byte ranges of the hashtag's words, or nil when `b[s..<e]` is no hashtag. `ps..<pe` is the token
    /// with punctuation stripped.
    static func split(_ b: Bytes, _ s: Int, _ e: Int, _ ps: Int, _ pe: Int) -> [Range<Int>]? {
        guard ps > s, b[ps - 1] == 0x23, pe > ps else { return nil }
        func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
        func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        for i in ps..<pe where !(isUpper(b[i]) || isLower(b[i]) || isDigit(b[i])) { return nil }
        var parts: [Range<Int>] = []
        var start = ps
        for i in (ps + 1)..<max(pe, ps + 1) {
            let prev = b[i - 1], c = b[i]
            let next: UInt8 = i + 1 < pe ? b[i + 1] : 0
            let cut = (isLower(prev) && isUpper(c))
                || (isUpper(prev) && isUpper(c) && isLower(next))
                || (isDigit(prev) != isDigit(c))
            if cut { parts.append(start..<i); start = i }
        }
        parts.append(start..<pe)
        return parts
    }
}
