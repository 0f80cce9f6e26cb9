import Foundation
import LinearAlgebra
import Reports
import Stance
import ThreadModel

/// Re-aggregation after every run: stance summaries and the day's history rows.
///
/// Both read every comment's results by position (`CommentColumns`), so no pass hashes a comment key;
/// a comment's topic here is `CommentColumns.topicID(at:)`.
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
                        let topic = columns.topicID(at: base + j) ?? -1
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

    /// Stance summaries overall, per thread and per stable topic, computed here and now on every core.
    ///
    /// `stances` holds the same stances as `columns`, by key, for `StanceAggregator`. The runner
    /// makes the same summaries in two parts: `ThreadSummaryJobs` (per thread, which need no topic)
    /// while topics run, and `overallAndTopicSummaries` after.
    static func summaries(
        threads: [DiscussionThread], columns: CommentColumns, stances: [CommentKey: CommentStance],
        aggregator: StanceAggregator
    ) -> (overall: StanceSummary, byThread: [String: StanceSummary], byTopic: [Int: StanceSummary]) {
        let jobs = ThreadSummaryJobs(threads: threads, stances: stances, aggregator: aggregator)
        let byThread = jobs.assemble(Parallel.mapChunks(count: jobs.count, chunkSize: 1) { jobs.run($0.lowerBound) })
        let (overall, byTopic) = overallAndTopicSummaries(threads: threads, columns: columns, stances: stances,
                                                          aggregator: aggregator)
        return (overall, byThread, byTopic)
    }

    /// The overall stance summary and one per stable topic (a comment's topic as in `history`), each
    /// a job on every core, the overall one (the largest) first.
    ///
    /// Design note: both need every comment in one array, about 250 bytes a copy; they are made after
    /// topics, whose temporaries are the run's peak, rather than beside them.
    static func overallAndTopicSummaries(
        threads: [DiscussionThread], columns: CommentColumns, stances: [CommentKey: CommentStance],
        aggregator: StanceAggregator
    ) -> (overall: StanceSummary, byTopic: [Int: StanceSummary]) {
        var perTopic: [Int: [Comment]] = [:]
        for (i, thread) in threads.enumerated() {
            let base = columns.offsets[i]
            for (j, c) in thread.comments.enumerated() {
                if let topic = columns.topicID(at: base + j) { perTopic[topic, default: []].append(c) }
            }
        }
        let topicIDs = perTopic.keys.sorted()
        let topicComments = perTopic
        // Job 0 is the overall summary, job i >= 1 topic `topicIDs[i - 1]`.
        let done = Parallel.mapChunks(count: topicIDs.count + 1, chunkSize: 1) { range -> StanceSummary in
            let job = range.lowerBound
            return job == 0
                ? aggregator.summarize(threads.flatMap(\.comments), stances: stances)
                : aggregator.summarize(topicComments[topicIDs[job - 1]] ?? [], stances: stances)
        }
        return (done[0], Dictionary(uniqueKeysWithValues: zip(topicIDs, done.dropFirst())))
    }
}

/// The per-thread stance summaries as independent jobs: job `i` summarises the threads of chunk `i`.
/// Each job is the same function of the same comments whenever and wherever it runs, and reads the
/// comments in place (no copy of them is made).
struct ThreadSummaryJobs: Sendable {
    static let threadsPerJob = 256
    let threads: [DiscussionThread]
    let stances: [CommentKey: CommentStance]
    let aggregator: StanceAggregator

    var count: Int { (threads.count + Self.threadsPerJob - 1) / Self.threadsPerJob }

    func run(_ job: Int) -> [StanceSummary] {
        let start = job * Self.threadsPerJob
        return (start..<min(threads.count, start + Self.threadsPerJob)).map {
            aggregator.summarize(threads[$0].comments, stances: stances)
        }
    }

    /// The summaries by thread id (a thread id given twice keeps its last thread's), from every job's
    /// result in job order.
    func assemble(_ results: [[StanceSummary]]) -> [String: StanceSummary] {
        var byThread: [String: StanceSummary] = [:]
        byThread.reserveCapacity(threads.count)
        for (i, summary) in zip(threads.indices, results.joined()) { byThread[threads[i].id] = summary }
        return byThread
    }
}
