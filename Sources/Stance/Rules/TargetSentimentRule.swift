import ThreadModel

/// Rule "target-sentiment": a sentence's sentiment counts toward the side it names.
///
/// - A sentence naming the target and not the other side: weight = compound × factor × `targetSentimentWeight`.
/// - A sentence naming the other side and not the target: weight = −compound × factor × `otherSideSentimentWeight`
///   ("C is a minefield" leans pro; "C is fine for this" leans anti).
/// - A sentence naming both ("clause-sentiment"): the sentiment stage's word contributions are
///   split by clause (commas, semicolons, colons and contrast words end a clause); words in a
///   clause naming only the target add to T, in one naming only the other side to O, and
///   weight = `targetSentimentWeight` × n(T) − `otherSideSentimentWeight` × n(O) with
///   n(x) = x / √(x² + 15), VADER's normalisation (no clause factor: the contributions already
///   carry the sentiment stage's own "but" rule). Without contributions nothing is assigned.
/// - A sentence naming neither, right after one that named only the target, and that refers
///   back with "it", "its" or "the language", counts at `carryFactor` of the target weight.
///
/// The factor is the clause factor at the first name in the sentence. Sentiment in a sentence
/// that names no side is not stance: "I'm tired" says nothing about Rust. Sentences where a cue
/// or a comparison fired are skipped: the specific evidence speaks for them. Questions are
/// skipped: "is there a good guide to Rust?" asks, it does not judge.
enum TargetSentimentRule {
    static let name = "target-sentiment"
    static let otherName = "other-side-sentiment"
    static let carriedName = "target-sentiment-carried"
    static let clauseName = "clause-sentiment"
    /// Every rule name this rule writes.
    static let names: Set<String> = [name, otherName, carriedName, clauseName]
    static let backReferences: Set<String> = ["it", "its", "it's", "itself"]

    /// - Parameter decided: own sentences where a cue or comparison already spoke; their sentiment
    ///   is not counted again ("memory bugs that can't happen in safe Rust" is negative in tone
    ///   only because it names the bugs the cue is about).
    static func apply(_ v: CommentView, options: StanceOptions, decided: Set<Int> = []) -> [StanceEvidence] {
        var out: [StanceEvidence] = []
        var previousNamedTargetOnly = false
        for (s, sentence) in v.sentences.enumerated() {
            let target = v.matches(v.target, inSentence: s)
            let other = v.matches(v.otherSide, inSentence: s)
            defer { previousNamedTargetOnly = !target.isEmpty && other.isEmpty }
            guard sentence.compound != 0 || !sentence.contributions.isEmpty, !decided.contains(s), !sentence.isQuestion
            else { continue }
            if let t = target.first, other.isEmpty {
                let w = sentence.compound * v.factor[t.tokens.lowerBound] * options.targetSentimentWeight
                out.append(.raw(name, v.comment.text.slice(t.span), sentence.span, w,
                                note: "sentence about the target, compound \(rounded(sentence.compound))"))
            } else if let o = other.first, target.isEmpty {
                let w = -sentence.compound * v.factor[o.tokens.lowerBound] * options.otherSideSentimentWeight
                out.append(.raw(otherName, v.comment.text.slice(o.span), sentence.span, w,
                                note: "sentence about the other side, compound \(rounded(sentence.compound))"))
            } else if !target.isEmpty, !other.isEmpty {
                if let e = clauseSentiment(v, sentence, target: target, other: other, options: options) {
                    out.append(e)
                }
            } else if target.isEmpty, other.isEmpty, previousNamedTargetOnly,
                      let k = sentence.tokens.first(where: { isBackReference($0, v) }) {
                let w = sentence.compound * v.factor[k] * options.targetSentimentWeight * options.carryFactor
                out.append(.raw(carriedName, v.tokens[k].text, sentence.span, w,
                                note: "refers back to the target, compound \(rounded(sentence.compound))"))
            }
        }
        return out
    }

    /// Sentiment split between the clauses naming each side of a sentence that names both.
    private static func clauseSentiment(_ v: CommentView, _ sentence: OwnSentence, target: [PhraseMatch],
                                        other: [PhraseMatch], options: StanceOptions) -> StanceEvidence? {
        let words = sentence.contributions.compactMap { c in c.span.map { ($0, c.value) } }
        guard !words.isEmpty else { return nil }
        // Clause index of each token of the sentence.
        var clause: [Int: Int] = [:]
        var k = 0
        for t in sentence.tokens {
            if t > sentence.tokens.lowerBound,
               Clauses.commaBefore(t, v.tokens, v.bytes) || Clauses.contrastMarkers.contains(v.tokens[t].folded) {
                k += 1
            }
            clause[t] = k
        }
        var sides: [Int: (target: Bool, other: Bool)] = [:]
        for m in target { if let c = clause[m.tokens.lowerBound] { sides[c, default: (false, false)].target = true } }
        for m in other { if let c = clause[m.tokens.lowerBound] { sides[c, default: (false, false)].other = true } }
        var t = 0.0, o = 0.0
        for (span, value) in words {
            guard let tok = sentence.tokens.first(where: { v.tokens[$0].span.overlaps(span) }),
                  let c = clause[tok], let side = sides[c] else { continue }
            if side.target && !side.other { t += value } else if side.other && !side.target { o += value }
        }
        func n(_ x: Double) -> Double { x / (x * x + 15).squareRoot() }
        let w = options.targetSentimentWeight * n(t) - options.otherSideSentimentWeight * n(o)
        guard w != 0 else { return nil }
        return .raw(clauseName, v.comment.text.slice(sentence.span).prefix(60).description, sentence.span, w,
                    note: "per clause: target \(rounded(t)), other side \(rounded(o))")
    }

    private static func isBackReference(_ k: Int, _ v: CommentView) -> Bool {
        let w = v.tokens[k].folded
        if backReferences.contains(w) { return v.sentenceOf[k] >= 0 }
        return w == "language" && k > 0 && v.tokens[k - 1].folded == "the"
    }
}

func rounded(_ x: Double) -> String {
    let r = (x * 1000).rounded() / 1000
    return "\(r)"
}
