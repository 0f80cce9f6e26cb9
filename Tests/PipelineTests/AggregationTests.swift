import Foundation
@testable import Pipeline
import Reports
import Stance
import Testing
import ThreadModel
import Topics

/// The day's history rows and the stance summaries, read from results by position.
@Suite struct AggregationTests {
    /// Three threads in input order b, a, c; labels, scores and topics chosen by hand.
    /// Comment b/c4 has no stance; a/c1 has no topic; c/c0 is an outlier of topic 7, so it has none.
    func sample() -> (threads: [DiscussionThread], columns: CommentColumns) {
        let loc = SourceLocation(file: "x.jsonl", line: 1)
        func thread(_ id: String, _ scores: [Int?]) -> DiscussionThread {
            let comments = scores.enumerated().map { i, score in
                ThreadModel.Comment(id: "c\(i)", threadID: id, parentID: nil, author: "ann", postedAt: Double(i),
                                    score: score, rawText: "text \(i)", location: loc)
            }
            return DiscussionThread(id: id, source: .jsonl, title: id, file: "x.jsonl", comments: comments)
        }
        let threads = [thread("b", [3, nil, -5, 1, 0]), thread("a", [1, 2]), thread("c", [4])]
        var columns = CommentColumns(threads: threads)
        // (position, label, topic, outlier)
        let plan: [(Int, StanceLabel?, Int?, Bool)] = [
            (0, .pro, 7, false), (1, .anti, 7, false), (2, .pro, 7, false), (3, .neutral, 2, false), (4, nil, 2, false),
            (5, .anti, 2, false), (6, .pro, nil, false), (7, .pro, 7, true),
        ]
        let keys = threads.flatMap { $0.comments.map(\.key) }
        for (p, label, topic, outlier) in plan {
            if let label {
                columns.stances[p] = CommentStance(key: keys[p], label: label, score: label == .pro ? 0.5 : -0.5, confidence: 1)
            }
            if let topic {
                columns.topics[p] = TopicAssignment(documentID: keys[p].description, topic: topic, similarity: 0.5, isOutlier: outlier)
            }
        }
        return (threads, columns)
    }

    @Test func columnsAreLaidOutThreadByThread() {
        let (threads, columns) = sample()
        #expect(columns.offsets == [0, 5, 7, 8])
        #expect(columns.count == 8)
        #expect(columns.range(ofThread: 1) == 5..<7)
        #expect(columns.fits(threads))
        #expect(!columns.fits(Array(threads.dropLast())))
        #expect(!columns.fits([threads[1], threads[0], threads[2]]))
    }

    @Test func historyGroupsByThreadAndTopicWithTheWeightsSummed() {
        let (threads, columns) = sample()
        let rows = Aggregation.history(date: "2026-01-02", threads: threads, columns: columns,
                                       labels: [2: "two", 7: "seven"], weighting: StanceWeighting())
        let got = rows.map { "\($0.source) \($0.threadID) \($0.topicID.map(String.init) ?? "-") \($0.topicLabel) "
            + "\($0.stance.rawValue) \($0.count) \($0.weightedCount) \($0.share)" }
        // Weights: max(0, score + 2), 1 without a score; rows by thread id, topic (none first), label order.
        #expect(got == [
            "jsonl a -  pro 1 4.0 1.0",
            "jsonl a 2 two anti 1 3.0 1.0",
            "jsonl b 2 two neutral 1 3.0 1.0",
            "jsonl b 7 seven pro 2 5.0 \(2.0 / 3.0)",
            "jsonl b 7 seven anti 1 1.0 \(1.0 / 3.0)",
            "jsonl c -  pro 1 6.0 1.0",
        ])
        #expect(rows.allSatisfy { $0.date == "2026-01-02" })
        #expect(rows[3].interval == Interval.wilson(successes: 2, n: 3))
    }

    @Test func summariesMatchTheAggregatorOnTheSameComments() {
        let (threads, columns) = sample()
        let aggregator = StanceAggregator(weighting: StanceWeighting())
        var stances: [CommentKey: CommentStance] = [:]
        for s in columns.stances { if let s { stances[s.key] = s } }
        let (overall, byThread, byTopic) = Aggregation.summaries(
            threads: threads, columns: columns, stances: stances, aggregator: aggregator)
        #expect(overall == aggregator.summarize(threads.flatMap(\.comments), stances: stances))
        #expect(overall.total == 7)
        #expect(byThread.keys.sorted() == ["a", "b", "c"])
        #expect(byThread["b"] == aggregator.summarize(threads[0].comments, stances: stances))
        #expect(byThread["c"]?.total == 1)
        // The outlier of topic 7 is in no topic.
        #expect(byTopic.keys.sorted() == [2, 7])
        let all = threads.flatMap(\.comments)
        #expect(byTopic[7] == aggregator.summarize(Array(all[0..<3]), stances: stances))
        #expect(byTopic[2] == aggregator.summarize([all[3], all[4], all[5]], stances: stances))
        #expect(byTopic[2]?.total == 2)
    }
}

/// Jobs begun on a low-priority thread and finished by the caller.
@Suite struct SpareWorkTests {
    @Test func resultsAreInJobOrderHoweverFarTheBackgroundGot() {
        let job: @Sendable (Int) -> [Int] = { i in (0...i).map { $0 * $0 } }
        let want = (0..<40).map(job)
        // Finished at once (the background may have done nothing) and after it has had time.
        #expect(SpareWork(count: 40, job).finish() == want)
        let later = SpareWork(count: 40, job)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(later.completedInBackground <= 40)
        #expect(later.finish() == want)
        #expect(SpareWork(count: 0, job).finish().isEmpty)
    }

    @Test func threadSummaryJobsGiveTheSummariesOfAPlainLoop() {
        let (threads, columns) = AggregationTests().sample()
        let aggregator = StanceAggregator(weighting: StanceWeighting())
        var stances: [CommentKey: CommentStance] = [:]
        for s in columns.stances { if let s { stances[s.key] = s } }
        let jobs = ThreadSummaryJobs(threads: threads, stances: stances, aggregator: aggregator)
        #expect(jobs.count == 1)
        let byThread = jobs.assemble(SpareWork(count: jobs.count) { jobs.run($0) }.finish())
        #expect(byThread.count == 3)
        for t in threads { #expect(byThread[t.id] == aggregator.summarize(t.comments, stances: stances)) }
    }
}
