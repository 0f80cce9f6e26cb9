import ThreadModel

/// Rule "target-sentiment": a sentence's sentiment counts toward the side it names.
///
/// - A sentence naming the target and not the other side: weight = compound × factor × `targetSentimentWeight`.
/// - A sentence naming the other side and not the target: weight = −compound × factor × `otherSideSentimentWeight`
///   ("C is a minefield" leans pro; "C is fine for this" leans anti).
/// - A sentence naming both is left to `ComparisonRule`: its sentiment cannot be assigned.
/// - A sentence naming neither, right after one that named only the target, and that refers
///   back with "it", "its" or "the language", counts at `carryFactor` of the target weight.
///
/// The factor is the clause factor at the first name in the sentence. Sentiment in a sentence
/// that names no side is not stance: "I'm tired" says nothing about Rust.
enum TargetSentimentRule {
    static let name = "target-sentiment"
    static let otherName = "other-side-sentiment"
    static let carriedName = "target-sentiment-carried"
    static let backReferences: Set<String> = ["it", "its", "it's", "itself"]

    static func apply(_ v: CommentView, options: StanceOptions) -> [StanceEvidence] {
        var out: [StanceEvidence] = []
        var previousNamedTargetOnly = false
        for (s, sentence) in v.sentences.enumerated() {
            let target = v.matches(v.target, inSentence: s)
            let other = v.matches(v.otherSide, inSentence: s)
            defer { previousNamedTargetOnly = !target.isEmpty && other.isEmpty }
            guard sentence.compound != 0 else { continue }
            if let t = target.first, other.isEmpty {
                let w = sentence.compound * v.factor[t.tokens.lowerBound] * options.targetSentimentWeight
                out.append(.raw(name, v.comment.text.slice(t.span), sentence.span, w,
                                note: "sentence about the target, compound \(rounded(sentence.compound))"))
            } else if let o = other.first, target.isEmpty {
                let w = -sentence.compound * v.factor[o.tokens.lowerBound] * options.otherSideSentimentWeight
                out.append(.raw(otherName, v.comment.text.slice(o.span), sentence.span, w,
                                note: "sentence about the other side, compound \(rounded(sentence.compound))"))
            } else if target.isEmpty, other.isEmpty, previousNamedTargetOnly,
                      let k = sentence.tokens.first(where: { isBackReference($0, v) }) {
                let w = sentence.compound * v.factor[k] * options.targetSentimentWeight * options.carryFactor
                out.append(.raw(carriedName, v.tokens[k].text, sentence.span, w,
                                note: "refers back to the target, compound \(rounded(sentence.compound))"))
            }
        }
        return out
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
