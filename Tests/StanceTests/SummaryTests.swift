import Foundation
import Testing
import ThreadModel
@testable import Stance

@Suite struct WilsonTests {
    /// Rows of Fixtures/wilson.tsv, written by scripts/stance/wilson_golden.py (SciPy).
    static func golden() throws -> [(k: Double, n: Double, lo: Double, hi: Double)] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/wilson", withExtension: "tsv"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let f = line.split(separator: "\t").compactMap { Double($0) }
            return f.count == 4 ? (f[0], f[1], f[2], f[3]) : nil
        }
    }

    @Test func matchesSciPy() throws {
        let rows = try Self.golden()
        #expect(rows.count == 16)
        var worst = (0.0, "")
        for r in rows {
            let i = Interval.wilson(successes: r.k, n: r.n)
            for (got, want, what) in [(i.lower, r.lo, "lower"), (i.upper, r.hi, "upper")] where abs(got - want) > worst.0 {
                worst = (abs(got - want), "\(Int(r.k))/\(Int(r.n)) \(what)")
            }
        }
        #expect(worst.0 < 1e-12, "worst difference \(worst.0) at \(worst.1)")
    }

    @Test func emptySampleAndRange() {
        #expect(Interval.wilson(successes: 0, n: 0) == Interval(lower: 0, upper: 0))
        let i = Interval.wilson(successes: 2.5, n: 4.5)
        #expect(i.lower > 0 && i.upper < 1 && i.lower < 2.5 / 4.5 && 2.5 / 4.5 < i.upper)
    }
}

@Suite struct AggregatorTests {
    func sample() -> ([DiscussionThread], [CommentStance]) {
        let rows: [(String, String, Int?, StanceLabel, Double, StanceSource)] = [
            ("a", "1", 5, .pro, 0.9, .direct), ("a", "2", 1, .pro, 0.3, .inherited), ("a", "3", -1, .anti, -0.5, .direct),
            ("a", "4", nil, .neutral, 0.0, .direct), ("b", "1", 3, .anti, -0.8, .inverted), ("b", "2", 0, .offTopic, 0, .direct),
        ]
        var threads: [String: [ThreadModel.Comment]] = [:]
        var stances: [CommentStance] = []
        for (t, id, score, label, s, source) in rows {
            threads[t, default: []].append(Fixture.comment("x", id: id, thread: t, score: score))
            stances.append(CommentStance(key: CommentKey(threadID: t, commentID: id), label: label, score: s,
                                         confidence: abs(s), source: source))
        }
        let list = ["a", "b"].map { DiscussionThread(id: $0, source: .slashdot, file: "f", comments: threads[$0] ?? []) }
        return (list, stances)
    }

    @Test func rawAndWeightedShares() throws {
        let (threads, stances) = sample()
        let s = StanceAggregator(weighting: StanceWeighting(kind: .linear, offset: 2, minimum: 0, missing: 1), top: 1)
            .summarize(threads, stances: stances)
        #expect(s.total == 6)
        let pro = try #require(s.shares.first { $0.label == .pro })
        #expect(pro.count == 2 && close(pro.share, 2.0 / 6))
        // weights: 7, 3, 1, 1 (no score), 5, 2 → total 19; pro = 10.
        #expect(close(pro.weightedCount, 10) && close(pro.weightedShare, 10.0 / 19))
        let nEff = 19.0 * 19 / (49 + 9 + 1 + 1 + 25 + 4)
        #expect(close(s.effectiveN, nEff))
        #expect(pro.weightedInterval == Interval.wilson(successes: 10.0 / 19 * nEff, n: nEff))
        #expect(pro.interval == Interval.wilson(successes: 2, n: 6))
        #expect(close(s.shares.reduce(0) { $0 + $1.share }, 1))
        #expect(close(s.shares.reduce(0) { $0 + $1.weightedShare }, 1))
        #expect(s.mostPro.map(\.key.commentID) == ["1"] && s.mostPro.first?.key.threadID == "a")
        #expect(s.mostAnti.first?.key == CommentKey(threadID: "b", commentID: "1"))
        #expect(s.inherited == 1 && s.inverted == 1)
        #expect(s.shares.map(\.label) == StanceLabel.allCases)
    }

    @Test func perThreadSummaries() {
        let (threads, stances) = sample()
        let per = StanceAggregator().summarizeByThread(threads, stances: stances)
        #expect(per.map(\.threadID) == ["a", "b"])
        #expect(per.map(\.summary.total) == [4, 2])
        #expect(per[1].summary.shares.first { $0.label == .anti }?.count == 1)
    }

    @Test func unweightedAndEmpty() {
        let (threads, stances) = sample()
        let s = StanceAggregator(weighting: StanceWeighting(kind: .none)).summarize(threads, stances: stances)
        for share in s.shares { #expect(close(share.share, share.weightedShare)) }
        #expect(close(s.effectiveN, 6))
        let empty = StanceAggregator().summarize([], stances: [])
        #expect(empty.total == 0 && empty.shares.allSatisfy { $0.share == 0 && $0.interval.upper == 0 })
    }

    @Test func weightFormula() {
        let w = StanceWeighting(kind: .linear, offset: 2, minimum: 0.5, missing: 1)
        #expect(close(w.weight(-1), 1) && close(w.weight(-3), 0.5) && close(w.weight(nil), 1) && close(w.weight(5), 7))
        #expect(w.formula == "weight = max(0.5, score + 2.0); no score: 1.0")
    }
}
