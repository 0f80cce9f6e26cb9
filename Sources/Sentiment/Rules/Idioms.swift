/// Fixed phrases that replace a sentiment word's valence ("the shit" 3, "yeah right" -2, "kiss of death" -1.5),
/// and the two-word dampeners ("kind of", "sort of", "just enough") just before a sentiment word.
///
/// As in vaderSentiment 3.3.2 `_special_idioms_check`, this runs only for a word with at least three
/// words before it whose third word back is not a lexicon word. Phrases ending at the word or just before
/// it are tried in a fixed order (the first match wins), then phrases starting at the word (a later match
/// wins). Each dampening pair among the two words before adds -0.293, whatever the valence's sign.
/// The list of "sentiment-laden idioms" without lexicon words is unused in 3.3.2 and here.
enum Idioms {
    static let phrases: [(words: [String], valence: Double)] = [
        (["the", "shit"], 3), (["the", "bomb"], 3), (["bad", "ass"], 1.5), (["bus", "stop"], 0),
        (["yeah", "right"], -2), (["kiss", "of", "death"], -1.5), (["to", "die", "for"], 3),
        (["beating", "heart"], 3.5),
    ]

    /// Phrases as word ids (all phrase words are interned by ``Vocabulary``).
    struct Table: Sendable {
        var pairs: [(Int32, Int32, Double)] = []
        var triples: [(Int32, Int32, Int32, Double)] = []
        var dampeningPairs: [(Int32, Int32)] = []

        func pair(_ a: Int32, _ b: Int32) -> Double? {
            for p in pairs where p.0 == a && p.1 == b { return p.2 }
            return nil
        }
        func triple(_ a: Int32, _ b: Int32, _ c: Int32) -> Double? {
            for p in triples where p.0 == a && p.1 == b && p.2 == c { return p.3 }
            return nil
        }
        func isDampeningPair(_ a: Int32, _ b: Int32) -> Bool {
            dampeningPairs.contains { $0.0 == a && $0.1 == b }
        }
    }

    /// Requires `i >= 3`.
    @inline(__always)
    static func apply(_ valence: Double, at i: Int, _ t: Tokens, _ table: Table) -> Double {
        // Most words are in no phrase (``WordFlags/idiom``): skip the search.
        let idiom = UInt16(WordFlags.idiom)
        guard (t[i].flags | t[i - 1].flags | t[i - 2].flags | t[i - 3].flags) & idiom != 0 else { return valence }
        return search(valence, at: i, t, table)
    }

    static func search(_ valence: Double, at i: Int, _ t: Tokens, _ table: Table) -> Double {
        let w3 = t[i - 3].id, w2 = t[i - 2].id, w1 = t[i - 1].id, w0 = t[i].id
        var out = valence
        if let v = table.pair(w1, w0) ?? table.triple(w2, w1, w0) ?? table.pair(w2, w1)
            ?? table.triple(w3, w2, w1) ?? table.pair(w3, w2) {
            out = v
        }
        if t.count - 1 > i, let v = table.pair(w0, t[i + 1].id) { out = v }
        if t.count - 1 > i + 1, let v = table.triple(w0, t[i + 1].id, t[i + 2].id) { out = v }
        if table.isDampeningPair(w3, w2) { out += Boosters.decrement }
        if table.isDampeningPair(w2, w1) { out += Boosters.decrement }
        return out
    }
}
