import Foundation
import TextProcessing
import ThreadModel

/// Scores text with a valence lexicon.
///
/// First slice: sum of word valences, normalised as compound = s / sqrt(s² + 15).
public struct SentimentAnalyzer: Sendable {
    public let lexicon: Lexicon
    public let options: SentimentOptions

    public init(lexicon: Lexicon, options: SentimentOptions = SentimentOptions()) {
        self.lexicon = lexicon
        self.options = options
    }

    /// Scores one piece of text.
    public func polarityScores(_ text: String) -> SentimentScores {
        var sum = 0.0, pos = 0.0, neg = 0.0, neu = 0
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }) {
            if let v = lexicon.valences[String(word)] {
                sum += v
                if v > 0 { pos += v + 1 } else { neg += -v + 1 }
            } else {
                neu += 1
            }
        }
        let total = pos + neg + Double(neu)
        let compound = sum == 0 ? 0 : sum / (sum * sum + 15).squareRoot()
        guard total > 0 else { return SentimentScores() }
        return SentimentScores(compound: compound, pos: pos / total, neu: Double(neu) / total, neg: neg / total)
    }

    /// Scores a comment's own words, sentence by sentence.
    public func analyze(_ comment: Comment) -> CommentSentiment {
        let sentences = comment.sentences.map { s in
            SentenceSentiment(span: s.span, isQuoted: s.isQuoted, scores: polarityScores(comment.text.slice(s.span)))
        }
        return CommentSentiment(key: comment.key, scores: polarityScores(comment.ownText), sentences: sentences)
    }
}
