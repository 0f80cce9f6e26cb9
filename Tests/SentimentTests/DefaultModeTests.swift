import Foundation
import Testing
import ThreadModel
@testable import Sentiment

/// The default mode's fixes for VADER's known weaknesses, each beside what vader mode gives.
@Suite struct DefaultModeTests {
    static func words(_ text: String) -> [Double] { VaderRuleTests.words(text, Support.standard) }

    @Test func everyButAndHoweverClauseCounts() {
        let s = Self.words("good but bad however great")
        expectClose(s[0], 1.9 * 0.5)
        expectClose(s[2], -2.5 * 0.5, 1e-12, "a clause followed by another marker is dampened")
        expectClose(s[4], 3.1 * 1.5, 1e-12, "only the last clause is emphasised")
        let h = Self.words("nice however awful")
        expectClose(h[0], 1.8 * 0.5)
        expectClose(h[2], -2.0 * 1.5)
        // The same sentence in vader mode ignores "however": positive in total.
        #expect(Support.vader.polarityScores("It is nice, however the code is awful.").compound
                > Support.standard.polarityScores("It is nice, however the code is awful.").compound)
    }

    @Test func phraseTableGroupsByFirstWordLongestFirst() {
        var table = PhraseRule.Table()
        table.add([5, 6], id: 100)
        table.add([2, 3, 4], id: 101)
        table.add([5, 6, 7], id: 102)
        table.add([5, 8], id: 103)
        table.sortLongestFirst()
        func starting(_ id: Int32) -> [[Int32]] {
            guard table.startsPhrase(id) else { return [] }
            let ps = table.phrases[Int(table.offsets[Int(id)])..<Int(table.offsets[Int(id) + 1])]
            return ps.map { p in Array(table.words[Int(p.start)..<Int(p.start + p.count)]) + [p.id] }
        }
        #expect(starting(5) == [[5, 6, 7, 102], [5, 6, 100], [5, 8, 103]])
        #expect(starting(2) == [[2, 3, 4, 101]])
        for id: Int32 in [-1, 0, 1, 3, 4, 6, 7, 8, 9, 1000] { #expect(!table.startsPhrase(id), "\(id)") }
        var empty = PhraseRule.Table()
        empty.sortLongestFirst()
        #expect(empty.isEmpty && !empty.startsPhrase(0))
    }

    @Test func repeatedValuesAroundButAreEachScaled() {
        let s = Self.words("but ok nice")
        expectClose(s[1], 1.2 * 1.5)
        expectClose(s[2], 1.8 * 1.5)
    }

    @Test func curlyApostropheNegates() {
        expectClose(Self.words("I don’t like it")[2], 1.5 * -0.74)
        expectClose(Self.words("it isn’t good")[2], 1.9 * -0.74)
        #expect(Support.standard.polarityScores("I don’t like it.").compound < 0)
        #expect(Support.vader.polarityScores("I don’t like it.").compound > 0)
        #expect(Self.words("“great”")[0] > 3, "curly quotes are stripped like ASCII ones")
    }

    @Test func setPhrasesScoreAsOne() {
        let noProblem = Support.standard.scorer.score(Array("No problem at all.".utf8))
        #expect(noProblem.tokens.count == 3, "'no problem' is one token")
        expectClose(noProblem.wordScores[0], 1.5)
        expectClose(Self.words("not bad")[0], 1.2)
        expectClose(Self.words("really not bad")[1], 1.2 + 0.293, 1e-12, "a booster before the phrase applies")
        expectClose(Self.words("not great")[0], -1.0)
        expectClose(Self.words("I have no issues with it")[2], 1.2)
        #expect(Support.vader.polarityScores("I have no issues with it.").compound < 0)
        #expect(Support.standard.polarityScores("I have no issues with it.").compound > 0)
        // VADER's "not bad" (+0.43) is stronger than faint praise; the default mode keeps it positive but milder.
        let v = Support.vader.polarityScores("Not bad.").compound, d = Support.standard.polarityScores("Not bad.").compound
        #expect(d > 0.05 && d < v)
    }

    @Test func exclamationsDoNotSaturate() {
        let a = Support.standard
        expectClose(PunctuationEmphasis.amplifier(exclamations: 4, questions: 0, mode: .default), 0.73)
        expectClose(a.polarityScores("Great!!!!").compound, a.polarityScores("Great!!!!!!!!!!").compound)
        #expect(a.polarityScores("Great!!!!").compound < Support.vader.polarityScores("Great!!!!").compound)
        #expect(a.polarityScores("Great!").compound < a.polarityScores("Great!!").compound)
        // Marks count per sentence: the "!!!!" of the first sentence does not lift the second one.
        let two = a.scorer.score(Array("Terrible!!!! It is fine.".utf8), from: 13, to: 24)
        expectClose(two.scores.compound, a.polarityScores("It is fine.").compound)
    }

    @Test func hashtagsReadAsWords() {
        let a = Support.standard
        #expect(a.polarityScores("#NotGood").compound < 0)
        expectClose(Support.vader.polarityScores("#NotGood").compound, 0)
        #expect(a.polarityScores("#ok").compound > 0)
        expectClose(Support.vader.polarityScores("#ok").compound, 0)
        let b = Array("#RustForLinux #HTMLParser #win2024".utf8)
        let terms = a.scorer.tokenizer.tokenize(b).tokens.map { String(decoding: b[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        #expect(terms == ["Rust", "For", "Linux", "HTML", "Parser", "win", "2024"])
    }

    @Test func mixedCaseEmphasisIgnoresShortWordsAndAcronyms() {
        // vader: "I" is upper case, so "OK" and "GPL"-style words count as shouting.
        expectClose(VaderRuleTests.words("I think OK")[2], 1.2 + 0.733)
        expectClose(Self.words("I think OK")[2], 1.2, 1e-12, "two letters: not shouting")
        expectClose(Self.words("the patch is GOOD")[3], 1.9 + 0.733, 1e-12, "real shouting still counts")
        expectClose(Self.words("another CVE was filed")[1], -1.0, 1e-12, "overlay acronym: not shouting")
        // Decided per sentence: an all-caps sentence is not emphasis even if another sentence is lower case.
        let a = Support.standard
        let mixed = a.polarityScores("THIS IS GREAT. It is fine.").compound
        let plain = a.polarityScores("This is great. It is fine.").compound
        expectClose(mixed, plain)
    }

    @Test func negationStopsAtTheNearestSentimentWord() {
        // "I don't like it crying": vader's "don't" negates "like" and also flips "crying".
        #expect(VaderRuleTests.words("I dont like it crying")[4] > 0)
        expectClose(Self.words("I dont like it crying")[4], -2.1)
        expectClose(Self.words("I dont like it")[2], 1.5 * -0.74)
        expectClose(Self.words("very nice good")[2], 1.9, 1e-12, "a booster modifies only the next sentiment word")
    }

    @Test func longCommentsDoNotSaturate() {
        let sentence = "The new driver is good and the review was helpful. I compiled it on a Tuesday afternoon."
        let one = Support.standard.polarityScores(sentence + " " + sentence).compound
        let many = Support.standard.polarityScores(Array(repeating: sentence, count: 40).joined(separator: " ")).compound
        let vaderMany = Support.vader.polarityScores(Array(repeating: sentence, count: 20).joined(separator: " ")).compound
        #expect(vaderMany > 0.99, "VADER saturates: \(vaderMany)")
        #expect(many < 0.9 && many > 0.5, "default mode stays near the one-copy score: \(one) vs \(many)")
        expectClose(many, one, 0.01, "steady tone, 2 vs 40 copies")
    }

    @Test func shortTextsMatchVaderClosely() {
        // Up to 30 tokens the default mode sums sentences like one VADER text.
        let text = "Yay. Another good phone interview."
        let v = VaderRuleTests.words(text).reduce(0, +)
        expectClose(Support.standard.polarityScores(text).compound, Normalisation.compound(v))
    }
}
