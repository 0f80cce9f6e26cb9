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
/// The patterns are compiled once into a `PatternIndex` (a trie of patterns over word tests);
/// a scan costs one look-up per token whatever the number of patterns.
/// Complexity: O(tokens × (token length + hits)).
public struct PhraseMatcher: Sendable {
    public let patterns: [TermPattern]
    let index: PatternIndex

    public init(_ patterns: [TermPattern]) {
        self.patterns = patterns
        index = PatternIndex(groups: [patterns])
    }

    /// All matches, ordered by start then by length (longest first).
    /// - Parameter longestOnly: keep only leftmost-longest matches that do not overlap.
    public func matches(in tokens: [Token], longestOnly: Bool = true) -> [PhraseMatch] {
        let found = index.matches(tokens, index.hits(tokens, text: nil))[0]
        return longestOnly ? Self.leftmostLongest(found) : found
    }

    /// The leftmost, then longest, matches that do not overlap, from matches ordered by start then
    /// longest first.
    static func leftmostLongest(_ found: [PhraseMatch]) -> [PhraseMatch] {
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
