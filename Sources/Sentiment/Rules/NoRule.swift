/// "no" before a sentiment word negates it instead of counting as a negative word itself.
///
/// - "no" directly followed by a lexicon word scores 0 (it is a determiner, not a sentiment).
/// - A lexicon word one or two words after "no", or three after "no" with "or"/"nor" just before it
///   ("no X or Y"), takes its lexicon valence x -0.74 (earlier changes to it are discarded, as in 3.3.2).
/// Source: vaderSentiment 3.3.2 `sentiment_valence`.
enum NoRule {
    @inline(__always)
    static func apply(_ valence: Double, lexiconValence: Double, at i: Int, _ t: Tokens,
                      _ w: FunctionWords) -> Double {
        var out = valence
        if t[i].id == w.no && i != t.count - 1 && t[i + 1].inLexicon { out = 0 }
        if (i > 0 && t[i - 1].id == w.no) || (i > 1 && t[i - 2].id == w.no)
            || (i > 2 && t[i - 3].id == w.no && (t[i - 1].id == w.or || t[i - 1].id == w.nor)) {
            out = lexiconValence * Negation.scalar
        }
        return out
    }
}
