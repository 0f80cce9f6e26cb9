import Foundation
import Reports
import Stance
import ThreadModel

/// Re-aggregation after every run: stance summaries and the day's history rows.
enum Aggregation {
    /// One history row per (source, thread, topic, stance) present today.
    ///
    /// count = comments with that stance in that thread and topic; weightedCount sums the weighting;
    /// share = count / n where n counts the thread's comments in that topic (any stance), with its
    /// 95% Wilson interval. Rows are sorted by source, thread, topic (none first), stance order.
    static func history(
        date: String, threads: [DiscussionThread], stances: [CommentKey: CommentStance],
        topicOf: [CommentKey: Int], labels: [Int: String], weighting: StanceWeighting
    ) -> [HistoryRow] {
        struct Group: Hashable, Comparable {
            var source: String, thread: String, topic: Int
            static func < (a: Group, b: Group) -> Bool { (a.source, a.thread, a.topic) < (b.source, b.thread, b.topic) }
        }
        var counts: [Group: [StanceLabel: (Int, Double)]] = [:]
        for thread in threads {
            for c in thread.comments {
                guard let s = stances[c.key] else { continue }
                let g = Group(source: thread.source.rawValue, thread: thread.id, topic: topicOf[c.key] ?? -1)
                let old = counts[g, default: [:]][s.label] ?? (0, 0)
                counts[g, default: [:]][s.label] = (old.0 + 1, old.1 + weighting.weight(c.score))
            }
        }
        var rows: [HistoryRow] = []
        for g in counts.keys.sorted() {
            let byLabel = counts[g] ?? [:]
            let n = StanceLabel.allCases.reduce(0) { $0 + (byLabel[$1]?.0 ?? 0) }
            for label in StanceLabel.allCases {
                guard let (k, w) = byLabel[label] else { continue }
                let topic: Int? = g.topic >= 0 ? g.topic : nil
                rows.append(HistoryRow(
                    date: date, source: g.source, threadID: g.thread, topicID: topic,
                    topicLabel: topic.flatMap { labels[$0] } ?? "", stance: label, count: k, weightedCount: w,
                    share: Double(k) / Double(n), interval: Interval.wilson(successes: Double(k), n: Double(n))))
            }
        }
        return rows
    }

    /// Stance summaries overall, per thread and per stable topic.
    static func summaries(
        threads: [DiscussionThread], stances: [CommentKey: CommentStance], topicOf: [CommentKey: Int],
        aggregator: StanceAggregator
    ) -> (overall: StanceSummary, byThread: [String: StanceSummary], byTopic: [Int: StanceSummary]) {
        let all = threads.flatMap(\.comments)
        var byThread: [String: StanceSummary] = [:]
        for t in threads { byThread[t.id] = aggregator.summarize(t.comments, stances: stances) }
        var perTopic: [Int: [Comment]] = [:]
        for c in all { if let t = topicOf[c.key] { perTopic[t, default: []].append(c) } }
        var byTopic: [Int: StanceSummary] = [:]
        for (t, comments) in perTopic { byTopic[t] = aggregator.summarize(comments, stances: stances) }
        return (aggregator.summarize(all, stances: stances), byThread, byTopic)
    }
}
