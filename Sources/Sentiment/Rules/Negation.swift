/// Negation: a negating word up to three words before a sentiment word flips and shrinks it (x -0.74).
///
/// Negators are the listed words plus any word containing `n't`. Two fixed phrases change the rule:
/// "never so/this X" intensifies (x1.25) instead of negating, and "without doubt X" leaves X as is.
/// vaderSentiment 3.3.2 quirk kept in both modes: three words back, a "so"/"this" just before the word
/// intensifies x1.25 even without "never" (its `and`/`or` precedence).
/// In the default mode the tokeniser first turns curly apostrophes into `'`, so `don’t` negates too.
/// Constant and list: vaderSentiment 3.3.2 (`N_SCALAR`, `NEGATE`).
enum Negation {
    static let scalar = -0.74
    static let neverSoScalar = 1.25

    static let words: [String] = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
        "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt",
        "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt",
        "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt",
        "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without",
        "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ]

    /// Applies the negation check for the modifier `distance` words before token `i` (0 = just before).
    @inline(__always)
    static func apply(_ valence: Double, distance: Int, at i: Int, _ t: Tokens, _ w: FunctionWords) -> Double {
        switch distance {
        case 0:
            return t[i - 1].negates ? valence * scalar : valence
        case 1:
            if t[i - 2].id == w.never && (t[i - 1].id == w.so || t[i - 1].id == w.this) {
                return valence * neverSoScalar
            }
            if t[i - 2].id == w.without && t[i - 1].id == w.doubt { return valence }
            return t[i - 2].negates ? valence * scalar : valence
        default:
            if (t[i - 3].id == w.never && (t[i - 2].id == w.so || t[i - 2].id == w.this))
                || (t[i - 1].id == w.so || t[i - 1].id == w.this) {
                return valence * neverSoScalar
            }
            if t[i - 3].id == w.without && (t[i - 2].id == w.doubt || t[i - 1].id == w.doubt) { return valence }
            return t[i - 3].negates ? valence * scalar : valence
        }
    }
}
