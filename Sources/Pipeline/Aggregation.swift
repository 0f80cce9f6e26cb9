import Foundation
import LinearAlgebra
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
    ///
    /// The summaries are independent, so they are computed on every core: the overall one, one per
    /// topic and the threads in chunks, the largest first. Each is the same function of the same
    /// comments whatever the number of cores, and each lands in its own slot.
    static func summaries(
        threads: [DiscussionThread], stances: [CommentKey: CommentStance], topicOf: [CommentKey: Int],
        aggregator: StanceAggregator
    ) -> (overall: StanceSummary, byThread: [String: StanceSummary], byTopic: [Int: StanceSummary]) {
        let all = threads.flatMap(\.comments)
        var perTopic: [Int: [Comment]] = [:]
        for c in all { if let t = topicOf[c.key] { perTopic[t, default: []].append(c) } }
        enum Job: Sendable {
            case overall
            case topic(Int)
            case threads(Range<Int>)
        }
        let topicIDs = perTopic.keys.sorted()
        let jobs: [Job] = [.overall] + topicIDs.map { .topic($0) }
            + stride(from: 0, to: threads.count, by: 256).map { .threads($0..<min(threads.count, $0 + 256)) }
        let topicComments = perTopic
        let done = Parallel.mapChunks(count: jobs.count, chunkSize: 1) { range -> [StanceSummary] in
            switch jobs[range.lowerBound] {
            case .overall: return [aggregator.summarize(all, stances: stances)]
            case let .topic(id): return [aggregator.summarize(topicComments[id] ?? [], stances: stances)]
            case let .threads(r): return r.map { aggregator.summarize(threads[$0].comments, stances: stances) }
            }
        }
        var byThread: [String: StanceSummary] = [:]
        var byTopic: [Int: StanceSummary] = [:]
        var overall = aggregator.summarize([], stances: [:])
        for (job, result) in zip(jobs, done) {
            switch job {
            case .overall: overall = result[0]
            case let .topic(id): byTopic[id] = result[0]
            case let .threads(r): for (i, summary) in zip(r, result) { byThread[threads[i].id] = summary }
            }
        }
        return (overall, byThread, byTopic)
    }
}
