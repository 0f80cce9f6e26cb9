import ThreadModel

/// Where a comment stands toward the profile's target.
public enum StanceLabel: String, Sendable, Codable, CaseIterable {
    case pro
    case anti
    case neutral
    case offTopic = "off_topic"
}

/// Whether the stance is the comment's own or taken from its parent.
public enum StanceSource: String, Sendable, Codable, CaseIterable {
    case direct
    case inherited
    case inverted
}

/// One piece of evidence: what matched, where, which rule, and how much it moved the score.
///
/// `weight` is the rule's raw push (cue weight × clause factor × negation, sentiment × rule
/// weight...); `contribution` is that push after the common squashing factor tanh(R)/R, where R
/// is the sum of all weights, so that the contributions of a comment add up to its score.
public struct StanceEvidence: Sendable, Hashable, Codable {
    /// The rule that fired ("cue", "target-sentiment", "comparison", "reply-agrees"...).
    public var rule: String
    /// The words matched (the alias, the cue pattern, the reply marker); never empty: the
    /// classifier fills an empty one with the words its span covers, else "(rule)".
    public var matched: String
    /// Where, in UTF-8 byte offsets into the comment's text; nil for evidence from the parent.
    public var span: Span?
    public var contribution: Double
    /// The raw push before squashing.
    public var weight: Double
    /// Why this counts (the cue's note, the comparison found...).
    public var note: String

    public init(rule: String, matched: String, span: Span? = nil, contribution: Double,
                weight: Double? = nil, note: String = "") {
        self.rule = rule
        self.matched = matched
        self.span = span
        self.contribution = contribution
        self.weight = weight ?? contribution
        self.note = note
    }

    /// Raw evidence from a rule, before squashing: contribution equals weight until finalised.
    static func raw(_ rule: String, _ matched: String, _ span: Span?, _ weight: Double, note: String = "") -> StanceEvidence {
        StanceEvidence(rule: rule, matched: matched, span: span, contribution: weight, weight: weight, note: note)
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
