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
        let input = Self.synthetic(comments: n)
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

    /// The small fixture with `comments` synthetic comments (100 per thread, mixed ASCII and not) in place
    /// of its threads.
    static func synthetic(comments n: Int) -> ReportInput {
        var input = Fixture.input()
        var threads: [DiscussionThread] = []
        let labels = StanceLabel.allCases
        for t in 0..<max(1, n / 100) {
            var thread = DiscussionThread(id: "t\(t)", source: .jsonl, title: "Thread \(t)", file: "big.jsonl")
            for c in 0..<100 {
                let key = CommentKey(threadID: thread.id, commentID: "\(c)")
                let text = String(repeating: "Rust in the kernel, comment \(c) of thread \(t), with some words. ", count: 1 + c % 4)
                    + (c % 2 == 0 ? "Café \"quoted\", =x." : "plain")
                thread.comments.append(Comment(id: "\(c)", threadID: thread.id, parentID: c > 0 ? "\(c - 1)" : nil,
                                               depth: min(c, 5), author: "user\(c % 37)", postedAt: 1.79e9 + Double(c),
                                               score: c % 7 - 1, rawText: text,
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
        input.stanceOverall = StanceAggregator().summarize(threads.flatMap(\.comments), stances: input.stances)
        return input
    }
}

@Suite("Streamed files")
struct StreamedFileTests {
    @Test("files written through the buffered sink equal the rendered ones, past several buffer flushes")
    func writeEqualsRender() throws {
        let input = ScaleTests.synthetic(comments: 4000)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try ReportWriter().write(input, to: dir)
        var largest = 0
        for (name, text) in ReportWriter().render(input) {
            let data = try #require(FileManager.default.contents(atPath: dir.appendingPathComponent(name).path))
            largest = max(largest, data.count)
            #expect(data == Data(text.utf8), "\(name) on disk differs from render()")
        }
        #expect(largest > 2 << 20, "the test input should span several 1 MB buffers")
    }
}
