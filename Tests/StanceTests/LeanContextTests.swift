import Foundation
import Testing
import ThreadModel
@testable import Stance

/// Sixth-pass context: a neutral parent whose own evidence leans one way below the threshold
/// gives its replies something to agree or disagree with (`StanceClassifier.leaningContext`).
@Suite struct LeanContextTests {
    let thread = Fixture.thread([
        ("1", nil, "Rust is fine."),
        ("2", "1", "Exactly."),
        ("3", "1", "Nonsense."),
        ("4", "2", "This."),
        ("5", nil, "The kernel maintainers meet next week."),
        ("6", "5", "Exactly."),
    ])

    @Test func theParentLeansButTakesNoSide() throws {
        let root = try #require(thread["1"])
        #expect(root.label == .neutral)
        #expect(root.score > 0.05 && root.score < 0.2)
        #expect(root.evidence.allSatisfy { $0.weight > 0 })
    }

    @Test func markersAnswerTheLean() throws {
        let root = try #require(thread["1"])
        let agrees = try #require(thread["2"]), disagrees = try #require(thread["3"])
        #expect(agrees.label == .pro)
        #expect(agrees.source == .inherited)
        let e = try #require(agrees.evidence.first { $0.rule == "reply-agrees" })
        #expect(close(e.weight, 0.8 * root.score))
        #expect(disagrees.label == .anti)
        #expect(disagrees.source == .inverted)
        #expect(close(disagrees.evidence.reduce(0) { $0 + $1.contribution }, disagrees.score))
        // The side taken carries on down the chain as any side does.
        #expect(thread["4"]?.label == .pro)
    }

    @Test func noLeanGivesNoContext() {
        #expect(thread["5"]?.label == .neutral)
        #expect(thread["6"]?.evidence.contains { $0.rule.hasPrefix("reply") } == false)
        #expect(thread["6"]?.label != .pro && thread["6"]?.label != .anti)
    }

    @Test func aMixedParentIsNotALean() {
        let key = CommentKey(threadID: "t", commentID: "p")
        let mixed = CommentStance(key: key, label: .neutral, score: -0.1, confidence: 0.5, evidence: [
            StanceEvidence(rule: "cue", matched: "a", contribution: 0.3),
            StanceEvidence(rule: "cue", matched: "b", contribution: -0.4),
        ])
        #expect(StanceClassifier.leaningContext(mixed, options: StanceOptions()) == nil)
        var leaning = mixed
        leaning.evidence = [StanceEvidence(rule: "cue", matched: "b", contribution: -0.1)]
        #expect(StanceClassifier.leaningContext(leaning, options: StanceOptions())?.score == -0.1)
        var faint = leaning
        faint.score = -0.01
        #expect(StanceClassifier.leaningContext(faint, options: StanceOptions()) == nil)
        var sided = leaning
        sided.label = .anti
        #expect(StanceClassifier.leaningContext(sided, options: StanceOptions()) == nil)
    }
}
