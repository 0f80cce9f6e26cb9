/// "least" before a sentiment word negates it (x -0.74), except in "at least" and "very least".
/// Source: vaderSentiment 3.3.2 `_least_check`.
enum LeastRule {
    @inline(__always)
    static func apply(_ valence: Double, at i: Int, _ t: Tokens, _ w: FunctionWords) -> Double {
        if i > 1 && !t[i - 1].inLexicon && t[i - 1].id == w.least {
            if t[i - 2].id != w.at && t[i - 2].id != w.very { return valence * Negation.scalar }
        } else if i > 0 && !t[i - 1].inLexicon && t[i - 1].id == w.least {
            return valence * Negation.scalar
        }
        return valence
    }
}
