import Foundation
import Ingest
import Sentiment
import Testing
import ThreadModel
@testable import Stance

/// Slashdot-format threads written after the rules they were first measured with, read through
/// the real Slashdot reader (reply links inferred from subjects and quotes, as for the seed
/// thread), with both baselines of the seed evaluation beside them.
///
/// - `slashdot-heldout-3` (C): a core tool requiring the Rust toolchain; written after the third
///   pass of rules. Its dump goes to `STANCE_HELDOUT3_DUMP`.
/// - `slashdot-heldout-4` (D): a distribution making a rewritten sudo the default; written and
///   labelled before the fourth pass of rules. Its dump goes to `STANCE_HELDOUT4_DUMP`.
/// - `slashdot-heldout-5` (E): a distribution switching its zlib to a Rust implementation; written
///   and labelled after the fourth pass was finished. Its dump goes to `STANCE_HELDOUT5_DUMP`.
/// - `slashdot-heldout-6` (F): a version-control tool making Rust a build requirement; written and
///   labelled before the fifth pass of rules. Its dump goes to `STANCE_HELDOUT6_DUMP`.
/// - `slashdot-heldout-7` (G): a new GPU driver written only in Rust; written and labelled before
///   the sixth pass of rules. Its dump goes to `STANCE_HELDOUT7_DUMP`.
/// - `mbox-heldout-8` (H): a mailing-list thread on block-layer abstractions in Rust, read by the
///   mbox reader; written and labelled before the seventh pass. Its dump goes to `STANCE_HELDOUT8_DUMP`.
struct HeldoutSlashdotTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: String
        var dumpVariable: String
        /// A regression floor below the figure measured when the thread was first run.
        var floor: Double
        /// Whether beating both baselines is still a known issue on this thread.
        var beatsBaselines: Bool
        /// The fixture's extension; the reader is chosen by ingest's format detection.
        var fileExtension = "txt"
        var testDescription: String { fixture }
    }

    static let cases = [
        // Measured when first run: mean F1 0.267, accuracy 0.276 (all pro 0.293 / 0.414, VADER 0.323 / 0.276);
        // with the fourth pass 0.412 / 0.345.
        Case(fixture: "slashdot-heldout-3", dumpVariable: "STANCE_HELDOUT3_DUMP", floor: 0.3, beatsBaselines: true),
        // Measured when first run, with the third-pass rules: mean F1 0.652, accuracy 0.561
        // (all pro 0.268 / 0.366, VADER 0.360 / 0.293).
        Case(fixture: "slashdot-heldout-4", dumpVariable: "STANCE_HELDOUT4_DUMP", floor: 0.6, beatsBaselines: true),
        // Written and labelled after the fourth pass was finished; no rule changed after it.
        // Measured when first run: mean F1 0.450, accuracy 0.467 (all pro 0.268 / 0.367, VADER 0.396 / 0.333).
        Case(fixture: "slashdot-heldout-5", dumpVariable: "STANCE_HELDOUT5_DUMP", floor: 0.4, beatsBaselines: true),
        // Written and labelled before the fifth pass of rules. Measured when first run, with the
        // fourth-pass rules: mean F1 0.550, accuracy 0.457 (all pro 0.292 / 0.413, VADER 0.436 / 0.370);
        // with the fifth pass 0.685 / 0.587.
        Case(fixture: "slashdot-heldout-6", dumpVariable: "STANCE_HELDOUT6_DUMP", floor: 0.5, beatsBaselines: true),
        // Written and labelled before the sixth pass of rules. Measured when first run, with the
        // fifth-pass rules: mean F1 0.710, accuracy 0.640
        // (all pro 0.306 / 0.440, VADER 0.329 / 0.320).
        Case(fixture: "slashdot-heldout-7", dumpVariable: "STANCE_HELDOUT7_DUMP", floor: 0.55, beatsBaselines: true),
        // A mailing-list thread (mbox, exact reply links from In-Reply-To, quoted parents), written
        // and labelled before the seventh pass of rules. Measured when first run, with the
        // sixth-pass rules: mean F1 0.875, accuracy 0.686 (all pro 0.255 / 0.343, VADER 0.315 / 0.257).
        Case(fixture: "mbox-heldout-8", dumpVariable: "STANCE_HELDOUT8_DUMP", floor: 0.6, beatsBaselines: true,
             fileExtension: "mbox"),
    ]

    @Test(arguments: cases) func heldoutSlashdotThreadReport(_ c: Case) throws {
        let path = try #require(Bundle.module.url(forResource: "Fixtures/\(c.fixture)", withExtension: c.fileExtension)).path
        let labelsURL = try #require(Bundle.module.url(forResource: "Fixtures/\(c.fixture).labels", withExtension: "tsv"))
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
        let baselines = Baselines(comments: thread.comments, gold: gold, vader: vader)
        let allPro = baselines.allPro, vaderSign = baselines.vaderSign
        var report = "held-out thread \(c.fixture) (\(gold.count) comments):\n"
        report += "  stance:            \(ours)\n" + baselines.lines
        FileHandle.standardError.write(Data(report.utf8))
        if let dumpPath = ProcessInfo.processInfo.environment[c.dumpVariable] {
            var dump = ""
            for (i, s) in stances.enumerated() {
                let comment = thread.comments[i]
                dump += "\(comment.id)\tparent=\(comment.parentID ?? "-")/\(comment.parentLink.rawValue)\tgold=\(gold[i].rawValue)\tgot=\(s.label.rawValue)\t"
                dump += String(format: "%.2f", s.score) + "\t\(s.source.rawValue)\t"
                dump += s.evidence.map { "\($0.rule):\($0.matched):" + String(format: "%.2f", $0.weight) }.joined(separator: " | ") + "\n"
            }
            try dump.write(toFile: dumpPath, atomically: true, encoding: .utf8)
        }
        #expect(ours.meanF1 >= c.floor && ours.accuracy >= c.floor, "\(report)")
        if c.beatsBaselines {
            #expect(ours.meanF1 > allPro.meanF1 && ours.meanF1 > vaderSign.meanF1, "\(report)")
        } else {
            withKnownIssue("issue 6: on a thread written after the rules, the classifier does not beat the baselines") {
                #expect(ours.meanF1 > allPro.meanF1 && ours.meanF1 > vaderSign.meanF1, "\(report)")
            }
        }
    }
}
