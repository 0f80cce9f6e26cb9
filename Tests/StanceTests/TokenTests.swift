import Testing
import ThreadModel
@testable import Stance

@Suite struct TokenizerTests {
    @Test func wordsApostrophesAndLanguageNames() {
        let t = Tokenizer.tokenize("Rust's borrow-checker isn’t C++ or C#.")
        #expect(t.map(\.folded) == ["rust", "borrow", "checker", "isn't", "c++", "or", "c#"])
        #expect(t.map(\.text) == ["Rust's", "borrow", "checker", "isn’t", "C++", "or", "C#"])
    }

    @Test func spansAreUTF8OffsetsIntoTheText() {
        let text = "naïve—Rust “works”"
        let t = Tokenizer.tokenize(text)
        #expect(t.map(\.folded) == ["naïve", "rust", "works"])
        for token in t { #expect(text.slice(token.span) == token.text) }
    }

    @Test func emptyAndPunctuation() {
        #expect(Tokenizer.tokenize("").isEmpty)
        #expect(Tokenizer.tokenize(" -- ... ?! ").isEmpty)
    }
}

@Suite struct PhraseMatcherTests {
    func find(_ patterns: [String], in text: String) -> [String] {
        let m = PhraseMatcher(patterns.compactMap(TermPattern.init))
        return m.matches(in: Tokenizer.tokenize(text)).map { m.patterns[$0.pattern].source }
    }

    @Test func smartCase() {
        #expect(find(["C"], in: "Plain C code") == ["C"])
        #expect(find(["C"], in: "plan c, then") == [])
        #expect(find(["rust"], in: "RUST and Rust") == ["rust", "rust"])
    }

    @Test func hyphenatedAndSpacedPhrasesMatchAlike() {
        #expect(find(["use after free*"], in: "two use-after-frees and a use after free") == ["use after free*", "use after free*"])
    }

    @Test func prefixPattern() {
        #expect(find(["zealot*"], in: "zealots, zealotry, a zealot") == ["zealot*", "zealot*", "zealot*"])
        #expect(find(["zealot*"], in: "zeal") == [])
    }

    @Test func longestMatchWins() {
        #expect(find(["unsafe", "so much unsafe"], in: "there is so much unsafe here") == ["so much unsafe"])
    }

    @Test func matchesDoNotCrossOverlaps() {
        let m = PhraseMatcher(["a b", "b c"].compactMap(TermPattern.init))
        #expect(m.matches(in: Tokenizer.tokenize("a b c")).count == 1)
        #expect(m.matches(in: Tokenizer.tokenize("a b c"), longestOnly: false).count == 2)
    }

    @Test func patternSyntax() throws {
        let p = try #require(TermPattern("^no"))
        #expect(p.anchored && !p.prefix && !p.caseSensitive && p.words == ["no"])
        #expect(TermPattern("  ") == nil)
        #expect(TermPattern("***") == nil)
    }
}
