import Foundation
import TextProcessing
import ThreadModel

/// Scores text and comments with a VADER-class lexicon engine.
///
/// - `.vader` mode reproduces vaderSentiment 3.3.2 (rounded like it: compound to 4 decimals, proportions
///   to 3) on whatever text it is given.
/// - `.default` mode scores sentence by sentence with the domain overlay and the fixes listed in
///   docs/sentiment.md, and aggregates sentences as ``CommentAggregation`` describes.
///
/// Build one analyser and reuse it: construction interns the lexicon (a few milliseconds); scoring is then
/// pure and thread-safe.
public struct SentimentAnalyzer: Sendable {
    public let lexicon: Lexicon
    public let options: SentimentOptions
    let scorer: SentenceScorer

    public init(lexicon: Lexicon, options: SentimentOptions = SentimentOptions()) {
        self.lexicon = lexicon
        self.options = options
        self.scorer = SentenceScorer(vocabulary: Vocabulary(lexicon: lexicon, mode: options.mode), mode: options.mode)
    }

    /// Scores one piece of text: as a whole in vader mode, sentence by sentence in default mode.
    ///
    /// Works on the string's own UTF-8 storage (a bridged string without contiguous storage is copied
    /// once); see ``Bytes``. Complexity O(n) in bytes, no heap allocation for sentence-sized text in the
    /// common cases (one sentence, ASCII words).
    public func polarityScores(_ text: String) -> SentimentScores {
        if let scores = text.utf8.withContiguousStorageIfAvailable({ polarityScores(bytes: $0) }) { return scores }
        return Array(text.utf8).withUnsafeBufferPointer { polarityScores(bytes: $0) }
    }

    func polarityScores(bytes b: Bytes) -> SentimentScores {
        switch options.mode {
        case .vader:
            return scorer.summary(b, 0, b.count).scores
        case .default:
            var total = CommentAggregation.Accumulator()
            if let one = SingleSentence.span(b) {
                if one.lowerBound < one.upperBound { total.add(scorer.summary(b, one.lowerBound, one.upperBound)) }
                return total.scores
            }
            let bytes = Array(b)
            var spans: [Span] = []
            SentenceSplitter.split(bytes, in: 0..<bytes.count, into: &spans)
            for span in spans { total.add(scorer.summary(b, span.start, span.end)) }
            return total.scores
        }
    }

    /// Scores a comment: each sentence on its own (quoted ones included, flagged), and the comment from the
    /// commenter's own sentences only. Sentences come from `comment.sentences` (spans into `text`); when
    /// ingest gave none, `text` is split here and a sentence inside a quote span counts as quoted.
    ///
    /// In vader mode the comment score is vaderSentiment on the own sentences joined by spaces (the numbers
    /// 3.3.2 users know for that text); in default mode it is ``CommentAggregation`` over the own sentences.
    public func analyze(_ comment: Comment) -> CommentSentiment {
        let bytes = Array(comment.text.utf8)
        let sentences = comment.sentences.isEmpty ? Self.sentences(of: comment) : comment.sentences
        var scored: [SentenceSentiment] = []
        var own: [SentenceScorer.Result] = []
        var ownBytes: [UInt8] = []
        var contributions: [Contribution] = []
        for sentence in sentences {
            let lo = max(0, min(sentence.span.start, bytes.count)), hi = max(lo, min(sentence.span.end, bytes.count))
            let result = scorer.score(bytes, from: lo, to: hi)
            let c = Self.contributions(result, bytes: bytes, limit: options.topContributions)
            scored.append(SentenceSentiment(span: sentence.span, isQuoted: sentence.isQuoted,
                                            scores: result.scores, contributions: c))
            if !sentence.isQuoted {
                own.append(result)
                if !ownBytes.isEmpty { ownBytes.append(0x20) }
                ownBytes += bytes[lo..<hi]
                contributions += c
            }
        }
        let scores = options.mode == .vader ? scorer.score(ownBytes).scores
                                            : CommentAggregation.combine(own)
        return CommentSentiment(key: comment.key, scores: scores, sentences: scored,
                                contributions: Array(contributions.sorted(by: Self.larger).prefix(options.topContributions)))
    }

    /// Sentences of `text` when ingest supplied none, marked quoted when they overlap a quote span.
    static func sentences(of comment: Comment) -> [Sentence] {
        SentenceSplitter.split(comment.text).map { span in
            Sentence(span: span, isQuoted: comment.quotes.contains { $0.span.overlaps(span) })
        }
    }

    /// Tokens with a non-zero final score, largest magnitude first (ties by position).
    static func contributions(_ r: SentenceScorer.Result, bytes: [UInt8], limit: Int) -> [Contribution] {
        var out: [Contribution] = []
        for (k, token) in r.tokens.enumerated() where r.wordScores[k] != 0 {
            let term = String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
            out.append(Contribution(term: term, value: r.wordScores[k], span: Span(Int(token.start), Int(token.end))))
        }
        return Array(out.sorted(by: larger).prefix(limit))
    }

    static func larger(_ a: Contribution, _ b: Contribution) -> Bool {
        if abs(a.value) != abs(b.value) { return abs(a.value) > abs(b.value) }
        return (a.span ?? Span(0, 0)) < (b.span ?? Span(0, 0))
    }
}
