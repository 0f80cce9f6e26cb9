import Foundation
import Ingest
import Testing
import ThreadModel
@testable import Stance

/// Reply markers in the first sentence (not only as its first word), and replies scored on the
/// passage of the parent they quote.
struct ReplyMarkerTests {
    static let anti = "Rust is a fad and the crowd is full of zealots."

    func reply(_ text: String, classifier: StanceClassifier = Fixture.classifier) -> CommentStance? {
        Fixture.thread([("1", nil, Self.anti), ("2", "1", text)], classifier: classifier)["2"]
    }

    @Test func anAnchoredMarkerMayFollowAnInterjectionOrAClauseStart() throws {
        for text in ["Well, no.", "Oh, nonsense.", "I see where you are coming from, but no.", "Sorry, but no."] {
            let s = try #require(reply(text))
            #expect(s.source == .inverted && s.label == .pro, "\(text): \(s)")
        }
    }

    @Test func anAnchoredMarkerMayFollowThatIs() throws {
        for text in ["That's nonsense.", "That is utter nonsense.", "This is nonsense, the patches were reviewed."] {
            let s = try #require(reply(text))
            #expect(s.source == .inverted && s.label == .pro, "\(text): \(s)")
        }
        #expect(reply("That's exactly it.")?.source == .direct)
        #expect(reply("Exactly that.")?.source == .direct)
    }

    @Test func anAnchoredMarkerStillNeedsABoundaryAndTheFirstSentence() {
        // "no" runs on into a claim, a marker in a later sentence, or after other words.
        // (Such a reply may still answer its parent in its own words: `reply-answers`, not a marker.)
        let markers: Set<String> = ["reply-agrees", "reply-disagrees"]
        for text in ["Well, no compiler is perfect.", "The maintainers measured it. No.", "Rust is nonsense."] {
            #expect(reply(text)?.evidence.contains { markers.contains($0.rule) } == false, "\(text)")
        }
    }

    @Test func sarcasticOpenersCountOnlyAlone() throws {
        let shipped = DirectedCueTests.shipped
        let proParent = "Memory safety is the whole point of Rust in the kernel."
        let t = Fixture.thread([
            ("1", nil, proParent),
            ("2", "1", "Right."),
            ("3", "1", "That's right."),
            ("4", "1", "Oh, sure."),
        ], classifier: shipped)
        #expect(t["2"]?.source == .inverted && t["2"]?.label == .anti)
        #expect(t["3"]?.source == .inherited && t["3"]?.label == .pro, "\(String(describing: t["3"]))")
        #expect(t["4"]?.source == .inverted)
    }

    @Test func theShippedProfileKnowsCommonReplyPhrasings() {
        let t = Fixture.thread([
            ("1", nil, "Memory safety is the whole point of Rust in the kernel."),
            ("2", "1", "I never said the maintainers were wrong about that."),
            ("3", "1", "Can confirm, we saw the same thing at work."),
            ("4", "1", "You have it backwards, the bugs moved elsewhere."),
            ("5", "1", "My thoughts exactly."),
            ("6", "1", "Since when does a checker stop a maintainer from shipping a bad design?"),
        ], classifier: DirectedCueTests.shipped)
        #expect(t["6"]?.evidence.contains { $0.rule == "reply-disagrees" && $0.matched == "since when" } == true)
        #expect(t["2"]?.evidence.contains { $0.rule == "reply-disagrees" } == true)
        #expect(t["3"]?.evidence.contains { $0.rule == "reply-agrees" } == true)
        #expect(t["4"]?.source == .inverted && t["4"]?.label == .anti)
        #expect(t["5"]?.source == .inherited && t["5"]?.label == .pro)
    }

    /// A reply quoting one polar sentence of a parent that balanced out answers that sentence.
    @Test func aReplyAnswersThePassageItQuotes() throws {
        let parent = Fixture.comment("Rust in the kernel has memory safety, and the crowd is full of zealots.", id: "1")
        let quoted = "the crowd is full of zealots"
        let replyText = "> \(quoted)\nI have met a few of them at conferences."
        var r = Fixture.comment(replyText, id: "2", parent: "1", quoted: ["> \(quoted)"])
        r.quotes = r.quotes.map { QuoteSpan(span: $0.span, quotedCommentID: "1") }
        let thread = DiscussionThread(id: "t", source: .jsonl, file: "test", comments: [parent, r])
        let out = Fixture.classifier.run(threads: [thread], sentiments: Fixture.sentiments([parent, r]))
        let p = try #require(out.first { $0.key.commentID == "1" })
        let s = try #require(out.first { $0.key.commentID == "2" })
        // The parent as a whole is nearly balanced (memory safety against zealots) ...
        #expect(abs(p.score) < 0.2 || p.label == .neutral, "\(p)")
        // ... but the passage it quotes is anti, so the reply answering it leans pro.
        let e = try #require(s.evidence.first { $0.rule == "reply-rebuts" }, "\(s)")
        #expect(e.weight > 0 && e.note.contains("passage it quotes"))
        #expect(s.label == .pro && s.source == .inverted)
    }

    @Test func aMarkerAnswersThePassageItQuotesToo() throws {
        let parent = Fixture.comment("Rust in the kernel has memory safety, and the crowd is full of zealots.", id: "1")
        var r = Fixture.comment("> the crowd is full of zealots\nNonsense.", id: "2", parent: "1",
                                quoted: ["> the crowd is full of zealots"])
        r.quotes = r.quotes.map { QuoteSpan(span: $0.span, quotedCommentID: "1") }
        let thread = DiscussionThread(id: "t", source: .jsonl, file: "test", comments: [parent, r])
        let out = Fixture.classifier.run(threads: [thread], sentiments: Fixture.sentiments([parent, r]))
        let s = try #require(out.first { $0.key.commentID == "2" })
        let e = try #require(s.evidence.first { $0.rule == "reply-disagrees" }, "\(s)")
        #expect(close(e.weight, -0.8 * tanh(-0.5)))
        #expect(s.label == .pro && s.source == .inverted)
    }

    /// A passage the parent was itself quoting is not the parent's claim.
    @Test func aPassageTheParentQuotedIsNotItsClaim() throws {
        var parent = Fixture.comment("> the crowd is full of zealots\nWhy do people keep saying this?", id: "2",
                                     parent: "1", quoted: ["> the crowd is full of zealots"])
        parent.quotes = parent.quotes.map { QuoteSpan(span: $0.span, quotedCommentID: "1") }
        var r = Fixture.comment("> the crowd is full of zealots\n> Why do people keep saying this?\nBecause I met some.",
                                id: "3", parent: "2",
                                quoted: ["> the crowd is full of zealots\n> Why do people keep saying this?"])
        r.quotes = r.quotes.map { QuoteSpan(span: $0.span, quotedCommentID: "2") }
        let c = Fixture.classifier
        let passage = c.quotedClaim(r, parent: CommentStance(key: parent.key, label: .neutral, score: 0, confidence: 1),
                                    parentComment: parent)
        #expect(passage == nil)
        // Without the parent's text, the grandparent's line would be taken for the parent's claim.
        let blind = c.quotedClaim(r, parent: CommentStance(key: parent.key, label: .neutral, score: 0, confidence: 1),
                                  parentComment: nil)
        #expect(blind?.label == .anti)
    }

    @Test func aPolarParentIsAnsweredAsAWholeWhenTheQuoteTakesNoSide() throws {
        let parent = Fixture.comment("Rust is a fad. The kernel has thirty million lines.", id: "1")
        var r = Fixture.comment("> The kernel has thirty million lines.\nAnd?", id: "2", parent: "1",
                                quoted: ["> The kernel has thirty million lines."])
        r.quotes = r.quotes.map { QuoteSpan(span: $0.span, quotedCommentID: "1") }
        let thread = DiscussionThread(id: "t", source: .jsonl, file: "test", comments: [parent, r])
        let out = Fixture.classifier.run(threads: [thread], sentiments: Fixture.sentiments([parent, r]))
        let p = try #require(out.first { $0.key.commentID == "1" })
        let s = try #require(out.first { $0.key.commentID == "2" })
        let e = try #require(s.evidence.first { $0.rule == "reply-rebuts" })
        #expect(close(e.weight, -0.6 * p.score))
        #expect(!e.note.contains("passage"))
    }
}

/// Bare disagreement replies read through the real Slashdot reader: "Nonsense." and "No, ..."
/// under a pro comment invert it rather than falling off the subject. One reply per thread: the
/// reader hangs a second "Re:" under the first.
struct SlashdotShortReplyTests {
    @Test(arguments: ["Nonsense.", "No, it is not.", "Well, no.", "That's utter nonsense."])
    func aBareDisagreementInvertsAProParent(_ reply: String) throws {
        let text = """
        Kernel Adopts New Language (example.org) 2
        A contributor writes:
        The kernel now accepts drivers in a second language.
        The kernel now accepts drivers in a second language.
        Long overdue (Score:5, Insightful)
        Memory safety in new drivers is long overdue, and Rust is here to stay.
        Re:Long overdue (Score:1)
        \(reply)
        """
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("stance-short-reply-\(UUID().uuidString).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let thread = try #require(try Ingestor().read(path: url.path).threads.first)
        try #require(thread.comments.count == 2)
        let stances = Fixture.classifier.run(threads: [thread], sentiments: Fixture.sentiments(thread.comments))
        #expect(stances[0].label == .pro)
        #expect(stances[1].label == .anti && stances[1].source == .inverted, "\(stances[1])")
    }
}
