import ThreadModel

/// Rule "reply-agrees" / "reply-disagrees": a reply with no stance of its own takes its
/// parent's stance, or the inverse, when it says it agrees or disagrees.
///
/// weight = ±`inheritFactor` × parent's score (+ to agree, − to disagree)
///
/// Markers come from the profile's `replies` lists. An anchored marker ("^this", "^no") counts
/// in the commenter's first own sentence when it opens a clause (see `opensClause`: "No.",
/// "Well, no.", "That's nonsense.", "I see your point, but no.") and a clause boundary follows
/// it, so "No spec is the problem" does not count. An unanchored phrase
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
        guard v.firstOwnToken != nil else { return nil }
        var found: [Found] = []
        for (list, matcher, relation) in [(v.agree, profile.agree, Relation.agrees),
                                          (v.disagree, profile.disagree, Relation.disagrees)] {
            for m in list {
                let p = matcher.patterns[m.pattern]
                let s = v.sentenceOf[m.tokens.lowerBound]
                if p.anchored {
                    guard s == 0, opensClause(m.tokens.lowerBound, v, marker: p.source),
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

    /// Words that may stand before an anchored marker in the reply's first sentence without
    /// making it part of a longer claim: interjections ("Well, no."), a contrast ("..., but no."),
    /// and the frame "that is" with an intensifier ("That's utter nonsense.", "This is wrong.").
    static let interjections: Set<String> = [
        "well", "oh", "ah", "eh", "er", "erm", "um", "uh", "hmm", "lol", "sorry", "but", "and", "so",
        "frankly", "honestly", "respectfully",
    ]
    static let leadIns: Set<String> = interjections.union([
        "just", "simply", "that", "that's", "thats", "this", "it", "it's", "is", "was", "utter", "complete",
        "total", "pure", "absolute", "absolutely",
    ])
    /// Markers whose sense depends on standing alone ("Right." and "Sure." are sarcastic; "That's
    /// right" agrees): they take interjections before them, not the "that is" frame.
    static let bareOnly: Set<String> = ["right", "sure", "please", "really", "what", "actually", "except", "so what",
                                        "yeah right", "riiight", "come on", "oh please", "ah yes", "oh yes", "oh sure",
                                        "lol", "yes", "yep", "yup", "true", "correct"]

    /// Whether an anchored marker at token `k` opens a clause of the commenter's first own
    /// sentence: it is the first own word, or it follows a comma, semicolon or colon, or only
    /// `leadIns` words stand between it and such a clause start ("Well, no.", "That's nonsense.",
    /// "I see the point, but no."). The caller also requires a clause boundary after the marker,
    /// so "That is no spec" and "Well, no compiler is perfect" do not count.
    static func opensClause(_ k: Int, _ v: CommentView, marker: String) -> Bool {
        guard let first = v.firstOwnToken, k >= first else { return false }
        let allowed = bareOnly.contains(marker.hasPrefix("^") ? String(marker.dropFirst()) : marker) ? interjections : leadIns
        var j = k
        while j > first, !Clauses.commaBefore(j, v.tokens, v.bytes) {
            guard allowed.contains(v.tokens[j - 1].folded) else { return false }
            j -= 1
        }
        return true
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
    ///
    /// With `echo`, the reply puts words in quotation marks inline ("\"nobody uses it\" is what
    /// people say"): echoing a phrase in quotes to answer it is the inline form of quoting.
    ///
    /// The evidence's span is the quotation answered: the parent's quoted passage (`quote`) or the
    /// inline quotation (`echo`), so reports can show what is rebutted.
    static func rebuttal(parent: CommentStance, options: StanceOptions, echo: Span? = nil,
                         quote: Span? = nil) -> StanceEvidence {
        let how = echo == nil ? "quotes parent" : "echoes words in quotes, answering parent"
        let note = "\(how) \(parent.key.commentID) (\(parent.label.rawValue), "
            + "score \(rounded(parent.score))) and answers it"
        return .raw("reply-rebuts", echo == nil ? "(quotes the parent)" : "(words in quotes)", echo ?? quote,
                    -options.quotingReplyFactor * parent.score, note: note)
    }

    /// Rule "reply-answers": an on-topic reply with no marker, no quote and no evidence of its own
    /// answers a pro or anti parent in its own words: weight = −`silentReplyFactor` × parent's score.
    /// A reply that opens with a question asks rather than answers ("How much slower?", "Which
    /// architectures?") and gets nothing.
    ///
    /// Replies that continue their parent's side mostly restate its argument and so carry cues of
    /// their own; replies with nothing of their own are mostly rebuttals argued in other words
    /// ("Six minutes once, then incremental builds"). On the labelled threads, such replies to
    /// a pro or anti parent took the opposite side 13 times, the same side 4 times, and no side 6
    /// times.
    static func silentAnswer(parent: CommentStance, options: StanceOptions) -> StanceEvidence {
        let note = "answers parent \(parent.key.commentID) (\(parent.label.rawValue), score \(rounded(parent.score))) "
            + "in its own words, with no marker and no side of its own"
        return .raw("reply-answers", "(answers the parent)", nil, -options.silentReplyFactor * parent.score, note: note)
    }

    /// Where the comment quotes its parent: the first quote of the parent, else (for a reply linked
    /// by a quote) its first quote.
    static func parentQuote(_ c: Comment) -> Span? {
        parentQuotes(c).first
    }

    /// The first inline quotation in the commenter's own words: a pair of double quotation
    /// marks (straight or curly) in one own sentence around at least `minWords` words.
    /// Single words in quotes are scare quotes on a term ("safe"), not an echo of a claim.
    static func scareQuote(_ v: CommentView, minWords: Int = 3) -> Span? {
        inlineQuotes(v, minWords: minWords).first
    }

    /// Every inline quotation (see `scareQuote`) in the commenter's own words, in order. A
    /// quotation may run on over sentence ends ("While X is toxic in parts... "), into at most
    /// `quoteSentences` own sentences of one line.
    static func inlineQuotes(_ v: CommentView, minWords: Int = 3) -> [Span] {
        var out: [Span] = []
        var open: (byte: Int, sentence: Int)? = nil
        for (si, s) in v.sentences.enumerated() {
            // Run on from the sentence before (gap included) when on the same line.
            let joined = si > 0 && sameLine(v, si - 1, si)
            if let o = open, !(joined && si - o.sentence < quoteSentences) { open = nil }
            let lo = max(0, joined ? v.sentences[si - 1].span.end : s.span.start), hi = min(v.bytes.count, s.span.end)
            guard lo < hi else { continue }
            var k = lo
            while k < hi {
                let len = quoteMarkLength(v.bytes, k, hi)
                if len > 0 {
                    if let o = open {
                        let tokens = v.sentences[o.sentence].tokens.lowerBound..<s.tokens.upperBound
                        let words = tokens.filter { o.byte < v.tokens[$0].span.start && v.tokens[$0].span.end <= k }.count
                        if words >= minWords { out.append(Span(o.byte, k + len)) }
                        open = nil
                    } else {
                        open = (k, si)
                    }
                    k += len
                } else {
                    k += 1
                }
            }
        }
        return out
    }

    /// How many own sentences one inline quotation may span.
    static let quoteSentences = 3

    /// Whether own sentences `a` and `a + 1` follow each other with no line break between.
    private static func sameLine(_ v: CommentView, _ a: Int, _ b: Int) -> Bool {
        let lo = max(0, v.sentences[a].span.end), hi = min(v.bytes.count, v.sentences[b].span.start)
        return lo > hi ? false : !v.bytes[lo..<hi].contains(0x0A)
    }

    /// Byte length of a double quotation mark at `k` (", “ or ”), else 0.
    private static func quoteMarkLength(_ b: [UInt8], _ k: Int, _ end: Int) -> Int {
        if b[k] == 0x22 { return 1 }
        // “ = E2 80 9C, ” = E2 80 9D
        if k + 2 < end, b[k] == 0xE2, b[k + 1] == 0x80, b[k + 2] == 0x9C || b[k + 2] == 0x9D { return 3 }
        return 0
    }

    /// Rule "reply-leans": a reply without a marker whose own evidence sums to R, with
    /// `minimumLean` ≤ |R| and |tanh R| below the threshold, reads its lean in the light of the
    /// parent: weight = sign(R) × `leaningReplyFactor` × |parent's score|. A weak lean against a
    /// pro or anti parent is a rebuttal (arguing against an anti comment is pro); a weak lean
    /// its way is a continuation. Replies with no lean at all still get nothing: unmarked
    /// replies continue or oppose their parent about equally often.
    static func leaning(own r: Double, parent: CommentStance, options: StanceOptions) -> StanceEvidence? {
        guard abs(r) >= options.minimumLean, parent.score != 0 else { return nil }
        let sign: Double = r > 0 ? 1 : -1
        let w = sign * options.leaningReplyFactor * abs(parent.score)
        let with = sign * parent.score > 0
        let note = "own words lean \(r > 0 ? "pro" : "anti") (\(rounded(r))), "
            + "\(with ? "continuing" : "answering") parent \(parent.key.commentID) (\(parent.label.rawValue), score \(rounded(parent.score)))"
        return .raw("reply-leans", "(own lean \(with ? "with" : "against") the parent)", nil, w, note: note)
    }

    /// Every passage the comment quotes from its parent, in order: its quotes of the parent, or
    /// (for a reply linked by a quote) all its quotes.
    static func parentQuotes(_ c: Comment) -> [Span] {
        guard let p = c.parentID else { return [] }
        let own = c.quotes.filter { $0.quotedCommentID == p }.map(\.span)
        if !own.isEmpty { return own }
        return c.parentLink == .quote ? c.quotes.map(\.span) : []
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
