import ThreadModel

/// VADER-style scores: compound in [-1, 1]; pos + neu + neg = 1 (or all 0 for empty text).
public struct SentimentScores: Sendable, Hashable, Codable {
    public var compound: Double
    public var pos: Double
    public var neu: Double
    public var neg: Double

    public init(compound: Double = 0, pos: Double = 0, neu: Double = 0, neg: Double = 0) {
        self.compound = compound
        self.pos = pos
        self.neu = neu
        self.neg = neg
    }
}

/// One word's or phrase's share of a score.
public struct Contribution: Sendable, Hashable, Codable {
    public var term: String
    public var value: Double
    /// Where it occurs in the comment's `text`, when known.
    public var span: Span?

    public init(term: String, value: Double, span: Span? = nil) {
        self.term = term
        self.value = value
        self.span = span
    }
}

/// The score of one sentence.
public struct SentenceSentiment: Sendable, Hashable, Codable {
    public var span: Span
    public var isQuoted: Bool
    public var scores: SentimentScores
    public var contributions: [Contribution]

    public init(span: Span, isQuoted: Bool, scores: SentimentScores, contributions: [Contribution] = []) {
        self.span = span
        self.isQuoted = isQuoted
        self.scores = scores
        self.contributions = contributions
    }
}

/// A comment's sentiment: its own words' score, per-sentence scores and the top contributions.
public struct CommentSentiment: Sendable, Hashable, Codable {
    public var key: CommentKey
    public var scores: SentimentScores
    public var sentences: [SentenceSentiment]
    /// Largest contributions first.
    public var contributions: [Contribution]

    public init(key: CommentKey, scores: SentimentScores, sentences: [SentenceSentiment] = [],
                contributions: [Contribution] = []) {
        self.key = key
        self.scores = scores
        self.sentences = sentences
        self.contributions = contributions
    }
}

/// Which rule set scores text.
public enum SentimentMode: String, Sendable, Codable, CaseIterable {
    /// Reproduces vaderSentiment 3.3.2, quirks included.
    case vader
    /// Per-sentence scoring with the domain overlay and fixes for discussion threads.
    case `default`
}

/// Options of the sentiment stage; defaults live here only.
public struct SentimentOptions: Sendable, Codable, Hashable {
    public var mode: SentimentMode
    /// How many contributions (largest magnitude first) to keep per sentence and per comment.
    public var topContributions: Int

    public init(mode: SentimentMode = .default, topContributions: Int = 5) {
        self.mode = mode
        self.topContributions = topContributions
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SentimentOptions()
        mode = try c.decodeIfPresent(SentimentMode.self, forKey: .mode) ?? d.mode
        topContributions = try c.decodeIfPresent(Int.self, forKey: .topContributions) ?? d.topContributions
    }
}
