import Foundation
import Testing
import ThreadModel
@testable import Stance

/// Second-pass reply mechanisms: a weak own lean read against the parent, inline quotations as
/// rebuttals, explicit markers outranking tone, and reported speech turning a cue around.
@Suite struct ReplyLeanTests {
    @Test func aWeakLeanAgainstTheParentBecomesARebuttal() throws {
        // Reply: mild tone about the target ("fine"), a lean below the threshold on its own.
        let t = Fixture.thread([
            ("1", nil, "Rust is a fad and the crowd is full of zealots."),
            ("2", "1", "Rust is fine."),
        ])
        let parent = try #require(t["1"]), reply = try #require(t["2"])
        let own = reply.evidence.filter { !$0.rule.hasPrefix("reply") }.reduce(0) { $0 + $1.weight }
        #expect(own > 0 && tanh(own) < 0.2)
        #expect(reply.label == .pro)
        #expect(reply.source == .inverted)
        let e = try #require(reply.evidence.first { $0.rule == "reply-leans" })
        #expect(close(e.weight, 0.5 * abs(parent.score)))
        #expect(close(reply.evidence.reduce(0) { $0 + $1.contribution }, reply.score))
    }

    @Test func noLeanGetsNothingAndTheFactorTurnsItOff() throws {
        let rows: [(String, String?, String)] = [
            ("1", nil, "Rust is a fad and the crowd is full of zealots."),
            ("2", "1", "The kernel maintainers meet next week."),
            ("3", "1", "Rust is fine."),
        ]
        let t = Fixture.thread(rows, classifier: StanceClassifier(profile: Fixture.profile,
                                                                  options: StanceOptions(silentReplyFactor: 0)))
        #expect(t["2"]?.evidence.contains { $0.rule.hasPrefix("reply") } == false)
        var options = StanceOptions()
        options.leaningReplyFactor = 0
        let off = Fixture.thread(rows, classifier: StanceClassifier(profile: Fixture.profile, options: options))
        #expect(off["3"]?.evidence.contains { $0.rule == "reply-leans" } == false)
        #expect(off["3"]?.label == .neutral)
    }

    @Test func inlineQuotationRebutsTheParent() throws {
        let t = Fixture.thread([
            ("1", nil, "Rust is a fad and the crowd is full of zealots."),
            ("2", "1", "\u{201C}The crowd is full of\u{201D} is what you say when the kernel code speaks for itself."),
            ("3", "1", "The word \"crowd\" is doing a lot of work in that kernel code."),
        ])
        let e = try #require(t["2"]?.evidence.first { $0.rule == "reply-rebuts" })
        #expect(e.matched == "(words in quotes)")
        #expect(e.span != nil)
        #expect(t["2"]?.label == .pro)
        // One word in quotes is a scare quote on a term, not an echo of a claim.
        #expect(t["3"]?.evidence.contains { $0.rule == "reply-rebuts" } == false)
    }

    @Test func explicitMarkerOutranksToneButAConcessionDoesNot() throws {
        let t = Fixture.thread([
            ("1", nil, "Rust is a fad and the crowd is full of zealots."),
            // Tone about the other side is warm (anti by sentiment alone), the marker disagrees.
            ("2", "1", "Nonsense, C is great."),
            ("3", "1", "I agree. But C is great."),
        ])
        let two = try #require(t["2"])
        #expect(two.evidence.contains { $0.rule == "other-side-sentiment" })
        #expect(two.evidence.contains { $0.rule == "reply-disagrees" })
        #expect(two.label == .pro)
        #expect(t["3"]?.evidence.contains { $0.rule.hasPrefix("reply") } == false)
        #expect(t["3"]?.label == .anti)
    }

    @Test func reportedSpeechTurnsACueAround() throws {
        let claimed = Fixture.stance("Rust is just hype.")
        let reported = Fixture.stance("Every time this comes up someone says it is just hype.")
        let after = Fixture.stance("That is what they said before the hype started.")
        let quoted = Fixture.stance("I keep hearing \"it is all hype and zealots\" from people who never tried Rust.")
        #expect(claimed.score < 0)
        let e = try #require(reported.evidence.first { $0.rule == "cue" })
        #expect(close(e.weight, -0.5 * -0.5))
        #expect(e.note.hasPrefix("reported, not claimed: "))
        // A clause-ending word ("before") closes the reported clause: the cue is the commenter's own.
        #expect(after.evidence.first { $0.rule == "cue" }.map { $0.weight < 0 } == true)
        #expect(quoted.evidence.filter { $0.rule == "cue" }.allSatisfy { $0.weight > 0 })
    }
}

/// Rule "reply-answers": a reply with no marker, no quote and nothing of its own.
@Suite struct SilentReplyTests {
    static let anti = "Rust is a fad and the crowd is full of zealots."

    @Test func aReplyWithNothingOfItsOwnAnswersItsParent() throws {
        let t = Fixture.thread([
            ("1", nil, Self.anti),
            ("2", "1", "Six minutes once, then incremental builds. Most people get the compiler from their distribution."),
        ])
        let parent = try #require(t["1"]), reply = try #require(t["2"])
        #expect(reply.label == .pro && reply.source == .inverted)
        let e = try #require(reply.evidence.first { $0.rule == "reply-answers" })
        #expect(close(e.weight, -0.8 * parent.score))
        #expect(e.span == nil && e.matched == "(answers the parent)")
        #expect(close(reply.evidence.reduce(0) { $0 + $1.contribution }, reply.score))
    }

    @Test func ownEvidenceMarkersOffTopicRepliesAndNeutralParentsAreLeftAlone() throws {
        let t = Fixture.thread([
            ("1", nil, Self.anti),
            ("2", "1", "Exactly."),                             // a marker: reply-agrees instead
            ("3", "1", "Memory safety is the whole point."),    // its own side
            ("4", "1", "Nice weather today."),                  // names nothing of the debate
            ("5", nil, "The maintainers meet next week."),      // a neutral parent
            ("6", "5", "The compiler team will be there too."),
        ])
        #expect(t["2"]?.evidence.contains { $0.rule == "reply-answers" } == false)
        #expect(t["2"]?.evidence.contains { $0.rule == "reply-agrees" } == true)
        #expect(t["3"]?.evidence.contains { $0.rule == "reply-answers" } == false)
        #expect(t["4"]?.label == .offTopic)
        #expect(t["6"]?.label == .neutral)
    }

    @Test func theFactorTurnsItOff() {
        let rows: [(String, String?, String)] = [("1", nil, Self.anti), ("2", "1", "The compiler team will be there too.")]
        #expect(Fixture.thread(rows)["2"]?.label == .pro)
        let off = StanceClassifier(profile: Fixture.profile, options: StanceOptions(silentReplyFactor: 0))
        #expect(Fixture.thread(rows, classifier: off)["2"]?.label == .neutral)
    }
}

extension SilentReplyTests {
    @Test func aReplyOpeningWithAQuestionAsksAndTakesNoSide() {
        let t = Fixture.thread([
            ("1", nil, Self.anti),
            ("2", "1", "Which compiler versions exactly? The kernel docs list a minimum."),
        ])
        #expect(t["2"]?.label == .neutral)
        #expect(t["2"]?.evidence.contains { $0.rule == "reply-answers" } == false)
    }
}

/// A reply taking its side from a pro or anti parent keeps that side below the threshold.
@Suite struct TakenSideTests {
    /// A threshold of 0.45: a parent with one cue of 0.5 (tanh 0.46) just passes it, and an
    /// agreeing reply's share (0.8 × 0.46, tanh 0.35) falls below it.
    static let strict = StanceClassifier(profile: Fixture.profile, options: StanceOptions(threshold: 0.45))

    @Test func aWeakInheritedShareStillCarriesTheSide() throws {
        let t = Fixture.thread([("1", nil, "Memory safety matters."), ("2", "1", "Exactly."), ("3", "1", "Nonsense.")],
                               classifier: Self.strict)
        let parent = try #require(t["1"]), agrees = try #require(t["2"]), disagrees = try #require(t["3"])
        #expect(parent.label == .pro && parent.score >= 0.45)
        #expect(abs(agrees.score) < 0.45 && abs(disagrees.score) < 0.45)
        #expect(agrees.label == .pro && agrees.source == .inherited)
        #expect(disagrees.label == .anti && disagrees.source == .inverted)
        #expect(agrees.confidence < parent.confidence)
    }

    @Test func withoutAParentSideTheThresholdHolds() {
        let t = Fixture.thread([("1", nil, "The kernel code is large."), ("2", "1", "Exactly."),
                                ("3", nil, "Memory safety is real, but it is a fad.")], classifier: Self.strict)
        #expect(t["2"]?.label != .pro && t["2"]?.source == .direct)
        // Own evidence below the threshold with no parent stays neutral.
        #expect(t["3"]?.label == .neutral || abs(t["3"]?.score ?? 0) >= 0.45)
    }
}
