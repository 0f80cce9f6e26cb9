import Foundation
import LinearAlgebra
import Reports
import Stance
import ThreadModel

/// Re-aggregation after every run: stance summaries and the day's history rows.
///
/// Both read every comment's results by position (`CommentColumns`), so no pass hashes a comment key;
/// a comment's topic here is its assignment's topic unless the assignment is an outlier.
enum Aggregation {
    /// One history row per (source, thread, topic, stance) present today.
    ///
    /// count = comments with that stance in that thread and topic; weightedCount sums the weighting;
    /// share = count / n where n counts the thread's comments in that topic (any stance), with its
    /// 95% Wilson interval. Rows are sorted by source, thread, topic (none first), stance order.
    ///
    /// Threads are put in row order first; runs of threads sharing a source and id (which ingest does
    /// not produce) are one group, summed in input order. Runs are counted on every core in
    /// consecutive chunks and their rows joined in order, and every sum adds the same terms in the
    /// same order as a plain loop, so the rows do not depend on the number of cores.
    static func history(
        date: String, threads: [DiscussionThread], columns: CommentColumns, labels: [Int: String],
        weighting: StanceWeighting
    ) -> [HistoryRow] {
        let order = threads.indices.sorted { a, b in
            (threads[a].source.rawValue, threads[a].id, a) < (threads[b].source.rawValue, threads[b].id, b)
        }
        let runs: [Range<Int>] = {
            var runs: [Range<Int>] = []
            var start = 0
            for k in order.indices.dropFirst() {
                let (p, q) = (threads[order[k - 1]], threads[order[k]])
                if p.source != q.source || p.id != q.id { runs.append(start..<k); start = k }
            }
            if !order.isEmpty { runs.append(start..<order.count) }
            return runs
        }()
        let allLabels = StanceLabel.allCases
        let parts = Parallel.mapChunks(count: runs.count, chunkSize: 256) { chunk -> [HistoryRow] in
            var rows: [HistoryRow] = []
            for run in runs[chunk] {
                // Per topic (-1 for none): count and weight per label, in `allLabels` order.
                var counts: [Int: [Int]] = [:]
                var weights: [Int: [Double]] = [:]
                for k in run {
                    let thread = threads[order[k]]
                    let base = columns.offsets[order[k]]
                    for (j, c) in thread.comments.enumerated() {
                        guard let s = columns.stances[base + j], let label = allLabels.firstIndex(of: s.label) else { continue }
                        let a = columns.topics[base + j]
                        let topic = a.flatMap { $0.isOutlier ? nil : $0.topic } ?? -1
                        counts[topic, default: Array(repeating: 0, count: allLabels.count)][label] += 1
                        weights[topic, default: Array(repeating: 0, count: allLabels.count)][label] += weighting.weight(c.score)
                    }
                }
                let first = threads[order[run.lowerBound]]
                for topic in counts.keys.sorted() {
                    let byLabel = counts[topic] ?? [], sums = weights[topic] ?? []
                    let n = byLabel.reduce(0, +)
                    let id: Int? = topic >= 0 ? topic : nil
                    for (index, label) in allLabels.enumerated() where byLabel[index] > 0 {
                        let k = byLabel[index]
                        rows.append(HistoryRow(
                            date: date, source: first.source.rawValue, threadID: first.id, topicID: id,
                            topicLabel: id.flatMap { labels[$0] } ?? "", stance: label, count: k, weightedCount: sums[index],
                            share: Double(k) / Double(n), interval: Interval.wilson(successes: Double(k), n: Double(n))))
                    }
                }
            }
            return rows
        }
        return parts.flatMap { $0 }
    }

    /// Stance summaries overall, per thread and per stable topic.
    ///
    /// `stances` holds the same stances as `columns`, by key, for `StanceAggregator`. The summaries are
    /// independent, so they are computed on every core: the overall one, one per topic and the threads
    /// in chunks, the largest first. Each is the same function of the same comments whatever the number
    /// of cores, and each lands in its own slot.
    static func summaries(
        threads: [DiscussionThread], columns: CommentColumns, stances: [CommentKey: CommentStance],
        aggregator: StanceAggregator
    ) -> (overall: StanceSummary, byThread: [String: StanceSummary], byTopic: [Int: StanceSummary]) {
        var all: [Comment] = []
        all.reserveCapacity(columns.count)
        var perTopic: [Int: [Comment]] = [:]
        for (i, thread) in threads.enumerated() {
            let base = columns.offsets[i]
            for (j, c) in thread.comments.enumerated() {
                all.append(c)
                if let a = columns.topics[base + j], !a.isOutlier { perTopic[a.topic, default: []].append(c) }
            }
        }
        enum Job: Sendable {
            case overall
            case topic(Int)
            case threads(Range<Int>)
        }
        let topicIDs = perTopic.keys.sorted()
        let jobs: [Job] = [.overall] + topicIDs.map { .topic($0) }
            + stride(from: 0, to: threads.count, by: 256).map { .threads($0..<min(threads.count, $0 + 256)) }
        let (everything, topicComments) = (all, perTopic)
        let done = Parallel.mapChunks(count: jobs.count, chunkSize: 1) { range -> [StanceSummary] in
            switch jobs[range.lowerBound] {
            case .overall: return [aggregator.summarize(everything, stances: stances)]
            case let .topic(id): return [aggregator.summarize(topicComments[id] ?? [], stances: stances)]
            case let .threads(r): return r.map { aggregator.summarize(threads[$0].comments, stances: stances) }
            }
        }
        var byThread: [String: StanceSummary] = [:]
        byThread.reserveCapacity(threads.count)
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
