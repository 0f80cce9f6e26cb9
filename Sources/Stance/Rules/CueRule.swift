import ThreadModel

/// Rule "cue": each profile cue said in the commenter's own words pushes toward its side.
///
/// weight = ±cue.weight × clause factor × (negated ? `StanceOptions.negationFactor` : 1)
///
/// The clause factor favours the conclusion of "X, but Y" (see `Clauses`); a negation within
/// two words before the cue turns it around at half strength ("it is not a fad" leans pro),
/// since denying a charge is weaker than making the opposite claim. Cues marked
/// `negatable: false` keep their sign ("no more use-after-frees" still argues for the target).
///
/// A negatable cue in reported speech ("someone says C is fine", "people claim it is hype"; see
/// `Clauses.isReported`) or inside inline quotation marks is the position being
/// described, usually to answer it: it too is turned around at half strength (× `negationFactor`,
/// multiplied with a negation's own factor when both apply).
enum CueRule {
    static let name = "cue"

    static func apply(_ v: CommentView, profile: CompiledProfile, options: StanceOptions) -> [StanceEvidence] {
        let quoted = v.cues.isEmpty ? [] : ReplyRule.inlineQuotes(v)
        return v.cues.map { m in
            let cue = profile.cueInfo[m.pattern]
            let s = v.sentenceOf[m.tokens.lowerBound]
            let negated = cue.negatable && Clauses.isNegated(m.tokens.lowerBound, tokens: v.tokens,
                                            lowerBound: v.sentences[s].tokens.lowerBound)
            let reported = cue.negatable && (quoted.contains { $0.overlaps(m.span) }
                || Clauses.isReported(m.tokens.lowerBound, in: v.sentences[s].tokens, tokens: v.tokens))
            let w = cue.signedWeight * v.factor[m.tokens.lowerBound] * (negated ? options.negationFactor : 1)
                * (reported ? options.negationFactor : 1)
            let note = (negated ? "negated: " : "") + (reported ? "reported, not claimed: " : "")
                + (cue.note.isEmpty ? "\(cue.stance.rawValue) cue" : cue.note)
            return .raw(name, cue.match, m.span, w, note: note)
        }
    }
}
