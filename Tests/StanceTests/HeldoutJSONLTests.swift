import Foundation
import Ingest
import Sentiment
import Testing
import ThreadModel
@testable import Stance

/// A second set of hand-written threads (Fixtures/threads-heldout-2.jsonl), written and labelled
/// by the guidelines before the third pass of rules and never tuned to. It goes through the real
/// JSONL reader (the `label` field is ignored by ingest and read here as the reference), and it
/// reports the two baselines of the seed evaluation beside the classifier.
struct HeldoutJSONLTests {
    struct Row: Decodable {
        var thread: String
        var id: String
        var label: String
    }

    static var path: String? {
        Bundle.module.url(forResource: "Fixtures/threads-heldout-2", withExtension: "jsonl")?.path
    }

    @Test func heldoutJSONLThreadsReport() throws {
        let path = try #require(Self.path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = try text.split(separator: "\n").map { try JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
        var gold: [CommentKey: StanceLabel] = [:]
        for r in rows { gold[CommentKey(threadID: r.thread, commentID: r.id)] = try #require(StanceLabel(rawValue: r.label)) }

        let result = try Ingestor().read(path: path)
        let comments = result.threads.flatMap(\.comments)
        #expect(comments.count == rows.count)
        let lexicon = try Lexicon.load(directory: Fixture.packageRoot.appendingPathComponent("data/lexicons").path)
        let analyzer = SentimentAnalyzer(lexicon: lexicon)
        let vader = SentimentAnalyzer(lexicon: lexicon, options: SentimentOptions(mode: .vader))
        let sentiments = Dictionary(uniqueKeysWithValues: comments.map { ($0.key, analyzer.analyze($0)) })
        let classifier = StanceClassifier(profile: try StanceProfile.load(path: ProfileTests.defaultPath))
        let stances = classifier.run(threads: result.threads, sentiments: sentiments)
        let wanted = try stances.map { try #require(gold[$0.key], "no label for \($0.key)") }

        let ours = StanceScores(predicted: stances.map(\.label), gold: wanted)
        let baselines = Baselines(comments: comments, gold: wanted, vader: vader)
        let allPro = baselines.allPro, vaderSign = baselines.vaderSign
        var report = "held-out JSONL threads (\(stances.count) comments in \(result.threads.count) threads):\n"
        report += "  stance:            \(ours)\n" + baselines.lines
        FileHandle.standardError.write(Data(report.utf8))
        if let dumpPath = ProcessInfo.processInfo.environment["STANCE_HELDOUT2_DUMP"] {
            var dump = ""
            for (s, g) in zip(stances, wanted) {
                dump += "\(s.key.threadID)/\(s.key.commentID)\tgold=\(g.rawValue)\tgot=\(s.label.rawValue)\t"
                dump += String(format: "%.2f", s.score) + "\t\(s.source.rawValue)\t"
                dump += s.evidence.map { "\($0.rule):\($0.matched):" + String(format: "%.2f", $0.weight) }.joined(separator: " | ") + "\n"
            }
            try dump.write(toFile: dumpPath, atomically: true, encoding: .utf8)
        }
        #expect(ours.meanF1 > allPro.meanF1 && ours.meanF1 > vaderSign.meanF1, "\(report)")
    }
}
