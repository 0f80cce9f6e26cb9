/// Scores one piece of text (a sentence, or a whole text in vader mode) by applying the rules in order.
///
/// For each token, in order:
/// 1. a booster/dampener, or "kind" in "kind of", scores 0 itself (it only modifies the next words);
/// 2. a lexicon word starts from its valence, then ``NoRule``, ``CapsEmphasis``;
/// 3. for each of the three words before it that is not a lexicon word: its ``Boosters`` scalar (decayed by
///    distance), then ``Negation`` at that distance, and at distance 3 ``Idioms``;
///    In the default mode the look-back stops at the first lexicon word (``ModifierScope``).
/// 4. ``LeastRule``.
/// Then ``Contrast`` over all word scores, then ``PunctuationEmphasis`` and ``Normalisation``.
/// The default mode first merges overlay phrases (``PhraseRule``); its differences from vader mode live
/// in the rules themselves, each switched on `mode`.
final class SentenceScorer: Sendable {
    let vocabulary: Vocabulary
    let tokenizer: Tokenizer
    let mode: SentimentMode
    /// `mode == .default`, stored: the hot loops test a Bool instead of calling the enum's `==`.
    let isDefault: Bool

    init(vocabulary: Vocabulary, mode: SentimentMode) {
        self.vocabulary = vocabulary
        self.mode = mode
        isDefault = mode == .default
        self.tokenizer = Tokenizer(vocabulary: vocabulary, mode: mode)
    }

    /// A sentence's scores and what ``CommentAggregation`` needs of it.
    struct Summary {
        var scores: SentimentScores
        /// The sum of word scores before punctuation emphasis (0 when no word carries sentiment).
        var rawSum: Double
        /// `rawSum` moved away from 0 by the punctuation amplifier: what compound normalises.
        var amplifiedSum: Double
        /// Number of tokens (after phrase merging).
        var tokenCount: Int
    }

    /// Word-level result: the tokens, each token's final score, and the sentence's scores.
    struct Result {
        var tokens: [Token]
        var wordScores: [Double]
        var summary: Summary
        var scores: SentimentScores { summary.scores }
        var rawSum: Double { summary.rawSum }
        var amplifiedSum: Double { summary.amplifiedSum }
    }

    /// Scores `text[lo..<hi]` and keeps the tokens and word scores (for explanations and tests).
    func score(_ text: [UInt8], from lo: Int = 0, to hi: Int? = nil) -> Result {
        text.withUnsafeBufferPointer { b in
            withScored(b, lo, hi ?? b.count) { t, s, summary in
                Result(tokens: Array(t), wordScores: Array(s), summary: summary)
            }
        }
    }

    /// Scores `text[lo..<hi]`: the fast path, nothing kept but the summary.
    @inline(__always)
    func summary(_ text: Bytes, _ lo: Int, _ hi: Int) -> Summary {
        withScored(text, lo, hi) { _, _, summary in summary }
    }

    /// Scores `text[lo..<hi]` in temporary buffers and calls `body` with the tokens, their word scores
    /// and the summary.
    @inline(__always)
    func withScored<R>(_ text: Bytes, _ lo: Int, _ hi: Int,
                       _ body: (UnsafeBufferPointer<Token>, UnsafeBufferPointer<Double>, Summary) -> R) -> R {
        tokenizer.withTokens(text, lo, hi) { tokens, stats in
            let t = isDefault ? PhraseRule.apply(tokens, vocabulary, flags: stats.flags) : tokens
            // Merging a phrase changes the tokens the caps rule counts (rare): count them again then.
            let capsDiffer = t.count == tokens.count ? stats.capsDiffer
                                                     : CapsEmphasis.capsDiffer(UnsafeBufferPointer(t), defaultMode: isDefault)
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: max(t.count, 1)) { buffer in
                let s = UnsafeMutableBufferPointer(rebasing: buffer[0..<t.count])
                let tokens = UnsafeBufferPointer(t)
                wordScores(tokens, capsDiffer: capsDiffer, into: s)
                if stats.flags & UInt16(WordFlags.contrast) != 0 {
                    if isDefault {
                        Contrast.applyDefault(s, tokens, but: vocabulary.words.but, however: vocabulary.words.however)
                    } else {
                        Contrast.applyVader(s, tokens, but: vocabulary.words.but)
                    }
                }
                let amp = PunctuationEmphasis.amplifier(exclamations: stats.exclamations, questions: stats.questions,
                                                        mode: mode)
                let sums = Normalisation.Sums(UnsafeBufferPointer(s))
                let raw = sums.sum
                let amplified = raw > 0 ? raw + amp : (raw < 0 ? raw - amp : 0)
                let scores = Normalisation.scores(sums, amplifier: amp, round: !isDefault)
                return body(tokens, UnsafeBufferPointer(s),
                            Summary(scores: scores, rawSum: raw, amplifiedSum: amplified, tokenCount: t.count))
            }
        }
    }

    @inline(__always)
    private func wordScores(_ t: Tokens, capsDiffer: Bool, into s: UnsafeMutableBufferPointer<Double>) {
        let v = vocabulary
        let w = v.words
        for i in 0..<t.count {
            s[i] = 0
            let token = t[i]
            if token.isBooster { continue }
            if i < t.count - 1 && token.id == w.kind && t[i + 1].id == w.of { continue }
            guard token.inLexicon else { continue }
            let base = v.valence[Int(token.id)]
            var valence = NoRule.apply(base, lexiconValence: base, at: i, t, w)
            valence = CapsEmphasis.apply(valence, token, capsDiffer: capsDiffer)
            for distance in 0..<3 where i > distance {
                if t[i - distance - 1].inLexicon {
                    if isDefault { break }  // ModifierScope: a sentiment word ends the look-back
                    continue
                }
                var scalar = Boosters.scalar(t[i - distance - 1], valence: valence, capsDiffer: capsDiffer,
                                             vocabulary: v)
                if scalar != 0 { scalar *= Boosters.decay[distance] }
                valence += scalar
                valence = Negation.apply(valence, distance: distance, at: i, t, w)
                if distance == 2 { valence = Idioms.apply(valence, at: i, t, v.idioms) }
            }
            s[i] = LeastRule.apply(valence, at: i, t, w)
        }
    }
}

/// Tokens as the rules read them: a view of the scorer's temporary token buffer.
typealias Tokens = UnsafeBufferPointer<Token>
