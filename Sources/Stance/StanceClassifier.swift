import Sentiment
import TextProcessing
import ThreadModel

public struct StanceOptions: Sendable, Codable, Hashable {
    /// Below this |score| a comment is neutral.
    public var threshold: Double
    public init(threshold: Double = 0.2) { self.threshold = threshold }
}

/// The stance stage. First rule: sentences that mention the target carry their sentiment to it.
public struct StanceClassifier: Sendable {
    public var profile: StanceProfile
    public var options: StanceOptions

    public init(profile: StanceProfile, options: StanceOptions = StanceOptions()) {
        self.profile = profile
        self.options = options
    }

    public func run(threads: [DiscussionThread], sentiments: [CommentKey: CommentSentiment]) -> [CommentStance] {
        let aliases = ([profile.target] + profile.aliases).map { $0.lowercased() }
        var out: [CommentStance] = []
        for thread in threads {
            for c in thread.comments {
                var evidence: [StanceEvidence] = []
                for s in sentiments[c.key]?.sentences ?? [] where !s.isQuoted {
                    let text = c.text.slice(s.span).lowercased()
                    if let alias = aliases.first(where: { text.contains($0) }), s.scores.compound != 0 {
                        evidence.append(StanceEvidence(rule: "target-sentiment", matched: alias, span: s.span,
                                                       contribution: s.scores.compound))
                    }
                }
                let raw = evidence.reduce(0) { $0 + $1.contribution }
                let score = max(-1, min(1, raw))
                let label: StanceLabel = score > options.threshold ? .pro : score < -options.threshold ? .anti : .neutral
                out.append(CommentStance(key: c.key, label: label, score: score,
                                         confidence: min(1, abs(score)), evidence: evidence))
            }
        }
        return out
    }
}
