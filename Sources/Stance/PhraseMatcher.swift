import ThreadModel

/// A word or phrase to look for, as written in a profile.
///
/// Syntax (documented in docs/stance.md):
/// - words are compared after tokenising, so "use-after-free" also matches "use after free";
/// - smart case: a pattern with no capital letter matches any case, one with a capital letter
///   matches that case exactly ("C" matches "C" but not "c");
/// - a trailing `*` makes the last word a prefix ("zealot*" matches "zealots", "zealotry");
/// - a leading `^` anchors the pattern at the start of the commenter's own text and requires a
///   clause boundary after it (used for reply openers such as "^no", so that "No." is a
///   disagreement and "No spec" is not).
public struct TermPattern: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The pattern as written.
    public var source: String
    /// The words to match: folded unless `caseSensitive`.
    public var words: [String]
    public var prefix: Bool
    public var caseSensitive: Bool
    public var anchored: Bool

    /// Parses a pattern; returns nil when it holds no word.
    public init?(_ source: String) {
        var body = Substring(source.trimmingSpaces())
        self.source = String(body)
        anchored = body.hasPrefix("^")
        if anchored { body = body.dropFirst() }
        prefix = body.hasSuffix("*")
        if prefix { body = body.dropLast() }
        caseSensitive = body.contains { $0.isUppercase }
        let tokens = Tokenizer.tokenize(String(body))
        guard !tokens.isEmpty else { return nil }
        let cs = caseSensitive
        words = tokens.map { cs ? Self.stripPossessive($0.text) : $0.folded }
    }

    public var description: String { source }

    /// Whether the pattern's word `k` accepts `token`.
    @inline(__always)
    func accepts(_ k: Int, _ token: Token) -> Bool {
        let word = caseSensitive ? Self.stripPossessive(token.text) : token.folded
        if prefix && k == words.count - 1 { return word.hasPrefix(words[k]) }
        return word == words[k]
    }

    static func stripPossessive(_ s: String) -> String {
        for suffix in ["'s", "\u{2019}s"] where s.hasSuffix(suffix) && s.count > 2 {
            return String(s.dropLast(2))
        }
        return s
    }
}

/// One occurrence of a pattern among a comment's tokens.
public struct PhraseMatch: Sendable, Hashable {
    /// Index of the pattern in the matcher's list.
    public var pattern: Int
    /// Token indices covered.
    public var tokens: Range<Int>
    /// UTF-8 byte offsets into the comment's text.
    public var span: Span
}

/// Finds every occurrence of a fixed set of patterns in a token list.
///
/// Patterns are indexed by their first (folded) word, and one-word prefix patterns by their first
/// `keyLength` characters (or all of them when shorter), so a scan costs at most
/// 1 + `keyLength` dictionary lookups per token whatever the number of patterns.
/// Complexity: O(tokens × (keyLength + candidates)).
public struct PhraseMatcher: Sendable {
    public let patterns: [TermPattern]
    private var byFirstWord: [String: [Int]] = [:]
    /// One-word prefix patterns by their first `keyLength` characters (folded).
    private var byPrefixKey: [String: [Int]] = [:]
    private static let keyLength = 3

    public init(_ patterns: [TermPattern]) {
        self.patterns = patterns
        for (i, p) in patterns.enumerated() {
            if p.prefix && p.words.count == 1 {
                byPrefixKey[String(p.words[0].lowercased().prefix(Self.keyLength)), default: []].append(i)
            } else {
                byFirstWord[p.words[0].lowercased(), default: []].append(i)
            }
        }
    }

    /// All matches, ordered by start then by length (longest first).
    /// - Parameter longestOnly: keep only leftmost-longest matches that do not overlap.
    public func matches(in tokens: [Token], longestOnly: Bool = true) -> [PhraseMatch] {
        var found: [PhraseMatch] = []
        for (t, token) in tokens.enumerated() {
            var candidates = byFirstWord[token.folded] ?? []
            if !byPrefixKey.isEmpty {
                var key = ""
                for ch in token.folded.prefix(Self.keyLength) {
                    key.append(ch)
                    for i in byPrefixKey[key] ?? [] where patterns[i].accepts(0, token) { candidates.append(i) }
                }
            }
            for i in candidates {
                let p = patterns[i]
                let end = t + p.words.count
                guard end <= tokens.count else { continue }
                var ok = true
                for k in 0..<p.words.count where !p.accepts(k, tokens[t + k]) {
                    ok = false
                    break
                }
                if ok {
                    found.append(PhraseMatch(pattern: i, tokens: t..<end,
                                             span: Span(tokens[t].span.start, tokens[end - 1].span.end)))
                }
            }
        }
        found.sort { ($0.tokens.lowerBound, -$0.tokens.count, $0.pattern) < ($1.tokens.lowerBound, -$1.tokens.count, $1.pattern) }
        guard longestOnly else { return found }
        var kept: [PhraseMatch] = []
        var nextFree = 0
        for m in found where m.tokens.lowerBound >= nextFree {
            kept.append(m)
            nextFree = m.tokens.upperBound
        }
        return kept
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
