import ThreadModel

/// Clause weighting and negation: how much each word of a sentence counts, and whether it is denied.
///
/// Contrast: in "X, but Y" the writer's conclusion is Y. As in VADER's "but" rule, words before
/// the contrast marker count 0.5 and words from it on count 1.5; a sentence opening with "But"
/// or "However" counts 1.5 and halves the sentence before it. A sentence opening with a
/// concession ("Although X, Y", "While X, Y") counts 0.5 up to its first comma and 1.5 after.
///
/// Negation: a cue is denied when one of `negators` (or a word ending in "n't") stands within
/// `negationWindow` (2) words before it in the same clause ("not a fad", "isn't toxic"); a wider
/// window reaches negations of another verb ("can't happen in safe Rust").
///
/// Design notes: full parsing was turned down; these two surface rules catch the common
/// "I like Rust, but it doesn't belong in the kernel" and "It's not hype" shapes.
enum Clauses {
    static let contrastMarkers: Set<String> = ["but", "however", "nevertheless", "nonetheless", "whereas"]
    static let concessionOpeners: Set<String> = ["although", "though", "while", "whilst", "despite"]
    static let negators: Set<String> = [
        "not", "no", "never", "neither", "nor", "hardly", "barely", "nothing", "none", "cannot", "without",
        "nobody", "noone", "rarely", "seldom",
    ]
    static let negationWindow = 2
    static let before = 0.5
    static let after = 1.5

    /// One factor per token (1 for tokens outside `sentences`).
    /// - Parameters:
    ///   - sentences: token ranges of the commenter's own sentences, in order.
    ///   - text: the UTF-8 bytes of the comment's text, to find commas between tokens.
    ///   - isContrast: whether each token is one of `contrastMarkers` (nil: look each one up).
    static func factors(tokens: [Token], sentences: [Range<Int>], text: [UInt8], isContrast: [Bool]? = nil) -> [Double] {
        let contrast = isContrast ?? tokens.map { contrastMarkers.contains($0.folded) }
        var f = [Double](repeating: 1, count: tokens.count)
        for (s, range) in sentences.enumerated() where !range.isEmpty {
            let first = tokens[range.lowerBound].folded
            if first == "but" || first == "however" {
                for t in range { f[t] *= after }
                if s > 0 { for t in sentences[s - 1] { f[t] *= before } }
                continue
            }
            if concessionOpeners.contains(first) || (first == "even" && range.count > 1
                                                        && tokens[range.lowerBound + 1].folded == "though") {
                guard let comma = range.dropFirst().first(where: { commaBefore($0, tokens, text) }) else { continue }
                for t in range.lowerBound..<comma { f[t] *= before }
                for t in comma..<range.upperBound { f[t] *= after }
                continue
            }
            if let k = range.dropFirst().first(where: { contrast[$0] }) {
                for t in range.lowerBound..<k { f[t] *= before }
                for t in k..<range.upperBound { f[t] *= after }
            }
        }
        return f
    }

    /// Whether a negator stands within the window before token `i`, not crossing `lowerBound`
    /// or a contrast marker.
    static func isNegated(_ i: Int, tokens: [Token], lowerBound: Int) -> Bool {
        // "any" is a negative polarity item: "never seen any zealots" denies the cue after it.
        if i - 1 > lowerBound, tokens[i - 1].folded == "any" {
            return isNegated(i - 1, tokens: tokens, lowerBound: lowerBound)
        }
        var k = i - 1
        while k >= max(lowerBound, i - negationWindow) {
            let w = tokens[k].folded
            if contrastMarkers.contains(w) { return false }
            if negators.contains(w) || w.hasSuffix("n't") { return true }
            k -= 1
        }
        return false
    }

    /// Generic subjects and speech verbs of reported speech ("people say", "someone always claims").
    static let reportingSubjects: Set<String> = ["someone", "somebody", "people", "they", "everyone", "everybody",
                                                 "folks", "critics", "detractors", "skeptics", "sceptics", "you"]
    static let speechVerbs: Set<String> = ["say", "says", "said", "saying", "claim", "claims", "claimed", "claiming",
                                           "argue", "argues", "argued", "arguing", "insist", "insists", "tell",
                                           "tells", "told", "complain", "complains", "whine", "whines", "repeat"]

    /// Words that end the reported clause ("what they said before ...").
    static let reportEnders: Set<String> = ["before", "after", "when", "until", "because", "since", "while",
                                            "and", "then", "so"]

    /// Whether token `i` lies in reported speech: within `reportWindow` words after a generic
    /// subject and a speech verb (directly or after one word: "people will say", "someone always
    /// says"), in the same sentence `range`, with no contrast marker or clause-ending word between.
    /// Such a cue is the position the commenter describes, usually to answer it ("every time
    /// someone says C is fine ..."), not the commenter's own claim.
    static func isReported(_ i: Int, in range: Range<Int>, tokens: [Token]) -> Bool {
        var k = i - 1
        while k >= max(range.lowerBound + 1, i - reportWindow) {
            let w = tokens[k].folded
            if contrastMarkers.contains(w) || reportEnders.contains(w) { return false }
            if speechVerbs.contains(w) {
                let s1 = tokens[k - 1].folded
                let s2 = k - 2 >= range.lowerBound ? tokens[k - 2].folded : ""
                return reportingSubjects.contains(s1) || reportingSubjects.contains(s2)
            }
            k -= 1
        }
        return false
    }

    static let reportWindow = 8

    /// Whether the gap between token `i - 1` and token `i` holds a comma, semicolon or dash.
    static func commaBefore(_ i: Int, _ tokens: [Token], _ text: [UInt8]) -> Bool {
        guard i > 0 else { return false }
        let lo = tokens[i - 1].span.end, hi = tokens[i].span.start
        guard lo < hi, hi <= text.count else { return false }
        return text[lo..<hi].contains { $0 == 0x2C || $0 == 0x3B || $0 == 0x3A }
    }

    /// Whether the gap after token `i` (up to the next token or the end) ends a clause.
    static func boundaryAfter(_ i: Int, _ tokens: [Token], _ text: [UInt8], limit: Int) -> Bool {
        let lo = tokens[i].span.end
        let hi = i + 1 < tokens.count ? min(tokens[i + 1].span.start, limit) : min(text.count, limit)
        if i + 1 >= tokens.count || tokens[i + 1].span.start >= limit { return true }
        guard lo < hi else { return false }
        // , . ! ? ; : and the UTF-8 lead byte of em/en dashes and ellipsis (E2)
        return text[lo..<hi].contains { [0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0xE2, 0x0A].contains($0) }
    }
}
