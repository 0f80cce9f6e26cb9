import Foundation
import ThreadModel

/// How a comment's moderation or vote score weighs in the weighted shares.
public struct StanceWeighting: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable {
        /// Every comment weighs 1.
        case none
        /// weight = max(minimum, score + offset); comments without a score weigh `missing`.
        case linear
    }
    public var kind: Kind
    public var offset: Double
    public var minimum: Double
    public var missing: Double

    public init(kind: Kind = .linear, offset: Double = 2, minimum: Double = 0, missing: Double = 1) {
        self.kind = kind
        self.offset = offset
        self.minimum = minimum
        self.missing = missing
    }

    public func weight(_ score: Int?) -> Double {
        switch kind {
        case .none: return 1
        case .linear:
            guard let s = score else { return missing }
            return max(minimum, Double(s) + offset)
        }
    }

    /// The formula in words, written into reports.
    public var formula: String {
        switch kind {
        case .none: return "weight = 1"
        case .linear: return "weight = max(\(minimum), score + \(offset)); no score: \(missing)"
        }
    }
}

/// A 95% Wilson score interval for a proportion.
public struct Interval: Sendable, Codable, Hashable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Wilson interval for `successes` out of `n` (n may be fractional for weighted counts), z = 1.96:
    ///
    ///     centre = (p + z²/2n) / (1 + z²/n),  half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n)
    ///
    /// Unlike p ± z·√(p(1−p)/n) it stays inside [0, 1] and is not zero-width at p = 0 or 1.
    /// An empty sample (n = 0) gives [0, 0].
    public static func wilson(successes: Double, n: Double, z: Double = 1.959963984540054) -> Interval {
        guard n > 0 else { return Interval(lower: 0, upper: 0) }
        let p = min(1, max(0, successes / n))
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z * ((p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()) / (1 + z2 / n)
        return Interval(lower: max(0, centre - half), upper: min(1, centre + half))
    }
}

/// One label's count and share, raw and weighted.
public struct LabelShare: Sendable, Codable, Hashable {
    public var label: StanceLabel
    public var count: Int
    public var share: Double
    public var interval: Interval
    public var weightedCount: Double
    public var weightedShare: Double
    public var weightedInterval: Interval
}

/// Counts and shares of each label over a set of comments, with the strongest comments each way.
public struct StanceSummary: Sendable, Codable, Hashable {
    public var total: Int
    public var weighting: StanceWeighting
    /// One entry per label, in `StanceLabel.allCases` order.
    public var shares: [LabelShare]
    /// Highest scores first.
    public var mostPro: [CommentStance]
    /// Lowest scores first.
    public var mostAnti: [CommentStance]
    /// Comments whose stance was taken from their parent (agreeing) or its inverse (disagreeing).
    public var inherited: Int = 0
    public var inverted: Int = 0
    /// Kish's effective sample size of the weights, (Σw)² / Σw², used for the weighted intervals.
    public var effectiveN: Double = 0
}

/// The stance summary of one thread.
public struct ThreadStanceSummary: Sendable, Codable, Hashable {
    public var threadID: String
    public var title: String?
    public var summary: StanceSummary
}

/// Aggregates per-comment stances into summaries.
public struct StanceAggregator: Sendable {
    public var weighting: StanceWeighting
    public var top: Int

    public init(weighting: StanceWeighting = StanceWeighting(), top: Int = 5) {
        self.weighting = weighting
        self.top = top
    }

    /// Summarises the given comments (all threads together).
    ///
    /// Raw shares: k/n with a Wilson interval on (k, n). Weighted shares: Σw over the label / Σw,
    /// with a Wilson interval on (share × n_eff, n_eff), where n_eff = (Σw)² / Σw² is Kish's
    /// effective sample size. Using Σw as n instead would make the interval narrower the larger
    /// the vote scores, as if a comment with score 500 were 500 independent opinions.
    ///
    /// Comments without a stance are left out; a comment with weight 0 counts in the raw shares only.
    public func summarize(_ comments: [Comment], stances: [CommentKey: CommentStance]) -> StanceSummary {
        var counts: [StanceLabel: Int] = [:]
        var weights: [StanceLabel: Double] = [:]
        var sumW = 0.0, sumW2 = 0.0
        var all: [CommentStance] = []
        for c in comments {
            guard let s = stances[c.key] else { continue }
            let w = weighting.weight(c.score)
            counts[s.label, default: 0] += 1
            weights[s.label, default: 0] += w
            sumW += w
            sumW2 += w * w
            all.append(s)
        }
        let n = all.count
        let nEff = sumW2 > 0 ? sumW * sumW / sumW2 : 0
        let shares = StanceLabel.allCases.map { label -> LabelShare in
            let k = counts[label] ?? 0
            let w = weights[label] ?? 0
            let ws = sumW > 0 ? w / sumW : 0
            return LabelShare(
                label: label, count: k, share: n > 0 ? Double(k) / Double(n) : 0,
                interval: Interval.wilson(successes: Double(k), n: Double(n)),
                weightedCount: w, weightedShare: ws,
                weightedInterval: Interval.wilson(successes: ws * nEff, n: nEff))
        }
        let pro = all.filter { $0.label == .pro }.sorted { ($0.score, $1.key) > ($1.score, $0.key) }
        let anti = all.filter { $0.label == .anti }.sorted { ($0.score, $0.key) < ($1.score, $1.key) }
        return StanceSummary(total: n, weighting: weighting, shares: shares,
                             mostPro: Array(pro.prefix(top)), mostAnti: Array(anti.prefix(top)),
                             inherited: all.filter { $0.source == .inherited }.count,
                             inverted: all.filter { $0.source == .inverted }.count,
                             effectiveN: nEff)
    }

    /// Summarises all threads together, from the classifier's output list.
    public func summarize(_ threads: [DiscussionThread], stances: [CommentStance]) -> StanceSummary {
        let byKey = Self.index(stances)
        return summarize(threads.flatMap(\.comments), stances: byKey)
    }

    /// One summary per thread, in the order given.
    public func summarizeByThread(_ threads: [DiscussionThread], stances: [CommentStance]) -> [ThreadStanceSummary] {
        let byKey = Self.index(stances)
        return threads.map {
            ThreadStanceSummary(threadID: $0.id, title: $0.title, summary: summarize($0.comments, stances: byKey))
        }
    }

    /// Stances by comment key; a key given twice keeps its first stance.
    public static func index(_ stances: [CommentStance]) -> [CommentKey: CommentStance] {
        var out: [CommentKey: CommentStance] = [:]
        out.reserveCapacity(stances.count)
        for s in stances where out[s.key] == nil { out[s.key] = s }
        return out
    }
}
