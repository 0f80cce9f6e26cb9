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
        /// By word id: whether some phrase starts with the word (saves a dictionary look-up per token).
        var starts: [Bool] = []

        mutating func add(_ words: [Int32], id: Int32) {
            byFirst[words[0], default: []].append((words, id))
        }

        @inline(__always)
        func mayStart(_ id: Int32) -> Bool { id >= 0 && Int(id) < starts.count && starts[Int(id)] }
        mutating func sortLongestFirst() {
            for k in byFirst.keys { byFirst[k]?.sort { $0.0.count > $1.0.count } }
        }
        var isEmpty: Bool { byFirst.isEmpty }
    }

    /// Merges phrases in place and returns the (possibly shorter) token buffer: merging only ever
    /// shortens the sequence, so the write position never passes the read position.
    static func apply(_ t: UnsafeMutableBufferPointer<Token>, _ table: Table) -> UnsafeMutableBufferPointer<Token> {
        guard !table.isEmpty, t.contains(where: { table.mayStart($0.id) }) else { return t }
        var n = 0
        var i = 0
        outer: while i < t.count {
            if table.mayStart(t[i].id), let candidates = table.byFirst[t[i].id] {
                for (words, id) in candidates where i + words.count <= t.count {
                    var k = 1
                    while k < words.count && t[i + k].id == words[k] { k += 1 }
                    if k == words.count {
                        var merged = t[i]
                        merged.id = id
                        merged.end = t[i + k - 1].end
                        merged.negates = false
                        merged.shouted = false
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
