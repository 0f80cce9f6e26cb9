import Foundation
import Sentiment
import Testing
import ThreadModel
@testable import Stance

/// Cues said of one side (`said_of`), the shipped profile's argument cues, the on-topic reading of
/// short quoting replies, and evidence that always names what it matched.
struct DirectedCueTests {
    static let yaml = """
    name: directed
    target: Rust
    aliases: [rust, rustacean*]
    other_side: [C, gcc]
    topic_terms: [kernel, code]
    cues:
      pro:
        - match: [gatekeep*]
          weight: 0.4
          said_of: other_side
          note: faults the other side's conduct
      anti:
        - match: [toxic]
          weight: 0.4
          said_of: target
          note: faults the target's community
        - match: [fad]
          weight: 0.5
    replies:
      agree: [^this]
      disagree: [^no]
    """

    static let classifier: StanceClassifier = {
        do { return StanceClassifier(profile: try StanceProfile.parse(yaml: yaml, path: "directed.yml")) } catch {
            preconditionFailure("\(error)")
        }
    }()

    static let shipped: StanceClassifier = {
        do { return StanceClassifier(profile: try StanceProfile.load(path: ProfileTests.defaultPath)) } catch {
            preconditionFailure("\(error)")
        }
    }()

    func cue(_ text: String, _ c: StanceClassifier = classifier) -> StanceEvidence? {
        Fixture.stance(text, classifier: c).evidence.first { $0.rule == "cue" }
    }

    @Test func aCueSaidOfTheOtherSideTurnsAround() throws {
        let own = try #require(cue("The Rust crowd is toxic."))
        #expect(own.weight == -0.4)
        let other = try #require(cue("The C old guard is toxic."))
        #expect(other.weight == 0.4)
        #expect(other.note.hasPrefix("said of the other side:"))
        // Naming both sides, or neither, keeps the cue's own sign.
        #expect(cue("Both the C and the Rust people are toxic.")?.weight == -0.4)
        #expect(cue("That mailing list is toxic.")?.weight == -0.4)
    }

    @Test func aProCueSaidOfTheTargetTurnsAround() throws {
        #expect(cue("The maintainers gatekeep the subsystem.")?.weight == 0.4)
        let e = try #require(cue("Rustaceans gatekeep every discussion."))
        #expect(e.weight == -0.4 && e.note.hasPrefix("said of the target:"))
        #expect(Fixture.stance("Rustaceans gatekeep every discussion.", classifier: Self.classifier).label == .anti)
    }

    @Test func undirectedCuesIgnoreWhichSideIsNamed() {
        #expect(cue("C is a fad.")?.weight == -0.5)
    }

    @Test func saidOfIsValidated() throws {
        let bad = "name: x\ntarget: Rust\naliases: rust\ncues:\n  pro:\n    - {match: a, weight: 0.1, said_of: both}\n"
        do {
            _ = try StanceProfile.parse(yaml: bad, path: "x.yml")
            Issue.record("said_of: both was accepted")
        } catch let e as ProfileError {
            #expect(e.key == "cues.pro[0].said_of" && e.line == 6)
            #expect(e.message.contains("target or other_side"))
        }
        let p = try StanceProfile.parse(yaml: Self.yaml, path: "d.yml")
        #expect(p.cues.first { $0.match == "toxic" }?.saidOf == .target)
        #expect(p.cues.first { $0.match == "fad" }?.saidOf == nil)
    }

    /// "because" in the middle of a reply is not a disagreement marker in the shipped profile
    /// (a YAML flow list once split "yeah, because" into two markers).
    @Test func becauseAloneIsNotADisagreement() throws {
        let p = try StanceProfile.load(path: ProfileTests.defaultPath)
        #expect(!p.disagree.contains("because") && !p.disagree.contains("yeah"))
        let t = Fixture.thread([
            ("1", nil, "Memory safety is the whole point of Rust in the kernel."),
            ("2", "1", "I read the patches because the subsystem matters to me at work."),
            ("3", "1", "Yeah, because that always works out so well."),
        ], classifier: Self.shipped)
        #expect(t["2"]?.evidence.contains { $0.rule == "reply-disagrees" } == false)
        #expect(t["3"]?.evidence.contains { $0.rule == "reply-disagrees" && $0.matched.hasPrefix("yeah") && $0.matched.hasSuffix("because") } == true)
        #expect(t["3"]?.label == .anti, "\(String(describing: t["3"]))")
    }

    @Test func anUnanchoredCommonWordIsRejectedAsAReplyMarker() throws {
        let bad = "name: x\ntarget: Rust\naliases: rust\nreplies:\n  disagree: [nonsense, yeah, because]\n"
        do {
            _ = try StanceProfile.parse(yaml: bad, path: "x.yml")
            Issue.record("a one-word common marker was accepted")
        } catch let e as ProfileError {
            #expect(e.key == "replies.disagree[1]" && e.line == 5, "\(e)")
            #expect(e.message.contains("'yeah' is a common word"))
        }
        let good = "name: x\ntarget: Rust\naliases: rust\nreplies:\n  disagree: [nonsense, ^yeah, 'yeah, because']\n"
        let p = try StanceProfile.parse(yaml: good, path: "x.yml")
        #expect(p.disagree == ["nonsense", "^yeah", "yeah, because"])
    }

    @Test func shippedArgumentCues() {
        let cases: [(String, StanceLabel)] = [
            ("The compiler refuses to build code with a data race in it, which is the point.", .pro),
            ("Stop blaming the programmer when every team ships the same mistakes.", .pro),
            ("The new driver is on par with the old one in every benchmark.", .pro),
            ("New code should be written this way from now on.", .pro),
            ("The unsafe blocks are small and each carries a safety comment.", .pro),
            ("Most bugs are logic bugs that no type system will catch.", .anti),
            ("Starting over throws away decades of fixes.", .anti),
            ("Who maintains the bindings when the original authors move on?", .anti),
            ("The constant churn in the bindings wears everyone down.", .anti),
            ("What you need is better review and better testing.", .anti),
            ("Dropping support for older ports is reckless.", .anti),
            ("It is mostly FFI glue code anyway.", .anti),
        ]
        for (text, label) in cases {
            let s = Fixture.stance(text, classifier: Self.shipped)
            #expect(s.label == label, "\(text): \(s.label) \(s.evidence.map { "\($0.rule):\($0.matched)" })")
        }
    }

    /// A short reply that quotes an on-topic parent answers it: not off-topic, even naming nothing.
    @Test func aShortQuotingReplyStaysOnTopic() throws {
        let parentText = "Rust is a fad and nothing more."
        let parent = Fixture.comment(parentText, id: "1")
        let quoted = "a fad and nothing more."
        var reply = Fixture.comment("Rust is \(quoted)\nSays who, exactly?", id: "2", parent: "1", quoted: [quoted])
        reply.quotes[0].quotedCommentID = "1"
        let plain = Fixture.comment("Says who, exactly?", id: "3", parent: "1")
        let t = DiscussionThread(id: "t", source: .slashdot, file: "x", comments: [parent, reply, plain])
        let out = Self.classifier.run(threads: [t], sentiments: Fixture.sentiments([parent, reply, plain]))
        #expect(out[0].label == .anti)
        #expect(out[1].label == .pro && out[1].source == .inverted)
        let e = try #require(out[1].evidence.first { $0.rule == "reply-rebuts" })
        // The rebuttal points at the passage it answers.
        #expect(e.span.map { reply.text.slice($0) } == quoted)
        #expect(out[2].label == .offTopic)
    }

    /// Every piece of evidence on every labelled set names what it matched.
    @Test func evidenceAlwaysNamesWhatItMatched() throws {
        let results = try HeldoutThreadTests.evaluate()
        for r in results {
            for e in r.got.evidence {
                let blank = e.matched.allSatisfy { $0.isWhitespace }
                #expect(!blank, "\(r.got.key): \(e.rule) matched nothing")
            }
        }
        let blank = StanceEvidence(rule: "reply-rebuts", matched: "", span: nil, contribution: 0.1)
        #expect(StanceClassifier.named(blank, in: Fixture.comment("x")).matched == "(reply-rebuts)")
        let spanned = StanceEvidence(rule: "cue", matched: " ", span: Span(0, 4), contribution: 0.1)
        #expect(StanceClassifier.named(spanned, in: Fixture.comment("Rust is fine")).matched == "Rust")
    }
}

/// Cues mentioned rather than used.
struct MentionedCueTests {
    @Test func aCueInScareQuotesIsTurnedAround() throws {
        let s = Fixture.stance("I have read the Rust forums for years and never saw anything \"zealot\" like there.")
        let e = try #require(s.evidence.first { $0.rule == "cue" })
        #expect(e.weight > 0 && e.note.hasPrefix("reported, not claimed:"))
        let plain = Fixture.stance("The Rust forums are full of zealots.")
        #expect(plain.evidence.first { $0.rule == "cue" }.map { $0.weight < 0 } == true)
    }

    @Test func rarelyAndSeldomNegate() throws {
        for text in ["Rust is rarely hype in practice.", "It is seldom a fad for long."] {
            let e = try #require(Fixture.stance(text).evidence.first { $0.rule == "cue" })
            #expect(e.weight > 0 && e.note.hasPrefix("negated:"), "\(text)")
        }
    }

    @Test func aQuotationRunsOnOverASentenceEnd() throws {
        // Two sentences of someone else's words in one quotation: the cue inside is reported.
        let s = Fixture.stance("Why repeat \"Rust is a fad. Everyone knows it.\" in every thread?")
        let e = try #require(s.evidence.first { $0.rule == "cue" })
        #expect(e.weight > 0 && e.note.hasPrefix("reported, not claimed:"))
        #expect(ReplyRule.inlineQuotes(CommentView(comment: Fixture.comment("Why repeat \"Rust is a fad. Everyone knows it.\" in every thread?"),
                                                   sentiment: nil, profile: Fixture.classifier.compiled)).count == 1)
    }

    @Test func aQuotationDoesNotRunOverALineBreak() throws {
        // An inch mark on one line does not pair with a quotation mark on the next.
        let split = Fixture.stance("My 19\" rack holds the build box. Rust is hype.\nNothing \"more\" to say.")
        let e = try #require(split.evidence.first { $0.rule == "cue" })
        #expect(e.weight < 0 && !e.note.hasPrefix("reported"))
        // On one line the same marks pair up, over at most three sentences.
        let joined = Fixture.stance("My 19\" rack holds the build box. Rust is hype. Nothing \"more\" to say.")
        #expect(joined.evidence.first { $0.rule == "cue" }.map { $0.weight > 0 } == true)
    }

    @Test func anyCarriesANegationBeforeIt() throws {
        // "any" is a negative polarity item: "never seen any zealots" denies the cue after it.
        let denied = try #require(Fixture.stance("In six years on the forums I have never seen any zealots.")
            .evidence.first { $0.rule == "cue" })
        #expect(denied.weight > 0 && denied.note.hasPrefix("negated:"))
        let hardly = try #require(Fixture.stance("There is hardly any hype left.").evidence.first { $0.rule == "cue" })
        #expect(hardly.weight > 0)
        // Without a negation before it, "any" leaves the cue as it is.
        let kept = try #require(Fixture.stance("They will take any hype they can get.").evidence.first { $0.rule == "cue" })
        #expect(kept.weight < 0 && !kept.note.hasPrefix("negated"))
    }
}
