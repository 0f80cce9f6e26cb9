import Foundation
import Reports
import Sentiment
import Stance
import ThreadModel
import Topics

/// A small report input written for these tests: two threads from two sources, pro, anti, neutral and
/// off-topic comments, a reply with a quote, and hostile text (markup, formulas, bidi and control characters).
enum Fixture {
    static let hostileAuthor = "\"><img src=x onerror=alert(1)>"
    static let formulaText = "=HYPERLINK(\"http://evil.example\",\"click\")"

    struct Spec {
        var thread: String
        var id: String
        var parent: String?
        var author: String?
        var score: Int?
        var moderation: String?
        var text: String
        var compound: Double?
        var stance: StanceLabel?
        var stanceScore: Double
        var evidence: String?   // a substring of text
        var topic: Int?
    }

    static let specs: [Spec] = [
        Spec(thread: "sd-100", id: "1", author: "kernelhacker", score: 5, moderation: "Insightful",
             text: "Memory safety in drivers is worth it. Rust makes whole classes of bugs impossible.",
             compound: 0.6124, stance: .pro, stanceScore: 0.71, evidence: "Rust makes whole classes of bugs impossible.", topic: 0),
        Spec(thread: "sd-100", id: "2", parent: "1", author: "grumpy_c", score: 2, moderation: "Interesting",
             text: "> Rust makes whole classes of bugs impossible.\nRust in the kernel is a maintenance burden nobody asked for.",
             compound: -0.4404, stance: .anti, stanceScore: -0.55, evidence: "Rust in the kernel is a maintenance burden", topic: 1),
        Spec(thread: "sd-100", id: "3", parent: "2", author: hostileAuthor, score: -1, moderation: "Troll",
             text: "<script>alert('x')</script> Rust \u{202E}evil\u{202C} crab\tpeople\u{0007}!",
             compound: -0.05, stance: .neutral, stanceScore: 0.02, evidence: nil, topic: 1),
        Spec(thread: "sd-100", id: "4", author: nil, score: nil, moderation: nil,
             text: formulaText, compound: 0, stance: .offTopic, stanceScore: 0, evidence: nil, topic: nil),
        Spec(thread: "hn-7", id: "a1", author: "@admin", score: 12,
             text: "Café owners aside 🦀, the Rust for Linux team ships real drivers now: great progress.",
             compound: 0.8126, stance: .pro, stanceScore: 0.9, evidence: "the Rust for Linux team ships real drivers now: great progress", topic: 0),
        Spec(thread: "hn-7", id: "a2", parent: "a1", author: "-dash", score: 0,
             text: "-1 from me, two toolchains in the kernel is worse, not better.",
             compound: -0.3, stance: .anti, stanceScore: -0.4, evidence: "two toolchains in the kernel is worse", topic: 1),
        Spec(thread: "hn-7", id: "a3", author: "lurker", score: 1,
             text: "Anyone know a good ramen place near the venue?", compound: 0.4404, stance: .offTopic,
             stanceScore: 0, evidence: nil, topic: 2),
    ]

    static func input(reversed: Bool = false, startedAt: Double = 1_795_000_000, finishedAt: Double = 1_795_000_042.5) -> ReportInput {
        var threads: [DiscussionThread] = [
            DiscussionThread(id: "sd-100", source: .slashdot, title: "Rust in the kernel: no longer an \"experiment\"",
                             url: "https://example.org/sd/100", postedAt: 1_794_900_000, file: "data/samples/sd-100.txt"),
            DiscussionThread(id: "hn-7", source: .hackernews, title: "Rust for Linux, <two> years on",
                             url: "https://example.org/hn/7?a=1&b=2", postedAt: 1_794_950_000.75, file: "data/samples/hn-7.json"),
        ]
        var sentiments: [CommentKey: CommentSentiment] = [:]
        var stances: [CommentKey: CommentStance] = [:]
        var assignments: [CommentKey: TopicAssignment] = [:]
        for (n, s) in specs.enumerated() {
            let depth = s.parent == nil ? 0 : (s.parent == "1" || s.parent == "a1" ? 1 : 2)
            var c = Comment(id: s.id, threadID: s.thread, parentID: s.parent, parentLink: s.parent == nil ? .none : .explicit,
                            depth: depth, author: s.author, postedAt: 1_794_960_000 + Double(n) * 61.5, score: s.score,
                            moderation: s.moderation, rawText: s.text, location: SourceLocation(file: "f", line: n + 1))
            if s.id == "2" {
                let quoteEnd = c.text.utf8.firstIndex(of: 0x0A).map { c.text.utf8.distance(from: c.text.utf8.startIndex, to: $0) } ?? 0
                c.quotes = [QuoteSpan(span: Span(0, quoteEnd), depth: 1, quotedCommentID: "1")]
                c.ownText = c.text.slice(Span(quoteEnd + 1, c.text.utf8.count))
                c.flags = [.mojibakeRepaired]
            }
            let i = threads.firstIndex { $0.id == s.thread } ?? 0
            threads[i].comments.append(c)
            if let v = s.compound {
                sentiments[c.key] = CommentSentiment(key: c.key, scores: SentimentScores(
                    compound: v, pos: max(0, v) / 2, neu: 1 - abs(v) / 2, neg: max(0, -v) / 2))
            }
            if let label = s.stance {
                var evidence: [StanceEvidence] = []
                if let e = s.evidence, let r = s.text.range(of: e) {
                    let start = s.text.utf8.distance(from: s.text.startIndex, to: r.lowerBound)
                    evidence.append(StanceEvidence(rule: "target-sentiment", matched: "rust",
                                                   span: Span(start, start + e.utf8.count), contribution: s.stanceScore))
                }
                stances[c.key] = CommentStance(key: c.key, label: label, score: s.stanceScore,
                                               confidence: min(1, abs(s.stanceScore)), evidence: evidence)
            }
            if let t = s.topic {
                assignments[c.key] = assignment(documentID: c.key.description, topic: t, similarity: 0.5 + Double(n) / 20,
                                                isOutlier: t == 2)
            }
        }
        if reversed {
            threads.reverse()
        }
        let topics = topicResult([
            topic(id: 1, label: "kernel maintenance burden", terms: ["kernel", "maintenance", "toolchains", "burden"],
                  size: 3, representatives: ["sd-100/2", "hn-7/a2"]),
            topic(id: 0, label: "memory safety drivers", terms: ["memory", "safety", "drivers", "=cmd"],
                  size: 2, representatives: ["sd-100/1", "hn-7/a1"]),
            topic(id: 2, label: "<off> topic", terms: ["ramen"], size: 1, representatives: ["hn-7/a3"]),
        ])
        let aggregator = StanceAggregator(weighting: StanceWeighting(), top: 5)
        let all = threads.flatMap(\.comments)
        var byThread: [String: StanceSummary] = [:]
        for t in threads { byThread[t.id] = aggregator.summarize(t.comments, stances: stances) }
        var byTopic: [Int: StanceSummary] = [:]
        for t in 0...2 { byTopic[t] = aggregator.summarize(all.filter { assignments[$0.key]?.topic == t }, stances: stances) }
        let run = RunInfo(
            runID: RunInfo.makeRunID(pipeline: "nightly", runDate: "2026-11-21", pipelineFileSHA256: String(repeating: "ab", count: 32)),
            runDate: "2026-11-21", pipeline: "nightly", startedAt: startedAt, finishedAt: finishedAt, toolVersion: "0.1.0",
            blasLibrary: "libopenblas.so.0", inputs: [
                InputFileInfo(path: "data/samples/sd-100.txt", sha256: String(repeating: "1f", count: 32), size: 2048, format: "slashdot"),
                InputFileInfo(path: "data/samples/hn-7.json", sha256: String(repeating: "2e", count: 32), size: 1024, format: "hackernews"),
            ], pipelineFileSHA256: String(repeating: "ab", count: 32),
            counts: RunCounts(inputFiles: 2, threads: 2, comments: 7, skippedRecords: 1, repairedRecords: 1),
            problems: [
                InputProblem(SourceLocation(file: "data/samples/hn-7.json", line: 9, field: "text"), .error,
                             code: "truncated-json", "unexpected end of <input>"),
                InputProblem(SourceLocation(file: "data/samples/sd-100.txt", line: 30), .warning,
                             code: "mojibake", "repaired cp1252 text"),
            ],
            stageTimings: [StageTiming(stage: "ingest", seconds: 0.25, items: 2), StageTiming(stage: "sentiment", seconds: 1.5, items: 7)],
            processedThreads: 2, reusedThreads: 0, seed: 42, stanceWeighting: StanceWeighting(), profile: "rust-in-linux")
        let history: [HistoryRow] = [
            HistoryRow(date: "2026-11-21", source: "slashdot", threadID: "sd-100", topicID: 0, topicLabel: "memory safety drivers",
                       stance: .pro, count: 1, weightedCount: 7, share: 1, interval: Interval.wilson(successes: 1, n: 1)),
            HistoryRow(date: "2026-11-20", source: "hackernews", threadID: "hn-7", topicID: 1, topicLabel: "kernel maintenance burden",
                       stance: .anti, count: 2, weightedCount: 4, share: 0.5, interval: Interval.wilson(successes: 2, n: 4)),
            HistoryRow(date: "2026-11-20", source: "hackernews", threadID: "hn-7", topicID: 1, topicLabel: "kernel maintenance burden",
                       stance: .pro, count: 2, weightedCount: 3, share: 0.5, interval: Interval.wilson(successes: 2, n: 4)),
            HistoryRow(date: "2026-11-21", source: "slashdot", threadID: "sd-100", topicID: nil, topicLabel: "",
                       stance: .offTopic, count: 1, weightedCount: 1, share: 1, interval: Interval.wilson(successes: 1, n: 1)),
        ]
        let changes = [
            TopicChange(kind: .split, from: [TopicRef(id: 3, label: "drivers and toolchains")],
                        to: [TopicRef(id: 1, label: "kernel maintenance burden"), TopicRef(id: 0, label: "memory safety drivers")]),
            TopicChange(kind: .new, to: [TopicRef(id: 2, label: "<off> topic")]),
        ]
        return ReportInput(run: run, threads: threads, sentiments: sentiments, stances: stances, topics: topics,
                           topicAssignments: assignments, stanceOverall: aggregator.summarize(all, stances: stances),
                           stanceByThread: byThread, stanceByTopic: byTopic,
                           history: reversed ? history.reversed() : history, topicChanges: reversed ? changes.reversed() : changes,
                           previousRunDate: "2026-11-20")
    }

    static func topic(id: Int, label: String, terms: [String], size: Int, representatives: [String]) -> Topic {
        Topic(id: id, label: label, terms: terms, size: size, representatives: representatives,
              termWeights: terms.enumerated().map { TopicTerm(term: $1, weight: 1 / Double($0 + 2)) },
              meanSimilarity: 0.5 + Double(id) / 10, outliers: id == 2 ? 1 : 0)
    }

    static func topicResult(_ topics: [Topic]) -> TopicResult {
        TopicResult(topics: topics, assignments: [], k: topics.count,
                    kScores: [KScore(k: 2, silhouette: 0.21, objective: 3.5), KScore(k: 3, silhouette: 0.25, objective: 4.25)],
                    vocabularySize: 42, notes: ["k chosen by silhouette"])
    }

    static func assignment(documentID: String, topic: Int, similarity: Double, isOutlier: Bool) -> TopicAssignment {
        TopicAssignment(documentID: documentID, topic: topic, similarity: similarity, isOutlier: isOutlier)
    }
}
