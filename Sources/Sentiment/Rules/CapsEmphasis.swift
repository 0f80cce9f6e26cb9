/// ALL-CAPS emphasis: a sentiment word (or booster) in capitals, in text that mixes case, gains 0.733 in
/// magnitude.
///
/// vader mode (3.3.2): "mixes case" means some but not all tokens are upper case over the whole text,
/// and a token is upper case when Python's `str.isupper()` holds (so "I" counts; a 0 valence goes down).
/// default mode: decided per sentence; a token counts as shouting only with 3 or more letters and when
/// it is not an acronym from the overlay (`CVE`, `UB`), so "I", "OK" or "GPL" are not emphasis; the
/// text mixes case when it has a shouting token and a token with lower-case letters.
/// Constant: vaderSentiment 3.3.2 `C_INCR`.
enum CapsEmphasis {
    static let increment = 0.733
    /// Letters a default-mode token needs before its capitals count as shouting.
    static let minimumLetters = 3

    /// Whether the tokens mix shouted and non-shouted words (`defaultMode`: by that mode's definition).
    static func capsDiffer(_ t: Tokens, defaultMode: Bool) -> Bool {
        var shouted = 0, other = 0
        for token in t {
            if token.shouted { shouted += 1 } else if countsAsPlain(token, defaultMode: defaultMode) { other += 1 }
        }
        return shouted > 0 && other > 0
    }

    /// Whether a token that does not shout shows the text is not all in capitals: any such token in vader
    /// mode, one with a lower-case letter in default mode.
    @inline(__always)
    static func countsAsPlain(_ token: Token, defaultMode: Bool) -> Bool {
        !defaultMode || (token.hasLetters && !token.upper)
    }

    @inline(__always)
    static func apply(_ valence: Double, _ token: Token, capsDiffer: Bool) -> Double {
        guard token.shouted && capsDiffer else { return valence }
        return valence > 0 ? valence + increment : valence - increment
    }
}
