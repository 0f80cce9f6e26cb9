/// Boosters and dampeners: degree adverbs before a sentiment word scale it up or down.
///
/// A booster adds `increment` (0.293) to the magnitude of the word it modifies, a dampener subtracts it
/// (the sign follows the word's valence). Its effect decays with distance: full one word before,
/// x0.95 two words before, x0.9 three words before. A booster written in ALL CAPS among mixed-case
/// text adds the caps increment as well (see ``CapsEmphasis``).
/// Constants and word list: vaderSentiment 3.3.2 (`B_INCR`, `B_DECR`, `BOOSTER_DICT`), from the VADER
/// paper's degree-adverb experiments (Hutto and Gilbert, ICWSM 2014).
enum Boosters {
    static let increment = 0.293
    static let decrement = -0.293
    /// Decay by distance: index 0 is the word just before, 2 is three words before.
    static let decay: [Double] = [1.0, 0.95, 0.9]

    static let boosting: [String] = [
        "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly",
        "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
        "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking",
        "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging",
        "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly",
        "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
        "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually",
        "utter", "utterly", "very",
    ]
    static let dampening: [String] = [
        "almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little", "marginal",
        "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly",
        "somewhat", "sorta", "sortof", "sort-of",
    ]
    /// Two-word dampeners, recognised only as the pair of words before a sentiment word (see ``Idioms``).
    static let dampeningPairs: [(String, String)] = [("just", "enough"), ("kind", "of"), ("sort", "of")]

    /// The scalar a modifier adds to a word of valence `valence`; 0 when the modifier is no booster.
    /// Mirrors `scalar_inc_dec`: the caps increment goes up for positive valence and down otherwise.
    @inline(__always)
    static func scalar(_ modifier: Token, valence: Double, capsDiffer: Bool, vocabulary v: Vocabulary) -> Double {
        guard modifier.isBooster else { return 0 }
        var s = modifier.has(UInt16(WordFlags.boosts)) ? increment : decrement
        if valence < 0 { s = -s }
        if modifier.shouted && capsDiffer { s += valence > 0 ? CapsEmphasis.increment : -CapsEmphasis.increment }
        return s
    }
}
