/// default mode: multi-word overlay terms ("no problem", "not bad", "use after free") are merged into one
/// token before any other rule runs.
///
/// The merged token carries the phrase's valence and the whole phrase's span; the rules then treat it as
/// one lexicon word, so a booster or negator before the phrase still applies ("really not bad"), while the
/// words inside it no longer act alone ("not" in "not bad" negates nothing, "free" in "use after free" is
/// not positive). Matching is greedy, longest phrase first, left to right, on whole tokens.
enum PhraseRule {
    /// Phrases grouped by first word id in flat arrays (a dictionary look-up hashed the id for every
    /// token that may start a phrase).
    struct Table: Sendable {
        /// One phrase: its words are `words[start..<start + count]`; `id` is the phrase's vocabulary id.
        struct Phrase: Sendable {
            var start: Int32
            var count: Int32
            var id: Int32
        }
        /// Phrases as added, until ``sortLongestFirst()`` lays them out.
        private var added: [([Int32], Int32)] = []
        /// The phrases starting with word id `k` are `phrases[Int(offsets[k])..<Int(offsets[k + 1])]`,
        /// longest first; ids at or past `offsets.count - 1` start none.
        private(set) var offsets: [Int32] = [0]
        private(set) var phrases: [Phrase] = []
        /// Every phrase's word ids, back to back.
        private(set) var words: [Int32] = []

        mutating func add(_ words: [Int32], id: Int32) {
            added.append((words, id))
        }

        /// Lays the phrases out by first word, longest first (phrases of one length and first word keep
        /// the order they were added in).
        mutating func sortLongestFirst() {
            let order = added.indices.sorted { a, b in
                let x = added[a].0, y = added[b].0
                if x[0] != y[0] { return x[0] < y[0] }
                if x.count != y.count { return x.count > y.count }
                return a < b
            }
            let firstIds = added.map { Int($0.0[0]) }
            offsets = [Int32](repeating: 0, count: (firstIds.max() ?? -1) + 2)
            phrases = []
            words = []
            for k in order {
                let (w, id) = added[k]
                phrases.append(Phrase(start: Int32(words.count), count: Int32(w.count), id: id))
                words += w
                offsets[Int(w[0]) + 1] += 1
            }
            for k in 1..<offsets.count { offsets[k] += offsets[k - 1] }
        }

        /// Whether some phrase starts with word `id`.
        func startsPhrase(_ id: Int32) -> Bool {
            let k = Int(id)
            return k >= 0 && k + 1 < offsets.count && offsets[k] < offsets[k + 1]
        }

        var isEmpty: Bool { phrases.isEmpty && added.isEmpty }
    }

    /// Merges phrases in place and returns the (possibly shorter) token buffer: merging only ever
    /// shortens the sequence, so the write position never passes the read position.
    /// A token may start a phrase when its word has ``WordFlags/phraseStart`` (saves a dictionary look-up
    /// per token); `vocabulary` gives the merged token its phrase's flags. `flags`, the bitwise or of the
    /// tokens' flags (``TokenStats/flags``), skips the whole pass when no token can start a phrase.
    @inline(__always)
    static func apply(_ t: UnsafeMutableBufferPointer<Token>, _ vocabulary: Vocabulary,
                      flags: UInt16) -> UnsafeMutableBufferPointer<Token> {
        guard flags & UInt16(WordFlags.phraseStart) != 0 else { return t }
        return merge(t, vocabulary)
    }

    static func merge(_ t: UnsafeMutableBufferPointer<Token>, _ vocabulary: Vocabulary) -> UnsafeMutableBufferPointer<Token> {
        let table = vocabulary.phrases, start = UInt16(WordFlags.phraseStart)
        let offsets = table.offsets, phrases = table.phrases, words = table.words
        var n = 0
        var i = 0
        outer: while i < t.count {
            let first = Int(t[i].id)
            if t[i].flags & start != 0, first >= 0, first + 1 < offsets.count {
                for p in Int(offsets[first])..<Int(offsets[first + 1]) {
                    let phrase = phrases[p]
                    let count = Int(phrase.count), w = Int(phrase.start)
                    guard i + count <= t.count else { continue }
                    var k = 1
                    while k < count && t[i + k].id == words[w + k] { k += 1 }
                    if k == count {
                        var merged = t[i]
                        merged.id = phrase.id
                        merged.end = t[i + k - 1].end
                        // The first word's shape, the phrase's word flags; a phrase neither negates nor shouts.
                        merged.flags = merged.flags & (Token.upperBit | Token.lettersBit) | UInt16(vocabulary.flags(phrase.id))
                        t[n] = merged
                        n += 1
                        i += k
                        continue outer
                    }
                }
            }
            t[n] = t[i]
            n += 1
            i += 1
        }
        return UnsafeMutableBufferPointer(rebasing: t[0..<n])
    }
}
