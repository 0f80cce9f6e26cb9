import ThreadModel

/// Where a comment stands toward the profile's target.
public enum StanceLabel: String, Sendable, Codable, CaseIterable {
    case pro
    case anti
    case neutral
    case offTopic = "off_topic"
}

/// Whether the stance is the comment's own or taken from its parent.
public enum StanceSource: String, Sendable, Codable {
    case direct
    case inherited
    case inverted
}

/// One piece of evidence: what matched, where, which rule, and how much it moved the score.
public struct StanceEvidence: Sendable, Hashable, Codable {
    public var rule: String
    public var matched: String
    public var span: Span?
    public var contribution: Double

    public init(rule: String, matched: String, span: Span? = nil, contribution: Double) {
        self.rule = rule
        self.matched = matched
        self.span = span
        self.contribution = contribution
    }
}

public struct CommentStance: Sendable, Hashable, Codable {
    public var key: CommentKey
    public var label: StanceLabel
    /// In [-1, 1]: negative is against the target.
    public var score: Double
    /// In [0, 1].
    public var confidence: Double
    public var source: StanceSource
    /// The contributions add up to `score`.
    public var evidence: [StanceEvidence]

    public init(key: CommentKey, label: StanceLabel, score: Double, confidence: Double,
                source: StanceSource = .direct, evidence: [StanceEvidence] = []) {
        self.key = key
        self.label = label
        self.score = score
        self.confidence = confidence
        self.source = source
        self.evidence = evidence
    }
}
