import Foundation
import Testing
import ThreadModel
@testable import Stance

@Suite struct ReplyRuleTests {
    /// The marker rules alone: `reply-answers` (a reply with nothing of its own) is off here and
    /// tested in `SilentReplyTests`.
    static let markersOnly = StanceClassifier(profile: Fixture.profile, options: StanceOptions(silentReplyFactor: 0))
    let thread = Fixture.thread([
        ("1", nil, "Rust is a fad and the crowd is full of zealots."),
        ("2", "1", "Exactly."),
        ("3", "1", "Nonsense."),
        ("4", "1", "No. The kernel folks measured it."),
        ("5", "1", "No compiler is perfect."),
        ("6", "1", "I don't agree with any of this."),
        ("7", "1", "Indeed. Still, Rust is here to stay and memory safety matters."),
        ("8", "3", "This."),
        ("9", "5", "Exactly."),
    ], classifier: markersOnly)

    @Test func parentIsAnti() {
        #expect(thread["1"]?.label == .anti)
        #expect(thread["1"]?.source == .direct)
    }

    @Test func agreementInheritsTheParentsStance() throws {
        let s = try #require(thread["2"])
        #expect(s.label == .anti)
        #expect(s.source == .inherited)
        let parent = try #require(thread["1"])
        let e = try #require(s.evidence.first { $0.rule == "reply-agrees" })
        #expect(close(e.weight, 0.8 * parent.score))
        #expect(e.matched == "^exactly")
    }

    @Test func disagreementInvertsTheParentsStance() {
        #expect(thread["3"]?.label == .pro)
        #expect(thread["3"]?.source == .inverted)
        #expect(thread["6"]?.label == .pro)
        #expect(thread["6"]?.source == .inverted)
        #expect(thread["6"]?.evidence.contains { $0.rule == "reply-disagrees" } == true)
    }

    @Test func anchoredNoNeedsAClauseBoundary() {
        #expect(thread["4"]?.source == .inverted)
        #expect(thread["5"]?.source == .direct)
        #expect(thread["5"]?.label == .neutral)
    }

    @Test func ownStanceWinsOverAgreement() {
        #expect(thread["7"]?.label == .pro)
        #expect(thread["7"]?.source == .direct)
        #expect(thread["7"]?.evidence.contains { $0.rule.hasPrefix("reply") } == false)
    }

    @Test func inheritanceChainsThroughTheTree() throws {
        let s = try #require(thread["8"])
        #expect(s.label == .pro)
        #expect(s.source == .inherited)
        let three = try #require(thread["3"])
        #expect(s.score < three.score)
    }

    @Test func agreeingWithANeutralParentInheritsNothing() {
        #expect(thread["9"]?.label == .neutral)
        #expect(thread["9"]?.source == .direct)
    }
}

@Suite struct OffTopicRuleTests {
    @Test func politicsWithoutTheTargetIsOffTopic() {
        let s = Fixture.stance("The woke crowd and Trump fans deserve each other.")
        #expect(s.label == .offTopic)
        #expect(s.evidence.contains { $0.rule == "off-topic" && $0.note == "politics" })
        #expect(s.evidence.allSatisfy { $0.contribution == 0 || $0.rule != "off-topic" })
    }

    @Test func naminTheTargetKeepsItOnTopic() {
        let s = Fixture.stance("Woke developers ruined Rust for me.")
        #expect(s.label != .offTopic)
    }

    @Test func emptyAndLinkOnlyCommentsAreOffTopic() {
        let empty = Fixture.stance("")
        #expect(empty.label == .offTopic)
        #expect(close(empty.confidence, 1))
        #expect(Fixture.stance("https://example.org/some/page.html").label == .offTopic)
        #expect(Fixture.stance("[example.org]").label == .offTopic)
    }

    @Test func nothingAboutTheDebateIsOffTopic() {
        #expect(Fixture.stance("What a nice day for a walk.").label == .offTopic)
    }

    @Test func onTopicWithoutASideIsNeutral() {
        let s = Fixture.stance("The kernel maintainers meet next week to discuss the compiler.")
        #expect(s.label == .neutral)
        #expect(s.confidence > 0.9)
    }
}

@Suite struct ReplyShapeTests {
    @Test func agreementFollowedByButIsAConcession() {
        let t = Fixture.thread([
            ("1", nil, "Rust is a fad and the crowd is full of zealots."),
            ("2", "1", "I agree with part of that. But the kernel people measured it."),
            ("3", "1", "Indeed, but not for the reasons you give."),
        ])
        #expect(t["2"]?.source == .inverted && t["2"]?.label == .pro)
        #expect(t["2"]?.evidence.contains { $0.matched == "i agree ... but" } == true)
        #expect(t["3"]?.source == .inverted)
    }

    @Test func aReplyQuotingItsParentWithoutAStanceRebuts() throws {
        let parentText = "Rust is a fad and the crowd is full of zealots."
        let parent = Fixture.comment(parentText, id: "1")
        let quoted = "the crowd is full of zealots."
        var reply = Fixture.comment("\(quoted)\nThe kernel maintainers decided otherwise.", id: "2", parent: "1",
                                    quoted: [quoted])
        reply.quotes[0].quotedCommentID = "1"
        let plain = Fixture.comment("The kernel maintainers decided otherwise.", id: "3", parent: "1")
        let t = DiscussionThread(id: "t", source: .slashdot, file: "x", comments: [parent, reply, plain])
        let out = Fixture.classifier.run(threads: [t], sentiments: Fixture.sentiments([parent, reply, plain]))
        #expect(out[0].label == .anti)
        #expect(out[1].label == .pro && out[1].source == .inverted)
        let e = try #require(out[1].evidence.first { $0.rule == "reply-rebuts" })
        // It answers the passage it quotes ("zealots", weight 0.5), not the parent as a whole.
        #expect(close(e.weight, -0.6 * tanh(-0.5)))
        // Without the quote, the reply answers in its own words: the weaker prior of `reply-answers`
        // on the whole parent.
        #expect(out[2].label == .pro && out[2].evidence.contains { $0.rule == "reply-answers" })
        #expect(out[2].evidence.contains { $0.rule == "reply-rebuts" } == false)
    }

    @Test func longRepliesToOnTopicParentsStayOnTopic() {
        let long = "Well, I have watched this kind of thing happen many times before and it always ends the same way with people arguing."
        let t = Fixture.thread([("1", nil, "Memory safety is the whole point."), ("2", "1", long), ("3", nil, long)])
        #expect(t["2"]?.label != .offTopic)
        #expect(t["3"]?.label == .offTopic)
    }
}
