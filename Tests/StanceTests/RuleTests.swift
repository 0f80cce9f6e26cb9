import Testing
import ThreadModel
@testable import Stance

/// One test group per rule, on sentences written for the purpose.
@Suite struct CueRuleTests {
    @Test func proCueMakesPro() {
        let s = Fixture.stance("Memory safety is the whole point.")
        #expect(s.label == .pro)
        #expect(s.evidence.contains { $0.rule == "cue" && $0.matched == "memory safety" })
    }

    @Test func antiCueMakesAntiEvenWhenCalm() {
        let s = Fixture.stance("Rust people should write their own kernel.")
        #expect(s.label == .anti)
        #expect(s.evidence.first { $0.rule == "cue" }?.matched == "their own kernel")
    }

    @Test func negationTurnsACueAroundAtHalfStrength() {
        let s = Fixture.stance("It is not a fad.")
        #expect(s.label == .pro)
        let e = s.evidence.first { $0.rule == "cue" }
        #expect(e.map { close($0.weight, 0.25) } == true)
        #expect(e?.note.hasPrefix("negated") == true)
    }

    @Test func negationDoesNotTurnANonNegatableCue() {
        let s = Fixture.stance("No more use-after-free bugs in the kernel.")
        #expect(s.label == .pro)
        #expect(s.evidence.contains { $0.matched == "use after free*" && $0.weight > 0 })
    }

    @Test func butFavoursTheConclusion() {
        let s = Fixture.stance("Memory safety matters, but the whole thing is a fad.")
        #expect(s.label == .anti)
        let w = s.evidence.filter { $0.rule == "cue" }.map(\.weight)
        #expect(w.count == 2)
        #expect(close(w[0], 0.25) && close(w[1], -0.75))
    }

    @Test func concessionOpenerHalvesTheConcession() {
        let s = Fixture.stance("Although it is a fad, memory safety is what counts.")
        #expect(s.label == .pro)
    }

    @Test func sentenceOpeningWithButHalvesThePreviousOne() {
        let s = Fixture.stance("Memory safety is real. But the crowd around it is full of zealots.")
        #expect(s.label == .anti)
    }
}

@Suite struct TargetSentimentRuleTests {
    @Test func sentimentAboutTheTargetCounts() {
        let s = Fixture.stance("I love Rust.")
        #expect(s.label == .pro)
        #expect(s.evidence.contains { $0.rule == "target-sentiment" && $0.matched == "Rust" })
    }

    @Test func negativeSentimentAboutTheOtherSideIsPro() {
        // Negative in tone, pro in stance.
        let s = Fixture.stance("I am sick of C, it is a terrible mess and I hate it.")
        #expect(s.label == .pro)
        #expect(s.evidence.contains { $0.rule == "other-side-sentiment" && $0.weight > 0 })
        // With a cue in the sentence the cue speaks and the sentiment is not counted again.
        let cue = Fixture.stance("I'm sick of chasing use-after-frees in C.")
        #expect(cue.label == .pro)
        #expect(!cue.evidence.contains { $0.rule == "other-side-sentiment" })
    }

    @Test func sentimentWithoutATargetIsNotStance() {
        let s = Fixture.stance("I hate mornings, they are awful.")
        #expect(s.label == .offTopic)
        #expect(!s.evidence.contains { $0.rule.contains("sentiment") })
    }

    @Test func backReferenceCarriesSentimentToTheTarget() {
        let s = Fixture.stance("Rust is a language. It is wonderful, I love it.")
        #expect(s.evidence.contains { $0.rule == "target-sentiment-carried" && $0.matched == "It" })
        #expect(s.label == .pro)
    }

    @Test func sentenceNamingBothSidesIsLeftToComparisons() {
        let s = Fixture.stance("Rust and C are both great.")
        #expect(!s.evidence.contains { $0.rule.contains("sentiment") })
        #expect(s.label == .neutral)
    }
}

@Suite struct ComparisonRuleTests {
    @Test(arguments: [
        ("Rust is safer than C.", StanceLabel.pro),
        ("C is simpler than Rust.", .anti),
        ("C is worse than Rust for drivers.", .pro),
        ("Rust is more reliable than C.", .pro),
        ("Rust is less readable than C.", .anti),
        ("With all that unsafe it is no better than C.", .anti),
        ("It is much safer than C.", .pro),
    ])
    func comparatives(_ text: String, _ expected: StanceLabel) {
        let s = Fixture.stance(text)
        #expect(s.label == expected, "\(text): \(s.evidence)")
        #expect(s.evidence.contains { $0.rule == "comparison" })
    }

    @Test(arguments: [
        ("New drivers should use Rust instead of C.", StanceLabel.pro),
        ("I would pick C over Rust any day.", .anti),
        ("Replace the C parsers with Rust.", .pro),
        ("They dropped C++ in favour of Rust.", .pro),
        ("Write it in C rather than Rust.", .anti),
    ])
    func preferences(_ text: String, _ expected: StanceLabel) {
        let s = Fixture.stance(text)
        #expect(s.label == expected, "\(text): \(s.evidence)")
        #expect(s.evidence.contains { $0.rule == "preference" })
    }

    @Test func overWithoutTwoSidesIsNotAPreference() {
        let s = Fixture.stance("Rust has grown over the years.")
        #expect(!s.evidence.contains { $0.rule == "preference" })
    }
}

@Suite struct QuoteTests {
    @Test func quotedTextIsNotTheAuthorsStance() {
        let quote = "Rust is a fad and pure hype."
        let s = Fixture.stance("\(quote)\nThe compiler team would disagree.", quoted: [quote])
        #expect(!s.evidence.contains { $0.rule == "cue" })
        #expect(s.label == .neutral)
    }

    @Test func ownWordsAfterAQuoteStillCount() {
        let quote = "C is all you need."
        let s = Fixture.stance("\(quote)\nMemory safety says otherwise.", quoted: [quote])
        #expect(s.label == .pro)
        #expect(s.evidence.allSatisfy { $0.span.map { $0.start >= quote.utf8.count } ?? true })
    }
}

@Suite struct MoreRuleTests {
    @Test func nobodyNegatesACue() {
        let s = Fixture.stance("Nobody thinks memory safety matters.")
        #expect(s.label == .anti)
    }

    @Test func aComparativeCueCountsOnceAsTheComparison() throws {
        let yaml = Fixture.profileYAML.replacingOccurrences(of: "    - match: here to stay\n", with: "    - match: [here to stay, safer]\n")
        let c = StanceClassifier(profile: try StanceProfile.parse(yaml: yaml, path: "t.yml"))
        let s = Fixture.stance("Rust is safer than C.", classifier: c)
        #expect(s.evidence.filter { $0.rule == "comparison" }.count == 1)
        #expect(!s.evidence.contains { $0.rule == "cue" })
        #expect(Fixture.stance("It made the driver safer.", classifier: c).evidence.contains { $0.rule == "cue" })
    }

    @Test func clauseSentimentSplitsASentenceNamingBothSides() throws {
        // Contributions with spans, as the sentiment stage gives them.
        let text = "Rust is wonderful, but C is a mess."
        let c = Fixture.comment(text)
        let sentiment = Fixture.analyzer.analyze(c)
        let s = Fixture.classifier.classify(c, sentiment: sentiment, parent: nil)
        let e = try #require(s.evidence.first { $0.rule == "clause-sentiment" })
        #expect(e.weight > 0)
        #expect(s.label == .pro)
    }

    @Test func ownSubjectLinesCountRepliesCopiesDoNot() {
        var c = Fixture.comment("The kernel summit met in Tokyo.")
        c.title = "Memory safety wins"
        let s = Fixture.classifier.classify(c, sentiment: nil, parent: nil)
        #expect(s.label == .pro)
        let e = s.evidence.first { $0.rule == "cue" }
        #expect(e?.span == nil && e?.note.hasPrefix("in the title") == true)
        c.title = "Re:Memory safety wins"
        #expect(Fixture.classifier.classify(c, sentiment: nil, parent: nil).label == .neutral)
    }

    @Test func offTopicMarkersAreOutweighedByOnTopicWords() {
        #expect(Fixture.stance("Slashdot again: the kernel compiler code is what matters here.").label == .neutral)
        #expect(Fixture.stance("Slashdot editors and their woke summary again.").label == .offTopic)
    }
}

@Suite struct SarcasmRuleTests {
    @Test func explicitTagTurnsTheEvidenceAround() throws {
        let plain = Fixture.stance("Memory safety is overrated anyway, C is all anyone needs.")
        let tagged = Fixture.stance("Rust is a fad, memory safety is pure hype. /s")
        #expect(tagged.label == .pro)
        let e = try #require(tagged.evidence.first { $0.rule == "sarcasm" })
        let others = tagged.evidence.filter { $0.rule != "sarcasm" }.reduce(0) { $0 + $1.weight }
        #expect(close(e.weight, -2 * others))
        #expect(!plain.evidence.contains { $0.rule == "sarcasm" })
    }

    @Test func pathsAndWordsEndingInSAreNotTags() {
        #expect(!Fixture.stance("It lives in /usr/lib/s").evidence.contains { $0.rule == "sarcasm" })
        #expect(!Fixture.stance("Rust is a fad, it is all hype, yes").evidence.contains { $0.rule == "sarcasm" })
    }
}
