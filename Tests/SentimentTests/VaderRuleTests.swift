import Foundation
import Testing
@testable import Sentiment

/// One test per rule of the vader mode, on word scores worked out by hand from the rule's constants.
/// (The golden file checks the same rules end to end against vaderSentiment 3.3.2 itself.)
@Suite struct VaderRuleTests {
    /// Final word scores of a text in vader mode.
    static func words(_ text: String, _ a: SentimentAnalyzer = Support.vader) -> [Double] {
        a.scorer.score(Array(text.utf8)).wordScores
    }

    @Test func lexiconWordsAndNeutralWords() {
        let s = Self.words("the build is good")
        #expect(s.count == 4)
        expectClose(s[3], 1.9)
        expectClose(s[0] + s[1] + s[2], 0)
    }

    @Test func boostersDecayWithDistance() {
        expectClose(Self.words("very good")[1], 1.9 + 0.293)
        expectClose(Self.words("very x good")[2], 1.9 + 0.293 * 0.95)
        expectClose(Self.words("very x y good")[3], 1.9 + 0.293 * 0.9)
        expectClose(Self.words("very bad")[1], -2.5 - 0.293, 1e-12, "booster follows the sign")
        expectClose(Self.words("slightly good")[1], 1.9 - 0.293, 1e-12, "dampener")
        expectClose(Self.words("slightly bad")[1], -2.5 + 0.293, 1e-12, "dampener on negative")
        expectClose(Self.words("very")[0], 0, 1e-12, "a booster alone scores 0")
    }

    @Test func negationWindowOfThreeWords() {
        expectClose(Self.words("not good")[1], 1.9 * -0.74)
        expectClose(Self.words("not x good")[2], 1.9 * -0.74)
        expectClose(Self.words("not x y good")[3], 1.9 * -0.74)
        expectClose(Self.words("not x y z good")[4], 1.9, 1e-12, "four words back is out of the window")
        expectClose(Self.words("isn't good")[1], 1.9 * -0.74, 1e-12, "n't")
        expectClose(Self.words("wouldnt good")[1], 1.9 * -0.74, 1e-12, "listed without apostrophe")
        expectClose(Self.words("not very good")[2], (1.9 + 0.293) * -0.74)
        expectClose(Self.words("I don’t like it")[2], 1.5, 1e-12, "3.3.2 does not read a curly apostrophe")
    }

    @Test func neverSoAndWithoutDoubt() {
        expectClose(Self.words("never so good")[2], (1.9 + 0.293) * 1.25)
        expectClose(Self.words("never this good")[2], 1.9 * 1.25)
        expectClose(Self.words("never x good")[2], 1.9 * -0.74)
        expectClose(Self.words("without doubt good")[2], 1.9, 1e-12, "'without doubt' does not negate")
        expectClose(Self.words("without x good")[2], 1.9 * -0.74)
        // 3.3.2's precedence quirk: three words back, a "so" just before the word intensifies.
        expectClose(Self.words("it is so good")[3], (1.9 + 0.293) * 1.25)
    }

    @Test func noAsDeterminerAndNegator() {
        let s = Self.words("no good reason")
        expectClose(s[0], 0, 1e-12, "'no' before a lexicon word is not negative itself")
        expectClose(s[1], 1.9 * -0.74)
        expectClose(Self.words("no")[0], -1.2)
        expectClose(Self.words("no x good")[2], 1.9 * -0.74, 1e-12, "two words after 'no'")
        expectClose(Self.words("no x or good")[3], 1.9 * -0.74, 1e-12, "'no X or Y'")
    }

    @Test func capsEmphasisOnlyInMixedCase() {
        expectClose(Self.words("the patch is GOOD")[3], 1.9 + 0.733)
        expectClose(Self.words("THE PATCH IS GOOD")[3], 1.9, 1e-12, "all caps: no emphasis")
        expectClose(Self.words("it is VERY good")[3], 1.9 + 0.293 + 0.733, 1e-12, "capital booster")
        expectClose(Self.words("it is BAD")[2], -2.5 - 0.733)
        expectClose(Self.words("Ünicode ÜBER GOOD stuff")[2], 1.9 + 0.733, 1e-12, "non-ASCII capitals")
    }

    @Test func kindOfAndLeast() {
        #expect(Self.words("kind of good")[0] == 0)
        expectClose(Self.words("kind people")[0], 2.4, 1e-12, "'kind' alone keeps its valence")
        expectClose(Self.words("it is kind of good")[4], 1.9 - 0.293, 1e-12, "'kind of' dampens")
        expectClose(Self.words("least good")[1], 1.9 * -0.74)
        expectClose(Self.words("the least good")[2], 1.9 * -0.74)
        expectClose(Self.words("at least good")[2], 1.9)
        expectClose(Self.words("very least good")[2], 1.9 + 0.293 * 0.95, 1e-12, "'very least' does not negate")
    }

    @Test func idioms() {
        expectClose(Self.words("that was the shit")[3], 3)
        expectClose(Self.words("oh he is bad ass")[3], 1.5, 1e-12, "phrase starting at the word")
        expectClose(Self.words("oh well then yeah right")[3], -2)
        expectClose(Self.words("the shit")[1], -2.6, 1e-12, "needs three words before the word")
    }

    @Test func onlyFirstButCounts() {
        let s = Self.words("good but bad but great")
        expectClose(s[0], 1.9 * 0.5)
        expectClose(s[2], -2.5 * 1.5)
        expectClose(s[4], 3.1 * 1.5)
        let h = Self.words("nice however awful")
        expectClose(h[0], 1.8, 1e-12, "'however' is ignored")
        expectClose(h[2], -2.0)
    }

    @Test func butUpdatesFirstEqualValueLikeListIndex() throws {
        let t = try #require(Optional(Support.vader.scorer.tokenizer.tokenize(Array("but x y".utf8)).tokens))
        var s = [0.0, 1.0, 1.5]
        t.withUnsafeBufferPointer { t in
            s.withUnsafeMutableBufferPointer { Contrast.applyVader($0, t, but: Support.vader.scorer.vocabulary.words.but) }
        }
        // x becomes 1.5, then y's 1.5 is found at x's place first: x gets 2.25 and y is left alone.
        expectClose(s[1], 2.25)
        expectClose(s[2], 1.5)
    }

    @Test func punctuationAmplifier() {
        expectClose(PunctuationEmphasis.amplifier(exclamations: 1, questions: 0, mode: .vader), 0.292)
        expectClose(PunctuationEmphasis.amplifier(exclamations: 9, questions: 0, mode: .vader), 4 * 0.292)
        expectClose(PunctuationEmphasis.amplifier(exclamations: 0, questions: 1, mode: .vader), 0)
        expectClose(PunctuationEmphasis.amplifier(exclamations: 0, questions: 3, mode: .vader), 0.54)
        expectClose(PunctuationEmphasis.amplifier(exclamations: 0, questions: 4, mode: .vader), 0.96)
        let s = Support.vader.polarityScores("good!")
        expectClose(s.compound, Normalisation.pythonRound((1.9 + 0.292) / ((1.9 + 0.292) * (1.9 + 0.292) + 15).squareRoot(), 4))
    }

    @Test func normalisationAndProportions() {
        expectClose(Normalisation.compound(0), 0)
        expectClose(Normalisation.compound(1.9), 1.9 / (1.9 * 1.9 + 15).squareRoot())
        expectClose(Normalisation.compound(-1e6), -1, 1e-9)
        let s = Normalisation.scores([1.9, 0, -2.5], amplifier: 0, round: false)
        let total = 2.9 + 3.5 + 1
        expectScores(s, compound: Normalisation.compound(-0.6), pos: 2.9 / total, neu: 1 / total, neg: 3.5 / total)
        #expect(Normalisation.scores([], amplifier: 1, round: false) == SentimentScores())
    }

    @Test func pythonRoundIsHalfEvenOnTheBinaryValue() {
        expectClose(Normalisation.pythonRound(2.675, 2), 2.67, 0, "2.675 is stored below the tie")
        expectClose(Normalisation.pythonRound(0.125, 2), 0.12, 0, "exact tie goes to even")
        expectClose(Normalisation.pythonRound(0.375, 2), 0.38, 0, "exact tie goes to even")
        expectClose(Normalisation.pythonRound(-0.43045, 4), -0.4304, 0)
        expectClose(Normalisation.pythonRound(0.99995, 4), 1.0, 0)
    }

    @Test func tokenisationKeepsEmoticonsAndStripsPunctuation() {
        let a = Support.vader
        func terms(_ text: String) -> [String] {
            let b = Array(text.utf8)
            return a.scorer.tokenizer.tokenize(b).tokens.map { String(decoding: b[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        }
        #expect(terms("I love it :) (really)") == ["I", "love", "it", ":)", "really"])
        #expect(terms("#ok #fail ...good...") == ["#ok", "fail", "good"])
        #expect(terms("good\u{00A0}bad\u{3000}ok\u{200B}x") == ["good", "bad", "ok\u{200B}x"])
        expectClose(Self.words(":)")[0], 2.0)
    }

    @Test func emojiAreReplacedByTheirDescriptions() {
        let text = "I love it😀"
        let r = Support.vader.scorer.score(Array(text.utf8))
        // "😀" is "grinning face": a space is inserted since a letter precedes it.
        #expect(r.tokens.count == 5)
        let emojiStart = Int32("I love it".utf8.count)
        #expect(r.tokens[3].start == emojiStart && r.tokens[4].end == Int32(text.utf8.count))
        #expect(r.wordScores[3] != 0, "'grinning' is a lexicon word")
    }
}
