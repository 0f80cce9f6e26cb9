import Foundation
import Ingest
import Sentiment
import Testing
import ThreadModel
@testable import Stance

/// The seed thread's reference labels (../shared/reference/stance), mapped as GUIDELINES.md says.
enum SeedData {
    static let shared = Fixture.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let thread = shared.appendingPathComponent("seeds/slashdot-rust-no-longer-experimental.txt").path
    static let labels = shared.appendingPathComponent("reference/stance/seed-thread-stance.jsonl").path
    static var available: Bool {
        FileManager.default.fileExists(atPath: thread) && FileManager.default.fileExists(atPath: labels)
    }

    struct Row: Decodable {
        var id: Int
        var first40: String
        var label: String
    }

    static func reference() throws -> [Row] {
        let text = try String(contentsOfFile: labels, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }

    static func map(_ label: String) -> StanceLabel? {
        switch label {
        case "pro_rust": return .pro
        case "anti_rust": return .anti
        case "neutral_or_mixed": return .neutral
        case "off_topic": return .offTopic
        default: return nil
        }
    }
}

/// Scores of a labelling against the reference: F1 of pro and of anti, their mean (SemEval-2016
/// Task 6), and accuracy over the four labels.
struct StanceScores: CustomStringConvertible {
    var f1Pro: Double
    var f1Anti: Double
    var accuracy: Double
    var meanF1: Double { (f1Pro + f1Anti) / 2 }

    init(predicted: [StanceLabel], gold: [StanceLabel]) {
        func f1(_ l: StanceLabel) -> Double {
            let tp = zip(predicted, gold).filter { $0 == l && $1 == l }.count
            let p = predicted.filter { $0 == l }.count, g = gold.filter { $0 == l }.count
            return p + g == 0 ? 0 : 2 * Double(tp) / Double(p + g)
        }
        f1Pro = f1(.pro)
        f1Anti = f1(.anti)
        accuracy = gold.isEmpty ? 0 : Double(zip(predicted, gold).filter { $0 == $1 }.count) / Double(gold.count)
    }

    var description: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return "mean F1 \(f(meanF1)) (pro \(f(f1Pro)), anti \(f(f1Anti))), accuracy \(f(accuracy))"
    }
}

@Suite(.enabled(if: SeedData.available, "../shared/seeds or ../shared/reference/stance is absent: seed evaluation skipped"))
struct SeedEvaluationTests {
    @Test func stanceBeatsBothBaselinesOnTheSeedThread() throws {
        let rows = try SeedData.reference()
        let gold = rows.compactMap { SeedData.map($0.label) }
        #expect(gold.count == 74 && rows.count == 74)

        let result = try Ingestor().read(path: SeedData.thread)
        let thread = try #require(result.threads.first)
        #expect(result.threads.count == 1)
        try #require(thread.comments.count == rows.count, "the reader found \(thread.comments.count) comments, the labels list \(rows.count)")
        for (c, r) in zip(thread.comments, rows) {
            let body = c.rawText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let want = r.first40.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(body.hasPrefix(want) || c.text.contains(want.prefix(20)), "comment \(r.id) is not aligned with the labels")
        }

        let lexicons = Fixture.packageRoot.appendingPathComponent("data/lexicons").path
        let lexicon = try Lexicon.load(directory: lexicons)
        let analyzer = SentimentAnalyzer(lexicon: lexicon)
        let vader = SentimentAnalyzer(lexicon: lexicon, options: SentimentOptions(mode: .vader))
        let sentiments = Dictionary(uniqueKeysWithValues: thread.comments.map { ($0.key, analyzer.analyze($0)) })

        let profile = try StanceProfile.load(path: ProfileTests.defaultPath)
        let stances = StanceClassifier(profile: profile).run(threads: [thread], sentiments: sentiments)
        let ours = StanceScores(predicted: stances.map(\.label), gold: gold)

        let baselines = Baselines(comments: thread.comments, gold: gold, vader: vader)
        let allPro = baselines.allPro, vaderSign = baselines.vaderSign

        var report = "seed thread (74 comments):\n  stance:            \(ours)\n"
        report += baselines.lines
        report += "  confusion (gold → predicted):\n"
        for g in StanceLabel.allCases {
            let row = StanceLabel.allCases.map { p in zip(stances.map(\.label), gold).filter { $0 == p && $1 == g }.count }
            report += "    \(g.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(row.map { String($0) }.joined(separator: "\t"))\n"
        }
        report += "  sources: " + StanceSource.allCases.map { s in "\(s.rawValue) \(stances.filter { $0.source == s }.count)" }
            .joined(separator: ", ") + "\n"
        FileHandle.standardError.write(Data(report.utf8))
        if let path = ProcessInfo.processInfo.environment["STANCE_SEED_DUMP"] {
            // Per-comment scores and the rules that fired, for studying error classes (not single comments).
            var dump = ""
            for (i, s) in stances.enumerated() {
                let c = thread.comments[i]
                let words = Tokenizer.tokenize(c.ownText).count
                let view = CommentView(comment: c, sentiment: sentiments[c.key], profile: CompiledProfile(profile))
                dump += "[view \(view.ownWordCount)/\(view.sentences.count)s t\(view.target.count) o\(view.otherSide.count) k\(view.topic.count) c\(view.cues.count)] "
                dump += "\(c.id)\tparent=\(c.parentID ?? "-")/\(c.parentLink.rawValue)/q\(c.quotes.count)\twords=\(words)\tgold=\(gold[i].rawValue)\tgot=\(s.label.rawValue)\t"
                dump += String(format: "%.2f", s.score) + "\t\(s.source.rawValue)\t"
                dump += s.evidence.map { "\($0.rule):\($0.matched):" + String(format: "%.2f", $0.weight) }.joined(separator: " | ") + "\n"
            }
            try dump.write(toFile: path, atomically: true, encoding: .utf8)
        }

        // Measured 0.477 when this floor was set: a regression guard, not the goal.
        #expect(ours.meanF1 >= 0.45, "\(report)")
        #expect(ours.meanF1 > allPro.meanF1 && ours.meanF1 > vaderSign.meanF1, "\(report)")
        #expect(ours.accuracy > allPro.accuracy && ours.accuracy > vaderSign.accuracy, "\(report)")
        withKnownIssue("issue 6 target: mean F1 >= 0.70, far above both baselines; not reached yet") {
            #expect(ours.meanF1 >= 0.70 && ours.meanF1 >= vaderSign.meanF1 + 0.15, "\(report)")
        }
    }
}
