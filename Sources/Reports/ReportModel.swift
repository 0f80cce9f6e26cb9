import Sentiment
import Stance
import ThreadModel
import Topics

/// One comment with everything the reports say about it.
struct CommentRow: Sendable {
    var source: SourceFormat
    var comment: Comment
    var sentiment: CommentSentiment?
    var stance: CommentStance?
    var assignment: TopicAssignment?
    var topicLabel: String?
    /// The comment's weight under the run's stance weighting.
    var weight: Double

    var key: CommentKey { comment.key }

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
/// Order: threads by (source, thread id); comments by thread, then order of appearance; topics by id;
/// history by (date, source, thread, topic id with no topic first, stance label order). No dictionary
/// is ever iterated to produce output.
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
        threads = input.threads.sorted { ($0.source.rawValue, $0.id, $0.file) < ($1.source.rawValue, $1.id, $1.file) }
        topics = input.topics.topics.sorted { ($0.id, $0.label, $0.size) < ($1.id, $1.label, $1.size) }
        var labels: [Int: String] = [:]
        for t in topics where labels[t.id] == nil { labels[t.id] = t.label }
        topicLabels = labels
        let weighting = input.run.stanceWeighting
        var rows: [CommentRow] = []
        var ranges: [Range<Int>] = []
        var byTopic: [Int: [Int]] = [:]
        for thread in threads {
            let first = rows.count
            for c in thread.comments {
                let a = input.topicAssignments[c.key]
                rows.append(CommentRow(
                    source: thread.source, comment: c, sentiment: input.sentiments[c.key],
                    stance: input.stances[c.key], assignment: a, topicLabel: a.flatMap { labels[$0.topic] },
                    weight: weighting.weight(c.score)))
                if let t = a?.topic { byTopic[t, default: []].append(rows.count - 1) }
            }
            ranges.append(first..<rows.count)
        }
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

    /// Mean compound sentiment of the given rows that have a score; nil when none has.
    static func meanSentiment<C: Collection<CommentRow>>(_ rows: C) -> Double? {
        let values = rows.compactMap { $0.sentiment?.scores.compound }
        guard !values.isEmpty else { return nil }
        return values.reduce(0, +) / Double(values.count)
    }

    func rows(ofThread index: Int) -> ArraySlice<CommentRow> { comments[threadRows[index]] }

    func rows(inTopic id: Int) -> [CommentRow] { (topicRows[id] ?? []).map { comments[$0] } }

    /// The topic most comments of the rows belong to (smallest id on ties).
    func dominantTopic<C: Collection<CommentRow>>(_ rows: C) -> Int? {
        var counts: [Int: Int] = [:]
        for r in rows { if let t = r.assignment?.topic { counts[t, default: 0] += 1 } }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first?.key
    }
}
