import ThreadModel

/// Rule "recommendation": advice on which side to use, with only one side named.
///
/// "Just use C++", "they should have stuck with C", "why not write it in Rust?", "we could have
/// moved to C++": the writer picks a side without comparing it to the other. A choice verb
/// (`verbs`: use, write, move, switch, stick, stay, pick, choose, go, keep, adopt) with a
/// recommending word before it (`advisers`: just, should, could, would, must, why not, ought,
/// better) and a side named within three words after it:
///
///     weight = ±`comparisonWeight` × `ComparisonRule.impliedFactor` × clause factor
///
/// + when the advice names the target, − when it names the other side. A negation before the
/// verb turns it around ("you shouldn't use Rust for this" leans anti; "no need to stick with C"
/// leans pro), and so does a bare "why" ("why use Rust here?" doubts it; "why not use Rust?"
/// advises it). Sentences naming both sides are left to `ComparisonRule` ("use Rust instead of C").
///
/// Design notes: statements of fact ("git is written in C", "they use Rust at work") have no
/// adviser and do not count; questions count, since "why not use C++?" is advice in question form.
enum RecommendationRule {
    static let name = "recommendation"
    static let verbs: Set<String> = [
        "use", "used", "using", "write", "written", "move", "moved", "switch", "switched", "stick", "stuck",
        "stay", "stayed", "pick", "picked", "choose", "chose", "chosen", "go", "gone", "keep", "kept", "adopt",
        "adopted",
    ]
    static let advisers: Set<String> = [
        "just", "should", "should've", "shouldn't", "could", "could've", "would", "would've", "must", "ought",
        "better", "why",
    ]
    /// Words that may stand between the adviser and the verb ("should have just used", "why not simply
    /// use", "should be written"), besides negators.
    static let fillers: Set<String> = ["have", "not", "simply", "really", "all", "instead", "to", "it", "they",
                                       "we", "you", "i", "be", "been"]
    /// How many words after the verb the side may stand ("use modern C++", "stuck with plain C").
    static let reach = 3

    static func apply(_ v: CommentView, options: StanceOptions) -> [StanceEvidence] {
        var out: [StanceEvidence] = []
        for (s, sentence) in v.sentences.enumerated() {
            let target = v.matches(v.target, inSentence: s), other = v.matches(v.otherSide, inSentence: s)
            guard target.isEmpty != other.isEmpty else { continue }
            let names = target.isEmpty ? other : target
            let r = sentence.tokens
            for k in r where v.sentenceOf[k] == s && verbs.contains(v.tokens[k].folded) {
                guard let adviser = adviser(before: k, v, r),
                      let named = names.first(where: { $0.tokens.lowerBound > k && $0.tokens.lowerBound <= k + reach })
                else { continue }
                var negated = (adviser..<k).contains { j in
                    let w = v.tokens[j].folded
                    return Clauses.negators.contains(w) || w.hasSuffix("n't")
                }
                // "Why not use C++?" advises C++; "Why use Rust when C works?" advises against Rust.
                if v.tokens[adviser].folded == "why" { negated.toggle() }
                let sign: Double = (target.isEmpty ? -1 : 1) * (negated ? -1 : 1)
                let w = sign * options.comparisonWeight * ComparisonRule.impliedFactor * v.factor[k]
                let span = Span(v.tokens[adviser].span.start, named.span.end)
                out.append(.raw(name, v.comment.text.slice(span), span, w,
                                note: (negated ? "advises against " : "advises ")
                                    + (target.isEmpty ? "the other side" : "the target")))
                break
            }
        }
        return out
    }

    /// The adviser standing before verb `k`, with only `fillers` between (at most three words).
    private static func adviser(before k: Int, _ v: CommentView, _ r: Range<Int>) -> Int? {
        var j = k - 1
        while j >= max(r.lowerBound, k - 4) {
            let w = v.tokens[j].folded
            if advisers.contains(w) { return j }
            if !fillers.contains(w) && !Clauses.negators.contains(w) && !w.hasSuffix("n't") { return nil }
            j -= 1
        }
        return nil
    }
}
