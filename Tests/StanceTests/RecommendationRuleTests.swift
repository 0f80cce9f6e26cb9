import Testing
import ThreadModel
@testable import Stance

/// Rule "recommendation" on sentences written for it: advice naming one side.
@Suite struct RecommendationRuleTests {
    static func recommendation(_ text: String) -> StanceEvidence? {
        Fixture.stance(text).evidence.first { $0.rule == RecommendationRule.name }
    }

    @Test(arguments: [
        ("They should have used C++ and kept every compiler they support.", -1.0),
        ("Just use C.", -1.0),
        ("Why not simply write it in C++?", -1.0),
        ("We could have stuck with plain C for another decade.", -1.0),
        ("New parsers should be written in Rust.", 1.0),
        ("Why not use Rust for the parser?", 1.0),
        ("You shouldn't use C for code that parses network input.", 1.0),
        ("I would never use Rust for a kernel module.", -1.0),
        ("Why use Rust when the old code works?", -1.0),
    ]) func adviceNamesASide(_ text: String, sign: Double) throws {
        let e = try #require(Self.recommendation(text), "no recommendation in: \(text)")
        #expect(e.weight * sign > 0, "\(text): \(e.weight)")
        #expect(close(abs(e.weight), 0.6 * ComparisonRule.impliedFactor, tolerance: 0.5))
    }

    @Test(arguments: [
        "Git is written in C.",
        "At work we use Rust for the backend.",
        "Use Rust instead of C for new drivers.",
        "The build uses gcc for everything.",
    ]) func statementsAndComparisonsAreNotAdvice(_ text: String) {
        #expect(Self.recommendation(text) == nil, "\(text)")
    }

    @Test func adviceDecidesTheComment() {
        let s = Fixture.stance("They should have moved to C++ instead.")
        #expect(s.label == .anti)
        #expect(s.evidence.contains { $0.rule == RecommendationRule.name && $0.matched == "should have moved to C++" })
    }
}
