import Foundation
import Ingest
import Sentiment
import Testing
import ThreadModel
@testable import Stance

/// A Slashdot-format thread (Fixtures/slashdot-heldout-3.txt) written after the rules it is
/// measured with, read through the real Slashdot reader (reply links inferred from subjects and
/// quotes, as for the seed thread), with both baselines of the seed evaluation beside it.
struct HeldoutSlashdotTests {
    @Test func heldoutSlashdotThreadReport() throws {
        let path = try #require(Bundle.module.url(forResource: "Fixtures/slashdot-heldout-3", withExtension: "txt")).path
        let labelsURL = try #require(Bundle.module.url(forResource: "Fixtures/slashdot-heldout-3.labels", withExtension: "tsv"))
        let gold = try String(contentsOf: labelsURL, encoding: .utf8).split(separator: "\n").map { line in
            let f = line.split(separator: "\t").map(String.init)
            return try #require(f.count == 2 ? StanceLabel(rawValue: f[1]) : nil, "bad label line: \(line)")
        }
        let result = try Ingestor().read(path: path)
        let thread = try #require(result.threads.first)
        try #require(thread.comments.count == gold.count, "the reader found \(thread.comments.count) comments")

        let lexicon = try Lexicon.load(directory: Fixture.packageRoot.appendingPathComponent("data/lexicons").path)
        let analyzer = SentimentAnalyzer(lexicon: lexicon)
        let vader = SentimentAnalyzer(lexicon: lexicon, options: SentimentOptions(mode: .vader))
        let sentiments = Dictionary(uniqueKeysWithValues: thread.comments.map { ($0.key, analyzer.analyze($0)) })
        let classifier = StanceClassifier(profile: try StanceProfile.load(path: ProfileTests.defaultPath))
        let stances = classifier.run(threads: [thread], sentiments: sentiments)

        let ours = StanceScores(predicted: stances.map(\.label), gold: gold)
        let allPro = StanceScores(predicted: gold.map { _ in .pro }, gold: gold)
        let vaderSign = StanceScores(predicted: thread.comments.map { c in
            let compound = vader.analyze(c).scores.compound
            return compound >= 0.05 ? .pro : compound <= -0.05 ? .anti : .neutral
        }, gold: gold)
        var report = "held-out Slashdot thread (\(gold.count) comments):\n"
        report += "  stance:            \(ours)\n  baseline all pro:  \(allPro)\n  baseline VADER:    \(vaderSign)\n"
        FileHandle.standardError.write(Data(report.utf8))
        if let dumpPath = ProcessInfo.processInfo.environment["STANCE_HELDOUT3_DUMP"] {
            var dump = ""
            for (i, s) in stances.enumerated() {
                let c = thread.comments[i]
                dump += "\(c.id)\tparent=\(c.parentID ?? "-")/\(c.parentLink.rawValue)\tgold=\(gold[i].rawValue)\tgot=\(s.label.rawValue)\t"
                dump += String(format: "%.2f", s.score) + "\t\(s.source.rawValue)\t"
                dump += s.evidence.map { "\($0.rule):\($0.matched):" + String(format: "%.2f", $0.weight) }.joined(separator: " | ") + "\n"
            }
            try dump.write(toFile: dumpPath, atomically: true, encoding: .utf8)
        }
        // Measured when the thread was first run: mean F1 0.267, accuracy 0.276 (all pro 0.293 /
        // 0.414, VADER 0.323 / 0.276). A regression guard, not the goal.
        #expect(ours.meanF1 >= 0.25 && ours.accuracy >= 0.25, "\(report)")
        withKnownIssue("issue 6: on a thread written after the rules, the classifier does not beat the baselines") {
            #expect(ours.meanF1 > allPro.meanF1 && ours.meanF1 > vaderSign.meanF1, "\(report)")
        }
    }
}
