import Foundation
import Sentiment
import Testing
import ThreadModel
@testable import Stance

/// Hand-written forum threads (Fixtures/threads-heldout.tsv) written before the second pass of
/// rules and never tuned to: the default profile is measured on them with the real lexicon.
struct HeldoutThreadTests {
    struct Row {
        var thread: String
        var id: String
        var parent: String?
        var label: StanceLabel
        var text: String
    }

    static func rows() throws -> [Row] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/threads-heldout", withExtension: "tsv"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .map { line in
                let f = line.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
                try #require(f.count == 5, "bad fixture line: \(line)")
                let label = try #require(StanceLabel(rawValue: f[3]), "bad label in: \(line)")
                return Row(thread: f[0], id: f[1], parent: f[2] == "-" ? nil : f[2], label: label, text: f[4])
            }
    }

    /// Classifies every thread of the fixture; returns (gold, predicted, dump line) in file order.
    static func evaluate() throws -> [(gold: StanceLabel, got: CommentStance, text: String)] {
        let rows = try rows()
        let lexicon = try Lexicon.load(directory: Fixture.packageRoot.appendingPathComponent("data/lexicons").path)
        let analyzer = SentimentAnalyzer(lexicon: lexicon)
        let classifier = StanceClassifier(profile: try StanceProfile.load(path: ProfileTests.defaultPath))
        var threadOrder: [String] = []
        var byThread: [String: [Row]] = [:]
        for r in rows {
            if byThread[r.thread] == nil { threadOrder.append(r.thread) }
            byThread[r.thread, default: []].append(r)
        }
        var out: [(StanceLabel, CommentStance, String)] = []
        for t in threadOrder {
            let group = byThread[t] ?? []
            let comments = group.map { Fixture.comment($0.text, id: $0.id, parent: $0.parent, thread: t) }
            let thread = DiscussionThread(id: t, source: .jsonl, file: "threads-heldout.tsv", comments: comments)
            let sentiments = Dictionary(uniqueKeysWithValues: comments.map { ($0.key, analyzer.analyze($0)) })
            let stances = classifier.run(threads: [thread], sentiments: sentiments)
            let byID = Dictionary(uniqueKeysWithValues: stances.map { ($0.key.commentID, $0) })
            for r in group {
                let s = try #require(byID[r.id])
                out.append((r.label, s, r.text))
            }
        }
        return out
    }

    @Test func heldoutThreadsReport() throws {
        let results = try Self.evaluate()
        #expect(results.count >= 60)
        let scores = StanceScores(predicted: results.map(\.got.label), gold: results.map(\.gold))
        let gold = results.map(\.gold)
        let lexicon = try Lexicon.load(directory: Fixture.packageRoot.appendingPathComponent("data/lexicons").path)
        let vader = SentimentAnalyzer(lexicon: lexicon, options: SentimentOptions(mode: .vader))
        let baselines = Baselines(comments: results.map { Fixture.comment($0.text) }, gold: gold, vader: vader)
        FileHandle.standardError.write(Data("held-out threads (\(results.count) comments): \(scores)\n\(baselines.lines)".utf8))
        if let path = ProcessInfo.processInfo.environment["STANCE_HELDOUT_DUMP"] {
            var dump = ""
            for r in results {
                dump += "\(r.got.key.threadID)/\(r.got.key.commentID)\tgold=\(r.gold.rawValue)\tgot=\(r.got.label.rawValue)\t"
                dump += String(format: "%.2f", r.got.score) + "\t"
                dump += r.got.evidence.map { "\($0.rule):\($0.matched):" + String(format: "%.2f", $0.weight) }.joined(separator: " | ")
                dump += "\t\(r.text.prefix(70))\n"
            }
            try dump.write(toFile: path, atomically: true, encoding: .utf8)
        }
        // Measured before the second pass: accuracy 0.508, mean F1 0.489; after: 0.554, 0.578.
        // Regression guards, not the goal (the issue's target is mean F1 >= 0.70).
        #expect(scores.accuracy >= 0.53, "\(scores)")
        #expect(scores.meanF1 >= 0.55, "\(scores)")
    }
}
