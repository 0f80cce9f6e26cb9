import Foundation
import Sentiment
import Testing
import ThreadModel
@testable import Stance

@Suite struct TreeOrderTests {
    @Test func parentsComeFirstEvenWhenListedLater() {
        let rows: [(String, String?, String)] = [
            ("2", "1", "Exactly."),
            ("1", nil, "Memory safety is why this matters."),
        ]
        let s = Fixture.thread(rows)
        #expect(s["1"]?.label == .pro)
        #expect(s["2"]?.label == .pro)
        #expect(s["2"]?.source == .inherited)
    }

    @Test func outputKeepsInputOrder() {
        let comments = ["3", "1", "2"].map { Fixture.comment("The kernel.", id: $0, parent: $0 == "1" ? nil : "1") }
        let t = DiscussionThread(id: "t", source: .jsonl, file: "x", comments: comments)
        let out = Fixture.classifier.run(threads: [t], sentiments: [:])
        #expect(out.map(\.key.commentID) == ["3", "1", "2"])
    }

    @Test func cyclesAndOrphansDoNotHang() {
        let comments = [
            Fixture.comment("Exactly.", id: "a", parent: "b"),
            Fixture.comment("Exactly.", id: "b", parent: "a"),
            Fixture.comment("Exactly.", id: "c", parent: "missing"),
            Fixture.comment("Exactly.", id: "d", parent: "d"),
        ]
        let (order, parent) = TreeOrder.order(comments)
        #expect(order.sorted() == [0, 1, 2, 3])
        #expect(parent[2] == nil && parent[3] == nil)
        let t = DiscussionThread(id: "t", source: .jsonl, file: "x", comments: comments)
        #expect(Fixture.classifier.run(threads: [t], sentiments: [:]).count == 4)
    }

    @Test func hundredThousandDeepChainRunsWithoutRecursion() {
        let n = 100_000
        var comments = [Fixture.comment("Rust is a fad and pure hype.", id: "0")]
        comments.reserveCapacity(n)
        let reply = Fixture.comment("Indeed.", id: "x")
        for i in 1..<n {
            var c = reply
            c.id = String(i)
            c.parentID = String(i - 1)
            c.depth = i
            comments.append(c)
        }
        let t = DiscussionThread(id: "deep", source: .jsonl, file: "x", comments: comments)
        let out = Fixture.classifier.run(threads: [t], sentiments: [:])
        #expect(out.count == n)
        #expect(out[1].source == .inherited && out[1].label == .anti)
        // Each agreement keeps 0.8 of the parent's score, so the chain fades to neutral.
        #expect(out[n - 1].label == .neutral)
    }
}

@Suite struct InvariantTests {
    static let texts = [
        "Rust is safer than C, but the hype is tiring.", "Exactly.", "I love Rust.", "It is not a fad.",
        "Nonsense. C is simpler than Rust and gcc supports everything.", "", "What a nice day.",
        "Memory safety and memory safety and memory safety, here to stay, here to stay.",
    ]

    func run() -> [CommentStance] {
        let comments = Self.texts.enumerated().map { i, t in
            Fixture.comment(t, id: String(i), parent: i == 0 ? nil : String(i - 1), score: i - 1)
        }
        let t = DiscussionThread(id: "t", source: .jsonl, file: "x", comments: comments)
        return Fixture.classifier.run(threads: [t], sentiments: Fixture.sentiments(comments))
    }

    @Test func contributionsAddUpToTheScoreAndStayInRange() {
        for s in run() {
            #expect(close(s.evidence.reduce(0) { $0 + $1.contribution }, s.score, tolerance: 1e-12))
            #expect(s.score >= -1 && s.score <= 1)
            #expect(s.confidence >= 0 && s.confidence <= 1)
            #expect((s.label == .pro) == (s.score >= 0.2))
            #expect((s.label == .anti) == (s.score <= -0.2))
        }
    }

    @Test func manyCuesSaturateBelowOne() throws {
        let s = try #require(run().last)
        #expect(s.score > 0.9 && s.score < 1)
    }

    @Test func runsAreDeterministic() {
        #expect(run() == run())
    }

    @Test func emptyInputGivesEmptyOutput() {
        #expect(Fixture.classifier.run(threads: [], sentiments: [:]).isEmpty)
    }

    @Test func worksWithoutSentiment() {
        let c = Fixture.comment("Memory safety matters.")
        let s = Fixture.classifier.classify(c, sentiment: nil, parent: nil)
        #expect(s.label == .pro)
    }
}

@Suite struct HardeningTests {
    @Test func spansOutsideTheTextAndOverlappingSentencesDoNotCrash() {
        var c = Fixture.comment("Rust is a fad. Memory safety matters.")
        c.sentences = [Sentence(span: Span(30, 500)), Sentence(span: Span(0, 20)), Sentence(span: Span(5, 14))]
        c.quotes = [QuoteSpan(span: Span(400, 900))]
        let sentiment = CommentSentiment(key: c.key, scores: .init(),
                                         sentences: [SentenceSentiment(span: Span(0, 9999), isQuoted: false,
                                                                       scores: .init(compound: 0.9))])
        let s = Fixture.classifier.classify(c, sentiment: sentiment, parent: nil)
        #expect(s.score >= -1 && s.score <= 1)
        #expect(close(s.evidence.reduce(0) { $0 + $1.contribution }, s.score, tolerance: 1e-12))
    }

    @Test func unicodeAndControlCharacters() {
        let s = Fixture.stance("Rüst ist 💥 \u{0}\u{7} memory\u{00A0}safety — «hype»\r\n\t¿fad?")
        #expect(s.evidence.contains { $0.matched == "hype" })
        #expect(s.score >= -1 && s.score <= 1)
    }

    @Test func throughputOnATypicalThread() {
        // 20,000 comments of about 60 words: prints the rate; guards only against a pathological slow-down.
        let body = "I have written kernel C for years and Rust is safer than C for new drivers, but the hype is tiring. "
            + "Memory safety matters, and the maintenance burden is real. No spec is a problem. Exactly."
        let comments = (0..<20_000).map { i in
            Fixture.comment(body, id: String(i), parent: i % 10 == 0 ? nil : String(i - 1))
        }
        let t = DiscussionThread(id: "big", source: .jsonl, file: "x", comments: comments)
        let start = Date()
        let out = Fixture.classifier.run(threads: [t], sentiments: [:])
        let elapsed = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data("stance: \(out.count) comments in \(String(format: "%.2f", elapsed)) s\n".utf8))
        #expect(out.count == 20_000)
        #expect(elapsed < 120)
    }
}
