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
            SentenceSplitter.forEachSentence(b, in: 0..<b.count) { total.add(scorer.summary(b, $0.start, $0.end)) }
            return total.scores
        }
    }

    /// Scores a comment: each sentence on its own (quoted ones included, flagged), and the comment from the
    /// commenter's own sentences only. Sentences come from `comment.sentences` (spans into `text`); when
    /// ingest gave none, `text` is split here and a sentence inside a quote span counts as quoted.
    ///
    /// In vader mode the comment score is vaderSentiment on the own sentences joined by spaces (the numbers
    /// 3.3.2 users know for that text); in default mode it is ``CommentAggregation`` over the own sentences.
    ///
    /// Works on the text's own UTF-8 storage like ``polarityScores(_:)``; each sentence is scored in
    /// temporary buffers and only its top contributions become `String`s.
    public func analyze(_ comment: Comment) -> CommentSentiment {
        if let r = comment.text.utf8.withContiguousStorageIfAvailable({ analyze(comment, bytes: $0) }) { return r }
        return Array(comment.text.utf8).withUnsafeBufferPointer { analyze(comment, bytes: $0) }
    }

    func analyze(_ comment: Comment, bytes: Bytes) -> CommentSentiment {
        let sentences = comment.sentences.isEmpty ? Self.sentences(of: comment) : comment.sentences
        let limit = options.topContributions
        var scored: [SentenceSentiment] = []
        scored.reserveCapacity(sentences.count)
        var total = CommentAggregation.Accumulator()
        var ownBytes: [UInt8] = []  // vader mode: the own sentences joined by spaces
        var own = 0, ownSummary: SentenceScorer.Summary?  // vader mode: the summary of a single own sentence
        var contributions: [Contribution] = []
        for sentence in sentences {
            let lo = max(0, min(sentence.span.start, bytes.count)), hi = max(lo, min(sentence.span.end, bytes.count))
            let (summary, c) = scorer.withScored(bytes, lo, hi) { tokens, scores, summary in
                (summary, Self.contributions(tokens, scores, bytes: bytes, limit: limit))
            }
            scored.append(SentenceSentiment(span: sentence.span, isQuoted: sentence.isQuoted,
                                            scores: summary.scores, contributions: c))
            if !sentence.isQuoted {
                total.add(summary)
                if options.mode == .vader {
                    if !ownBytes.isEmpty { ownBytes.append(0x20) }
                    ownBytes += bytes[lo..<hi]
                    own += 1
                    ownSummary = summary
                }
                contributions += c
            }
        }
        // One own sentence joined is that sentence: its score is already known.
        let scores: SentimentScores
        if options.mode != .vader {
            scores = total.scores
        } else if own == 1, let ownSummary {
            scores = ownSummary.scores
        } else {
            scores = ownBytes.withUnsafeBufferPointer { scorer.summary($0, 0, $0.count).scores }
        }
        return CommentSentiment(key: comment.key, scores: scores, sentences: scored,
                                contributions: Array(contributions.sorted(by: Self.larger).prefix(limit)))
    }

    /// Sentences of `text` when ingest supplied none, marked quoted when they overlap a quote span.
    static func sentences(of comment: Comment) -> [Sentence] {
        SentenceSplitter.split(comment.text).map { span in
            Sentence(span: span, isQuoted: comment.quotes.contains { $0.span.overlaps(span) })
        }
    }

    /// Tokens with a non-zero final score, largest magnitude first (ties by position), at most `limit`:
    /// the best are picked first and only they are turned into `String`s.
    static func contributions(_ t: Tokens, _ s: UnsafeBufferPointer<Double>, bytes: Bytes, limit: Int) -> [Contribution] {
        guard limit > 0 else { return [] }
        func better(_ a: Int, _ b: Int) -> Bool {
            if abs(s[a]) != abs(s[b]) { return abs(s[a]) > abs(s[b]) }
            return (t[a].start, t[a].end) < (t[b].start, t[b].end)
        }
        var top: [Int] = []  // token indices, best first; a later token goes after an equal one
        for k in 0..<t.count where s[k] != 0 {
            guard top.count < limit || better(k, top[top.count - 1]) else { continue }
            var p = top.count
            while p > 0 && better(k, top[p - 1]) { p -= 1 }
            top.insert(k, at: p)
            if top.count > limit { top.removeLast() }
        }
        return top.map { k in
            let start = Int(t[k].start), end = Int(t[k].end)
            return Contribution(term: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
                                value: s[k], span: Span(start, end))
        }
    }

    static func larger(_ a: Contribution, _ b: Contribution) -> Bool {
        if abs(a.value) != abs(b.value) { return abs(a.value) > abs(b.value) }
        return (a.span ?? Span(0, 0)) < (b.span ?? Span(0, 0))
    }
}
