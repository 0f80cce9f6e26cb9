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
/// Design notes: replies with no marker inherit nothing. Slashdot replies disagree more often
/// than they agree, but guessing either way would put words in a silent commenter's mouth.
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
        return found.min { $0.match.tokens.lowerBound < $1.match.tokens.lowerBound }
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
