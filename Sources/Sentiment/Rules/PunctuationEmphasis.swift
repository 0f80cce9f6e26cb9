/// Emphasis from "!" and "?": added to the magnitude of a non-zero sum before normalisation.
///
/// vader mode (3.3.2): over the whole text, each "!" adds 0.292, up to 4; two or three "?" add 0.18 each,
/// four or more add 0.96.
/// default mode: counted per sentence (a comment with four "!" somewhere no longer lifts every sentence),
/// with diminishing returns so "!!!!" does not saturate: the marks add 0.292, 0.219, 0.146, 0.073
/// (at most 0.73). Question marks as in 3.3.2.
/// Constants: vaderSentiment 3.3.2 `_amplify_ep`, `_amplify_qm`.
enum PunctuationEmphasis {
    static let exclamation = 0.292
    static let maxExclamations = 4
    static let question = 0.18
    static let manyQuestions = 0.96
    static let diminishingExclamation: [Double] = [0.292, 0.219, 0.146, 0.073]

    static func amplifier(exclamations: Int, questions: Int, mode: SentimentMode) -> Double {
        var ep = 0.0
        switch mode {
        case .vader:
            ep = Double(min(exclamations, maxExclamations)) * exclamation
        case .default:
            for k in 0..<min(exclamations, diminishingExclamation.count) { ep += diminishingExclamation[k] }
        }
        var qm = 0.0
        if questions > 1 { qm = questions <= 3 ? Double(questions) * question : manyQuestions }
        return ep + qm
    }
}
