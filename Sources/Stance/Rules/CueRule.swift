import ThreadModel

/// Rule "cue": each profile cue said in the commenter's own words pushes toward its side.
///
/// weight = ±cue.weight × clause factor × (negated ? `StanceOptions.negationFactor` : 1)
///
/// The clause factor favours the conclusion of "X, but Y" (see `Clauses`); a negation within
/// two words before the cue turns it around at half strength ("it is not a fad" leans pro),
/// since denying a charge is weaker than making the opposite claim. Cues marked
/// `negatable: false` keep their sign ("no more use-after-frees" still argues for the target).
enum CueRule {
    static let name = "cue"

    static func apply(_ v: CommentView, profile: CompiledProfile, options: StanceOptions) -> [StanceEvidence] {
        v.cues.map { m in
            let cue = profile.cueInfo[m.pattern]
            let s = v.sentenceOf[m.tokens.lowerBound]
            let negated = cue.negatable && Clauses.isNegated(m.tokens.lowerBound, tokens: v.tokens,
                                            lowerBound: v.sentences[s].tokens.lowerBound)
            let w = cue.signedWeight * v.factor[m.tokens.lowerBound] * (negated ? options.negationFactor : 1)
            let note = (negated ? "negated: " : "") + (cue.note.isEmpty ? "\(cue.stance.rawValue) cue" : cue.note)
            return .raw(name, cue.match, m.span, w, note: note)
        }
    }
}
