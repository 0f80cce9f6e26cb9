import Foundation
import Ingest
import Sentiment
import Testing
import ThreadModel
@testable import Stance

/// How often each cue of the shipped profile points the way the reference label does, on every
/// labelled set: the check step 6 of "Writing a profile" asks for. Prints one line per set;
/// `STANCE_CUE_REPORT=/path` writes the per-cue table (cue, direction after negation and
/// `said_of`, firings on pro / anti / neutral / off-topic comments).
struct CuePrecisionTests {
    typealias Labelled = [(gold: StanceLabel, got: CommentStance)]

    static func analyzers() throws -> SentimentAnalyzer {
        SentimentAnalyzer(lexicon: try Lexicon.load(directory: Fixture.packageRoot.appendingPathComponent("data/lexicons").path))
    }

    static func classify(_ threads: [DiscussionThread]) throws -> [CommentStance] {
        let analyzer = try analyzers()
        let comments = threads.flatMap(\.comments)
        let sentiments = Dictionary(uniqueKeysWithValues: comments.map { ($0.key, analyzer.analyze($0)) })
        return StanceClassifier(profile: try StanceProfile.load(path: ProfileTests.defaultPath))
            .run(threads: threads, sentiments: sentiments)
    }

    static func seed() throws -> Labelled? {
        guard SeedData.available else { return nil }
        let gold = try SeedData.reference().compactMap { SeedData.map($0.label) }
        let stances = try classify(try Ingestor().read(path: SeedData.thread).threads)
        return stances.count == gold.count ? Array(zip(gold, stances)) : nil
    }

    static func slashdot(_ fixture: String) throws -> Labelled {
        let path = try #require(Bundle.module.url(forResource: "Fixtures/\(fixture)", withExtension: "txt")).path
        let labels = try #require(Bundle.module.url(forResource: "Fixtures/\(fixture).labels", withExtension: "tsv"))
        let gold = try String(contentsOf: labels, encoding: .utf8).split(separator: "\n").map { line in
            try #require(line.split(separator: "\t").last.flatMap { StanceLabel(rawValue: String($0)) })
        }
        return Array(zip(gold, try classify(try Ingestor().read(path: path).threads)))
    }

    static func jsonl() throws -> Labelled {
        struct Row: Decodable { var thread: String; var id: String; var label: String }
        let path = try #require(HeldoutJSONLTests.path)
        var gold: [CommentKey: StanceLabel] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let r = try JSONDecoder().decode(Row.self, from: Data(line.utf8))
            gold[CommentKey(threadID: r.thread, commentID: r.id)] = StanceLabel(rawValue: r.label)
        }
        return try classify(try Ingestor().read(path: path).threads).map { (try #require(gold[$0.key]), $0) }
    }

    struct Tally { var counts: [StanceLabel: Int] = [:] }

    /// Cue firings whose direction matches a pro or anti reference label, out of firings on pro
    /// or anti comments; and the share of all firings on neutral or off-topic comments.
    static func precision(_ set: Labelled) -> (right: Int, polar: Int, all: Int, table: [String: Tally]) {
        var right = 0, polar = 0, all = 0
        var table: [String: Tally] = [:]
        for (gold, s) in set {
            for e in s.evidence where e.rule == "cue" && e.weight != 0 {
                all += 1
                let direction: StanceLabel = e.weight > 0 ? .pro : .anti
                table["\(e.matched)\t\(direction.rawValue)", default: Tally()].counts[gold, default: 0] += 1
                if gold == .pro || gold == .anti {
                    polar += 1
                    if gold == direction { right += 1 }
                }
            }
        }
        return (right, polar, all, table)
    }

    @Test func cuePrecisionOnEveryLabelledSet() throws {
        var sets: [(String, Labelled)] = [("held-out A", try HeldoutThreadTests.evaluate().map { ($0.gold, $0.got) }),
                                          ("held-out B", try Self.jsonl()),
                                          ("held-out C", try Self.slashdot("slashdot-heldout-3")),
                                          ("held-out D", try Self.slashdot("slashdot-heldout-4")),
                                          ("held-out E", try Self.slashdot("slashdot-heldout-5")),
                                          ("held-out F", try Self.slashdot("slashdot-heldout-6"))]
        if let s = try Self.seed() { sets.insert(("seed", s), at: 0) }
        var report = "cue precision (firings pointing the reference's way / firings on pro or anti comments; firings in all):\n"
        var table = "set\tcue\tdirection\tpro\tanti\tneutral\toff_topic\n"
        for (name, set) in sets {
            let p = Self.precision(set)
            #expect(p.right <= p.polar && p.polar <= p.all)
            let share = p.polar == 0 ? 0 : Double(p.right) / Double(p.polar)
            // Coverage: pro or anti comments where any cue fired at all.
            let polarComments = set.filter { $0.gold == .pro || $0.gold == .anti }
            let covered = polarComments.filter { $0.got.evidence.contains { $0.rule == "cue" } }.count
            report += "  \(name): \(p.right)/\(p.polar) = \(String(format: "%.2f", share)); \(p.all) firings; "
                + "pro or anti comments with a cue: \(covered)/\(polarComments.count)\n"
            for (cue, t) in p.table.sorted(by: { $0.key < $1.key }) {
                table += "\(name)\t\(cue)\t" + [StanceLabel.pro, .anti, .neutral, .offTopic].map { "\(t.counts[$0] ?? 0)" }
                    .joined(separator: "\t") + "\n"
            }
        }
        FileHandle.standardError.write(Data(report.utf8))
        if let path = ProcessInfo.processInfo.environment["STANCE_CUE_REPORT"] {
            try table.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
