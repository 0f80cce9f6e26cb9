import Foundation
import Sentiment
import Stance
import ThreadModel
import Topics

/// One comment with everything the reports say about it.
///
/// The comment itself stays in its thread (`ReportModel.comment(_:)`), so a row is small: a million
/// rows cost about 150 MB rather than a copy of every comment.
struct CommentRow: Sendable {
    var threadIndex: Int32
    var commentIndex: Int32
    var source: SourceFormat
    var sentiment: SentimentScores?
    var stance: CommentStance?
    var topic: Int?
    var topicSimilarity: Double
    var topicOutlier: Bool
    /// The comment's weight under the run's stance weighting.
    var weight: Double

    /// The evidence that moved the score most (largest |contribution|, earliest on ties).
    var topEvidence: StanceEvidence? {
        var best: StanceEvidence?
        for e in stance?.evidence ?? [] where best.map({ abs(e.contribution) > abs($0.contribution) }) ?? true {
            best = e
        }
        return best
    }
}

/// The input put in report order once, so that every file lists things the same way.
///
/// Order: threads by (source, thread id, file); comments by thread, then order of appearance; topics by
/// id; history by (date, source, thread, topic id with no topic first, stance label order). No
/// dictionary is ever iterated to produce output.
struct ReportModel: Sendable {
    var input: ReportInput
    var threads: [DiscussionThread]
    var comments: [CommentRow]
    var topics: [Topic]
    var history: [HistoryRow]
    var topicLabels: [Int: String]
    /// `comments[threadRows[i]]` are the comments of `threads[i]`.
    var threadRows: [Range<Int>]
    /// Indices into `comments` of each topic's comments, in comment order.
    var topicRows: [Int: [Int]]

    init(_ input: ReportInput) {
        self.input = input
        let given = input.threads
        // Positions in `input.threads` in report order; ties (none in a run: thread ids are unique) keep input order.
        let reportOrder = given.indices.sorted { a, b in
            let (x, y) = (given[a], given[b])
            return (x.source.rawValue, x.id, x.file, a) < (y.source.rawValue, y.id, y.file, b)
        }
        threads = reportOrder.map { given[$0] }
        let columns = input.columns.flatMap { $0.fits(given) ? $0 : nil }
        topics = input.topics.topics.sorted { ($0.id, $0.label, $0.size) < ($1.id, $1.label, $1.size) }
        var labels: [Int: String] = [:]
        for t in topics where labels[t.id] == nil { labels[t.id] = t.label }
        topicLabels = labels
        let weighting = input.run.stanceWeighting
        // Rows are looked up on every core, a chunk of threads each, and joined in thread order.
        let sorted = threads
        let chunkSize = 64
        let chunkCount = (sorted.count + chunkSize - 1) / chunkSize
        let slots = OrderedSlots<[CommentRow]>(count: chunkCount, empty: [])
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var part: [CommentRow] = []
            for t in chunk * chunkSize..<min(sorted.count, (chunk + 1) * chunkSize) {
                let thread = sorted[t]
                let base = columns?.offsets[reportOrder[t]] ?? 0
                for (i, c) in thread.comments.enumerated() {
                    let sentiment: SentimentScores?, stance: CommentStance?, a: TopicAssignment?
                    if let columns {
                        (sentiment, stance, a) = (columns.sentiments[base + i]?.scores, columns.stances[base + i],
                                                  columns.topics[base + i])
                    } else {
                        let key = c.key
                        (sentiment, stance, a) = (input.sentiments[key]?.scores, input.stances[key], input.topicAssignments[key])
                    }
                    part.append(CommentRow(
                        threadIndex: Int32(t), commentIndex: Int32(i), source: thread.source,
                        sentiment: sentiment, stance: stance, topic: a?.topic,
                        topicSimilarity: a?.similarity ?? .nan, topicOutlier: a?.isOutlier ?? false,
                        weight: weighting.weight(c.score)))
                }
            }
            slots.put(chunk, part)
        }
        var rows: [CommentRow] = []
        rows.reserveCapacity(threads.reduce(0) { $0 + $1.comments.count })
        for chunk in 0..<chunkCount { rows += slots.take(chunk) }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(threads.count)
        var first = 0
        for thread in threads {
            ranges.append(first..<first + thread.comments.count)
            first += thread.comments.count
        }
        var byTopic: [Int: [Int]] = [:]
        for (k, r) in rows.enumerated() { if let t = r.topic { byTopic[t, default: []].append(k) } }
        comments = rows
        threadRows = ranges
        topicRows = byTopic
        let order = Dictionary(uniqueKeysWithValues: StanceLabel.allCases.enumerated().map { ($1, $0) })
        history = input.history.sorted { a, b in
            if a.date != b.date { return a.date < b.date }
            if a.source != b.source { return a.source < b.source }
            if a.threadID != b.threadID { return a.threadID < b.threadID }
            if a.topicID != b.topicID { return (a.topicID ?? Int.min) < (b.topicID ?? Int.min) }
            if a.stance != b.stance { return (order[a.stance] ?? 0) < (order[b.stance] ?? 0) }
            return (a.count, a.topicLabel, a.weightedCount, a.share) < (b.count, b.topicLabel, b.weightedCount, b.share)
        }
    }

    @inline(__always)
    func comment(_ r: CommentRow) -> Comment { threads[Int(r.threadIndex)].comments[Int(r.commentIndex)] }

    func topicLabel(_ r: CommentRow) -> String? { r.topic.flatMap { topicLabels[$0] } }

    /// Mean compound sentiment of the given rows that have a score; nil when none has.
    static func meanSentiment<C: Collection<CommentRow>>(_ rows: C) -> Double? {
        var sum = 0.0, n = 0
        for r in rows { if let s = r.sentiment { sum += s.compound; n += 1 } }
        return n > 0 ? sum / Double(n) : nil
    }

    func rows(ofThread index: Int) -> ArraySlice<CommentRow> { comments[threadRows[index]] }

    func rows(inTopic id: Int) -> [CommentRow] { (topicRows[id] ?? []).map { comments[$0] } }

    /// The topic most of the rows belong to (smallest id on ties).
    func dominantTopic<C: Collection<CommentRow>>(_ rows: C) -> Int? {
        var counts: [Int: Int] = [:]
        for r in rows { if let t = r.topic { counts[t, default: 0] += 1 } }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first?.key
    }

    /// Distinct named authors of the rows.
    func authors<C: Collection<CommentRow>>(_ rows: C) -> Int {
        Set(rows.compactMap { comment($0).author }).count
    }

    func maxDepth<C: Collection<CommentRow>>(_ rows: C) -> Int {
        rows.reduce(0) { max($0, comment($1).depth) }
    }
}

