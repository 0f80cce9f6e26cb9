import Foundation
import Testing
@testable import Sentiment

/// vader mode against vaderSentiment 3.3.2's own output.
@Suite struct ParityTests {
    /// A sentence and its scores from the reference.
    struct Row { var id: String; var text: String; var neg, neu, pos, compound: Double }

    /// The 4,200 tweets of the VADER paper's ground truth with 3.3.2's scores beside them.
    static func tweets() -> [Row]? {
        guard let truth = Support.sharedFile("reference/sentiment/tweets_GroundTruth.txt"),
              let ref = Support.sharedFile("reference/sentiment/tweets_vader332.tsv") else { return nil }
        var texts: [String: String] = [:]
        for line in Support.lines(truth) {
            let f = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            if f.count == 3 { texts[String(f[0])] = String(f[2]) }
        }
        var rows: [Row] = []
        for line in Support.lines(ref).dropFirst() {
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 5, let text = texts[f[0]], let neg = Double(f[1]), let neu = Double(f[2]),
                  let pos = Double(f[3]), let c = Double(f[4]) else { continue }
            rows.append(Row(id: f[0], text: text, neg: neg, neu: neu, pos: pos, compound: c))
        }
        return rows
    }

    /// Sentences whose scores differ from 3.3.2, with the reason. Empty: every tweet matches.
    static let knownDifferences: [String: String] = [:]

    @Test func tweetsMatchVaderSentiment332() throws {
        guard let rows = Self.tweets() else { return }
        #expect(rows.count == 4200)
        var within = 0
        var misses: [String] = []
        for r in rows {
            let s = Support.vader.polarityScores(r.text)
            let ok = abs(s.compound - r.compound) <= 0.0005 && abs(s.pos - r.pos) <= 0.0005
                && abs(s.neu - r.neu) <= 0.0005 && abs(s.neg - r.neg) <= 0.0005
            if ok { within += 1 } else if Self.knownDifferences[r.id] == nil {
                misses.append("\(r.id): got \(s) want neg \(r.neg) neu \(r.neu) pos \(r.pos) c \(r.compound): \(r.text)")
            }
        }
        let share = Double(within) / Double(rows.count)
        print("parity: \(within)/\(rows.count) tweets within 0.0005 on all four scores (\(share))")
        #expect(share >= 0.995)
        #expect(misses.isEmpty, "unexplained differences:\n\(misses.prefix(20).joined(separator: "\n"))")
    }

    /// Our own sentences (one or more per rule), scored by vaderSentiment 3.3.2 with
    /// scripts/sentiment/golden_vader.py.
    @Test func ownGoldenSentences() throws {
        let path = Support.fixtures.appendingPathComponent("vader_golden.tsv").path
        let text = try #require(FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) })
        let rows = Support.lines(text).dropFirst()
        #expect(rows.count >= 100)
        for line in rows {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(f.count == 6, "malformed golden line: \(line)")
            let text = f[1].replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\n", with: "\n")
                .replacingOccurrences(of: "\\\\", with: "\\")
            let s = Support.vader.polarityScores(text)
            expectScores(s, compound: Double(f[5]) ?? .nan, pos: Double(f[4]) ?? .nan, neu: Double(f[3]) ?? .nan,
                         neg: Double(f[2]) ?? .nan, tolerance: 1e-12, "\(f[0]) '\(text)'")
        }
    }
}
