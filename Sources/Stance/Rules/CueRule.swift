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
/// multiplied with a negation's own factor when both apply). So is a cue inside quotation marks
/// around fewer words, scare quotes that keep the word at a distance ("anything \"toxic\"").
///
/// A cue with `said_of` describes one side's people or conduct ("toxic" of the target's,
/// "gatekeeping" of the other side's). In a sentence that names only the opposite side it turns
/// around at full weight ("the C old guard is toxic" leans pro; "Rust folks are stubborn"
/// leans anti); its note starts "said of the other side:" or "said of the target:".
enum CueRule {
    static let name = "cue"

    static func apply(_ v: CommentView, profile: CompiledProfile, options: StanceOptions) -> [StanceEvidence] {
        let quoted = v.cues.isEmpty ? [] : ReplyRule.inlineQuotes(v)
        // A cue alone in quotation marks is mentioned, not used: scare quotes keep the word at a
        // distance ("I rarely see anything \"toxic\"", "so-called \"hype\"").
        let scare = v.cues.isEmpty ? [] : ReplyRule.inlineQuotes(v, minWords: 1)
        return v.cues.map { m in
            let cue = profile.cueInfo[m.pattern]
            let s = v.sentenceOf[m.tokens.lowerBound]
            let negated = cue.negatable && Clauses.isNegated(m.tokens.lowerBound, tokens: v.tokens,
                                            lowerBound: v.sentences[s].tokens.lowerBound)
            let reported = cue.negatable && (quoted.contains { $0.overlaps(m.span) }
                || scare.contains { $0.start < m.span.start && m.span.end < $0.end }
                || Clauses.isReported(m.tokens.lowerBound, in: v.sentences[s].tokens, tokens: v.tokens))
            let flipped = saidOfOppositeSide(cue, sentence: s, v)
            let w = cue.signedWeight * v.factor[m.tokens.lowerBound] * (negated ? options.negationFactor : 1)
                * (reported ? options.negationFactor : 1) * (flipped ? -1 : 1)
            let note = (negated ? "negated: " : "") + (reported ? "reported, not claimed: " : "")
                + (flipped ? (cue.saidOf == .target ? "said of the other side: " : "said of the target: ") : "")
                + (cue.note.isEmpty ? "\(cue.stance.rawValue) cue" : cue.note)
            return .raw(name, cue.match, m.span, w, note: note)
        }
    }

    /// Whether a directed cue stands in a sentence naming only the side opposite to the one it is
    /// said of.
    static func saidOfOppositeSide(_ cue: StanceCue, sentence s: Int, _ v: CommentView) -> Bool {
        guard let side = cue.saidOf else { return false }
        let target = !v.matches(v.target, inSentence: s).isEmpty
        let other = !v.matches(v.otherSide, inSentence: s).isEmpty
        switch side {
        case .target: return other && !target
        case .otherSide: return target && !other
        }
    }
}
