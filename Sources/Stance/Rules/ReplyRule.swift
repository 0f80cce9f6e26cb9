import ThreadModel

/// Rule "reply-agrees" / "reply-disagrees": a reply with no stance of its own takes its
/// parent's stance, or the inverse, when it says it agrees or disagrees.
///
/// weight = ±`inheritFactor` × parent's score (+ to agree, − to disagree)
///
/// Markers come from the profile's `replies` lists. An anchored marker ("^this", "^no") counts
/// only as the first words of the commenter's own text and followed by a clause boundary, so
/// "No." and "No, ..." disagree but "No spec is the problem" does not. An unanchored phrase
/// ("i agree", "you are wrong") counts anywhere; a negation before it turns it around
/// ("I don't agree"). The first marker in the text decides.
///
/// An agreement marker followed by a contrast ("I agree, but...") is a concession and counts as
/// disagreement. Replies with no marker are handled by `rebuttal`.
enum ReplyRule {
    enum Relation: String { case agrees, disagrees }

    struct Found {
        var relation: Relation
        var match: PhraseMatch
        var marker: String
    }

    static func relation(_ v: CommentView, profile: CompiledProfile) -> Found? {
        guard let first = v.firstOwnToken else { return nil }
        var found: [Found] = []
        for (list, matcher, relation) in [(v.agree, profile.agree, Relation.agrees),
                                          (v.disagree, profile.disagree, Relation.disagrees)] {
            for m in list {
                let p = matcher.patterns[m.pattern]
                let s = v.sentenceOf[m.tokens.lowerBound]
                if p.anchored {
                    guard m.tokens.lowerBound == first,
                          Clauses.boundaryAfter(m.tokens.upperBound - 1, v.tokens, v.bytes,
                                                limit: v.sentences[s].span.end + 1) else { continue }
                    found.append(Found(relation: relation, match: m, marker: p.source))
                } else {
                    let negated = Clauses.isNegated(m.tokens.lowerBound, tokens: v.tokens,
                                                    lowerBound: v.sentences[s].tokens.lowerBound)
                    let r = negated ? (relation == .agrees ? Relation.disagrees : .agrees) : relation
                    found.append(Found(relation: r, match: m, marker: (negated ? "not " : "") + p.source))
                }
            }
        }
        guard var first = found.min(by: { $0.match.tokens.lowerBound < $1.match.tokens.lowerBound }) else { return nil }
        if first.relation == .agrees, concedes(first.match, v) {
            first.relation = .disagrees
            first.marker += " ... but"
        }
        return first
    }

    /// "I agree, but ...", "True. However, ...": agreement followed by a contrast in the same
    /// sentence or at the start of the next one is a concession before disagreeing.
    static func concedes(_ m: PhraseMatch, _ v: CommentView) -> Bool {
        let s = v.sentenceOf[m.tokens.lowerBound]
        let rest = m.tokens.upperBound..<v.sentences[s].tokens.upperBound
        if rest.contains(where: { Clauses.contrastMarkers.contains(v.tokens[$0].folded) }) { return true }
        guard s + 1 < v.sentences.count else { return false }
        let next = v.tokens[v.sentences[s + 1].tokens.lowerBound].folded
        return next == "but" || next == "however"
    }

    /// Rule "reply-rebuts": a reply that quotes its parent and answers with no stance and no
    /// marker of its own leans against the parent: weight = −`quotingReplyFactor` × parent's score.
    ///
    /// Quoting a passage to answer it is how rebuttals are written; agreement rarely needs the
    /// quote. Unquoted replies without a marker get nothing: they continue the parent's side about
    /// as often as they oppose it. The factor is below `inheritFactor` because this is a prior,
    /// not something the commenter said.
    static func rebuttal(parent: CommentStance, options: StanceOptions) -> StanceEvidence {
        let note = "quotes parent \(parent.key.commentID) (\(parent.label.rawValue), "
            + "score \(rounded(parent.score))) and answers it"
        return .raw("reply-rebuts", "(quotes the parent)", nil, -options.quotingReplyFactor * parent.score, note: note)
    }

    /// Whether the comment quotes its parent: linked to it by a quote, or holding a quote of it.
    static func quotesParent(_ c: Comment) -> Bool {
        guard let p = c.parentID else { return false }
        return c.parentLink == .quote || c.quotes.contains { $0.quotedCommentID == p }
    }

    static func evidence(_ f: Found, parent: CommentStance, options: StanceOptions) -> StanceEvidence {
        let sign: Double = f.relation == .agrees ? 1 : -1
        let w = sign * options.inheritFactor * parent.score
        let rule = f.relation == .agrees ? "reply-agrees" : "reply-disagrees"
        let note = "\(f.relation == .agrees ? "agrees with" : "disagrees with") parent \(parent.key.commentID) "
            + "(\(parent.label.rawValue), score \(rounded(parent.score)))"
        return .raw(rule, f.marker, f.match.span, w, note: note)
    }
}
