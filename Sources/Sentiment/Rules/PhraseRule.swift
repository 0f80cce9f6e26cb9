/// default mode: multi-word overlay terms ("no problem", "not bad", "use after free") are merged into one
/// token before any other rule runs.
///
/// The merged token carries the phrase's valence and the whole phrase's span; the rules then treat it as
/// one lexicon word, so a booster or negator before the phrase still applies ("really not bad"), while the
/// words inside it no longer act alone ("not" in "not bad" negates nothing, "free" in "use after free" is
/// not positive). Matching is greedy, longest phrase first, left to right, on whole tokens.
enum PhraseRule {
    struct Table: Sendable {
        /// Phrases by first word id: (word ids, vocabulary id of the phrase).
        var byFirst: [Int32: [([Int32], Int32)]] = [:]

        mutating func add(_ words: [Int32], id: Int32) {
            byFirst[words[0], default: []].append((words, id))
        }

        mutating func sortLongestFirst() {
            for k in byFirst.keys { byFirst[k]?.sort { $0.0.count > $1.0.count } }
        }
        var isEmpty: Bool { byFirst.isEmpty }
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
        var n = 0
        var i = 0
        outer: while i < t.count {
            if t[i].flags & start != 0, let candidates = table.byFirst[t[i].id] {
                for (words, id) in candidates where i + words.count <= t.count {
                    var k = 1
                    while k < words.count && t[i + k].id == words[k] { k += 1 }
                    if k == words.count {
                        var merged = t[i]
                        merged.id = id
                        merged.end = t[i + k - 1].end
                        // The first word's shape, the phrase's word flags; a phrase neither negates nor shouts.
                        merged.flags = merged.flags & (Token.upperBit | Token.lettersBit) | UInt16(vocabulary.flags(id))
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
