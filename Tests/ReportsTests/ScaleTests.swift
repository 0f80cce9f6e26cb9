import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Reports
import Sentiment
import Stance
import ThreadModel
import Testing

/// Writes a report for a large synthetic input; run with THREADLENS_SCALE=<comments>.
@Suite("Report scale")
struct ScaleTests {
    @Test("a large report is written in reasonable time",
          .enabled(if: ProcessInfo.processInfo.environment["THREADLENS_SCALE"] != nil, "set THREADLENS_SCALE=<comments> to run"))
    func large() throws {
        let n = Int(ProcessInfo.processInfo.environment["THREADLENS_SCALE"] ?? "") ?? 10_000
        var input = Fixture.input()
        var threads: [DiscussionThread] = []
        let labels = StanceLabel.allCases
        for t in 0..<max(1, n / 100) {
            var thread = DiscussionThread(id: "t\(t)", source: .jsonl, title: "Thread \(t)", file: "big.jsonl")
            for c in 0..<100 {
                let key = CommentKey(threadID: thread.id, commentID: "\(c)")
                thread.comments.append(Comment(id: "\(c)", threadID: thread.id, parentID: c > 0 ? "\(c - 1)" : nil,
                                               depth: min(c, 5), author: "user\(c % 37)", postedAt: 1.79e9 + Double(c),
                                               score: c % 7 - 1, rawText: "Rust in the kernel, comment \(c) of thread \(t), with some words.",
                                               location: SourceLocation(file: "big.jsonl", line: c + 1)))
                let v = Double((c * 37 + t) % 200) / 100 - 1
                input.sentiments[key] = CommentSentiment(key: key, scores: SentimentScores(compound: v, pos: 0.2, neu: 0.7, neg: 0.1))
                input.stances[key] = CommentStance(key: key, label: labels[(c + t) % 4], score: v, confidence: abs(v),
                    evidence: [StanceEvidence(rule: "r", matched: "rust", span: Span(0, 4), contribution: v)])
                input.topicAssignments[key] = Fixture.assignment(documentID: key.description, topic: c % 3, similarity: 0.5, isOutlier: false)
            }
            threads.append(thread)
        }
        input.threads = threads
        let agg = StanceAggregator()
        input.stanceOverall = agg.summarize(threads.flatMap(\.comments), stances: input.stances)
        let start = Date()
        let files = ReportWriter().render(input)
        let seconds = Date().timeIntervalSince(start)
        let bytes = files.reduce(0) { $0 + $1.text.utf8.count }
        print("scale: \(n) comments, \(files.count) files, \(bytes) bytes in \(String(format: "%.2f", seconds)) s")
        #expect(files.count == ReportFile.allCases.count)
        // CPU seconds (the machine may be busy with other work): the model alone, then each file with it.
        let cpu = { Double(clock()) / Double(CLOCKS_PER_SEC) }
        var c0 = cpu()
        _ = ReportWriter(options: ReportOptions(files: [])).render(input)
        print("scale: model only \(String(format: "%.2f", cpu() - c0)) s CPU")
        for file in ReportFile.allCases {
            c0 = cpu()
            _ = ReportWriter(options: ReportOptions(files: [file])).render(input)
            print("scale: \(file.rawValue) \(String(format: "%.2f", cpu() - c0)) s CPU")
        }
    }
}
