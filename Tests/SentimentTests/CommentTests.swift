import Foundation
import Testing
import ThreadModel
@testable import Sentiment

/// `analyze(_:)`: per-sentence scores, quotes scored apart, contributions with spans.
@Suite struct CommentTests {
    static func comment(_ text: String, quotes: [QuoteSpan] = [], sentences: [Sentence] = []) -> ThreadModel.Comment {
        ThreadModel.Comment(id: "7", threadID: "t1", rawText: text, quotes: quotes, sentences: sentences,
                location: ThreadModel.SourceLocation(file: "test.jsonl", line: 3))
    }

    static func span(of part: String, in text: String) -> Span {
        guard let r = text.range(of: part) else {
            Issue.record("'\(part)' is not in the fixture text")
            return Span(0, 0)
        }
        return Span(text.utf8.distance(from: text.startIndex, to: r.lowerBound),
                    text.utf8.distance(from: text.startIndex, to: r.upperBound))
    }

    @Test func quotedSentencesAreScoredApartAndExcluded() {
        let text = "> This patch is a horrible, awful mess.\nI think it is good and the tests are nice."
        let quote = Self.span(of: "> This patch is a horrible, awful mess.", in: text)
        let own = Self.span(of: "I think it is good and the tests are nice.", in: text)
        let c = Self.comment(text, quotes: [QuoteSpan(span: quote)],
                             sentences: [Sentence(span: quote, isQuoted: true), Sentence(span: own)])
        for analyzer in [Support.standard, Support.vader] {
            let r = analyzer.analyze(c)
            #expect(r.key == CommentKey(threadID: "t1", commentID: "7"))
            #expect(r.sentences.count == 2)
            #expect(r.sentences[0].isQuoted && r.sentences[0].scores.compound < -0.5)
            #expect(r.scores.compound > 0.5, "the quote is left out: \(r.scores)")
            #expect(r.contributions.allSatisfy { own.contains($0.span?.start ?? -1) })
        }
        expectClose(Support.standard.analyze(c).scores.compound,
                    Support.standard.polarityScores("I think it is good and the tests are nice.").compound)
    }

    @Test func sentencesAreSplitWhenIngestGaveNone() {
        let text = "Great work. > Terrible idea.\nThanks!"
        let q = Self.span(of: "> Terrible idea.", in: text)
        let r = Support.standard.analyze(Self.comment(text, quotes: [QuoteSpan(span: q)]))
        #expect(r.sentences.count == 3)
        #expect(r.sentences.map(\.isQuoted) == [false, true, false])
        #expect(r.scores.compound > 0)
    }

    @Test func contributionsNameTermsWithSpansLargestFirst() {
        let text = "The borrow checker is not bad, but the error messages are horrible!"
        let r = Support.standard.analyze(Self.comment(text))
        #expect(!r.contributions.isEmpty)
        for c in r.contributions {
            #expect(c.span.map { text.slice($0) } == c.term)
        }
        #expect(r.contributions.first?.term == "horrible")
        #expect(r.contributions.contains { $0.term == "not bad" && $0.value > 0 })
        let mags = r.contributions.map { abs($0.value) }
        #expect(mags == mags.sorted(by: >))
    }

    @Test func emojiContributionCarriesTheEmojiSpan() {
        let text = "Merged 😀"  // "grinning face": "grinning" is a lexicon word
        let r = Support.vader.analyze(Self.comment(text))
        let c = r.contributions.first
        #expect(c?.span == Span(7, 11))
        #expect(c?.term == "😀")
    }

    @Test func outOfRangeSentenceSpansAreClamped() {
        let c = Self.comment("good", sentences: [Sentence(span: Span(2, 99))])
        let r = Support.standard.analyze(c)
        #expect(r.sentences.count == 1)
    }

    @Test func invariants() {
        let texts = ["", "   ", "good", "BAD!!! :(", "no no no", "😀😀", "kind of", "but", "Ünïcödé ÜBER 💔",
                     String(repeating: "great ", count: 500), String(repeating: "awful! ", count: 500)]
        for a in [Support.vader, Support.standard] {
            for t in texts {
                let s = a.polarityScores(t)
                #expect((-1...1).contains(s.compound), "\(t)")
                let total = s.pos + s.neu + s.neg
                #expect(total == 0 || abs(total - 1) < 0.002, "\(t): \(s)")
                #expect(a.polarityScores(t) == s, "deterministic")
            }
            #expect(a.polarityScores("") == SentimentScores())
            #expect(a.analyze(Self.comment("")).sentences.isEmpty)
        }
    }
}
