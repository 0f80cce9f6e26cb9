import Foundation
import Testing
import ThreadModel
@testable import Stance

/// The matching engine (byte tokenizer, pattern index, link finder) against direct readings of the
/// definitions: a scalar-by-scalar tokenizer, a matcher that compares every pattern word with
/// `String` semantics at every token, and a link finder that compares substrings. The engine must
/// give the same tokens, matches and links on every text, ASCII or not.
@Suite struct MatchingEngineTests {
    // MARK: Definitions

    /// Tokens by the definition in `Tokenizer`'s documentation, walking Unicode scalars.
    static func referenceTokens(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var offsets = [0]
        for u in scalars { offsets.append(offsets[offsets.count - 1] + UTF8.width(u)) }
        var tokens: [Token] = []
        var i = 0
        while i < scalars.count {
            guard Tokenizer.isWordScalar(scalars[i]) else { i += 1; continue }
            let start = i
            while i < scalars.count {
                if Tokenizer.isWordScalar(scalars[i]) {
                    i += 1
                } else if scalars[i] == "'" || scalars[i] == "\u{2019}", i + 1 < scalars.count,
                          Tokenizer.isWordScalar(scalars[i + 1]) {
                    i += 1
                } else {
                    break
                }
            }
            while i < scalars.count, scalars[i] == "+" || scalars[i] == "#" { i += 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<i])
            let word = String(view)
            var folded = word.lowercased().split(separator: "\u{2019}", omittingEmptySubsequences: false).joined(separator: "'")
            if folded.hasSuffix("'s"), folded.utf8.count > 2 { folded.removeLast(2) }
            tokens.append(Token(text: word, folded: folded, span: Span(offsets[start], offsets[i])))
        }
        return tokens
    }

    /// Every match of `patterns` by the pattern syntax: patterns are looked up by their first word
    /// folded (one-word prefix patterns by up to three folded characters), then every word compared.
    static func referenceMatches(_ patterns: [TermPattern], _ tokens: [Token], longestOnly: Bool = true) -> [PhraseMatch] {
        func accepts(_ p: TermPattern, _ k: Int, _ token: Token) -> Bool {
            let word = p.caseSensitive ? TermPattern.stripPossessive(token.text) : token.folded
            return p.prefix && k == p.words.count - 1 ? word.hasPrefix(p.words[k]) : word == p.words[k]
        }
        func reached(_ p: TermPattern, _ token: Token) -> Bool {
            let first = p.words[0].lowercased()
            guard p.prefix && p.words.count == 1 else { return token.folded == first }
            let key = String(first.prefix(3))
            var head = ""
            for ch in token.folded.prefix(3) {
                head.append(ch)
                if head == key { return true }
            }
            return false
        }
        var found: [PhraseMatch] = []
        for t in tokens.indices {
            for (i, p) in patterns.enumerated() where reached(p, tokens[t]) && t + p.words.count <= tokens.count {
                if (0..<p.words.count).allSatisfy({ accepts(p, $0, tokens[t + $0]) }) {
                    let end = t + p.words.count
                    found.append(PhraseMatch(pattern: i, tokens: t..<end, span: Span(tokens[t].span.start, tokens[end - 1].span.end)))
                }
            }
        }
        found.sort { ($0.tokens.lowerBound, -$0.tokens.count, $0.pattern) < ($1.tokens.lowerBound, -$1.tokens.count, $1.pattern) }
        return longestOnly ? PhraseMatcher.leftmostLongest(found) : found
    }

    /// Links by their definition in `OffTopicRule.linkSpans`, comparing substrings.
    static func referenceLinks(_ text: String) -> [Span] {
        let b = Array(text.utf8)
        func has(_ p: String, _ i: Int) -> Bool { Array(b[i...].prefix(p.utf8.count)) == Array(p.utf8) }
        func space(_ x: UInt8) -> Bool { [0x20, 0x0A, 0x09, 0x0D].contains(x) }
        var out: [Span] = []
        var i = 0
        while i < b.count {
            if ["http://", "https://", "www."].contains(where: { has($0, i) }),
               i == 0 || !Tokenizer.isWordScalar(Unicode.Scalar(b[i - 1])) {
                var j = i
                while j < b.count, !space(b[j]) { j += 1 }
                out.append(Span(i, j))
                i = j
            } else if b[i] == 0x5B, let close = b[(i + 1)...].firstIndex(where: { $0 == 0x5D || space($0) }),
                      b[close] == 0x5D, b[(i + 1)..<close].contains(0x2E) {
                out.append(Span(i, close + 1))
                i = close + 1
            } else {
                i += 1
            }
        }
        return out
    }

    // MARK: Texts

    static let texts: [String] = [
        "Rust's borrow-checker isn’t C++ or C#. IT'S the C's fault; RUST'S zealots, Rustaceans and rustaceans' code.",
        "naïve—Rust “works”, CAFÉ café cafe\u{301} ZEALOTRY zealotry Zeal use-after-frees USE AFTER FREE",
        "\u{212A}ernel and kernel, the K\u{212A} \u{212A} plan c then C, C's and c's; gcc GCC Gcc rustc RUSTC.",
        "No. This! Exactly, I agree, but I don't agree; i disagree. Have to disagree with rustacean’s views.",
        "see https://example.com/rust and www.kernel.org, [lwn.net] or [not a link] xhttp://no.example ©www.x.y",
        "memory safety, memory-safety, Memory Safety MEMORY SAFETY; here to stay, here, to stay",
        "", "   ", "a", "'s", "x's", "X'S", "it’s Rust’s C’s", "İstanbul ǅ ß SS ﬁ fi", "日本語 Rust 日本語のRust",
    ]

    /// Texts built from the profile's own words with random case, possessives, apostrophes and
    /// punctuation, so that most patterns and many near misses occur.
    static func generatedTexts(_ profile: StanceProfile, count: Int) -> [String] {
        var words = ([profile.target] + profile.aliases + profile.otherSide + profile.topicTerms
                     + profile.cues.map(\.match) + profile.offTopic.map(\.match) + profile.agree + profile.disagree)
            .flatMap { $0.split(whereSeparator: { " *^-".contains($0) }).map(String.init) }
        words += ["the", "not", "but", "it", "a", "é", "s"]
        var state: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let joins = [" ", " ", " ", "-", ", ", ". ", "'s ", "’s ", "s ", "ing ", " \"", "\" ", "/"]
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<(5 + next(30)) {
                var w = words[next(words.count)]
                switch next(6) {
                case 0: w = w.uppercased()
                case 1: w = w.prefix(1).uppercased() + w.dropFirst()
                default: break
                }
                text += w + joins[next(joins.count)]
            }
            return text
        }
    }

    // MARK: Tests

    @Test func tokenizerMatchesTheDefinition() throws {
        let profile = try StanceProfile.load(path: ProfileTests.defaultPath)
        for text in Self.texts + Self.generatedTexts(profile, count: 300) {
            let got = Tokenizer.tokenize(text), want = Self.referenceTokens(text)
            #expect(got == want, "tokens of \(text)")
        }
    }

    @Test func indexFindsWhatTheDefinitionFinds() throws {
        let profiles = [try StanceProfile.load(path: ProfileTests.defaultPath), Fixture.profile]
        for profile in profiles {
            let compiled = CompiledProfile(profile)
            let matchers = [compiled.target, compiled.otherSide, compiled.topic, compiled.cues, compiled.offTopic,
                            compiled.agree, compiled.disagree]
            for text in Self.texts + Self.generatedTexts(profile, count: 300) {
                let bytes = Array(text.utf8)
                let tokens = Tokenizer.tokenize(text)
                let combined = compiled.index.matches(tokens, compiled.index.hits(tokens, text: bytes))
                for (g, m) in matchers.enumerated() {
                    let want = Self.referenceMatches(m.patterns, tokens)
                    #expect(m.matches(in: tokens) == want, "\(profile.name) list \(g) in \(text)")
                    #expect(PhraseMatcher.leftmostLongest(combined[g]) == want, "\(profile.name) list \(g) (one pass) in \(text)")
                    #expect(m.matches(in: tokens, longestOnly: false) == Self.referenceMatches(m.patterns, tokens, longestOnly: false))
                }
            }
        }
    }

    @Test func nonASCIIPatternWordsTakeTheGeneralPath() {
        let patterns = ["café", "Zürich*", "naïve code", "K", "rust"].compactMap(TermPattern.init)
        let m = PhraseMatcher(patterns)
        for text in Self.texts + ["Café CAFÉ cafe\u{301} Zürichsee zürich naïve code NAÏVE CODE \u{212A} K k rust's"] {
            let tokens = Tokenizer.tokenize(text)
            #expect(m.matches(in: tokens) == Self.referenceMatches(patterns, tokens), "\(text)")
        }
    }

    @Test func linksMatchTheDefinition() throws {
        let profile = try StanceProfile.load(path: ProfileTests.defaultPath)
        let texts = Self.texts + Self.generatedTexts(profile, count: 50).map { "http://a.b/" + $0 + " [x.y] www.z" }
            + ["[a.b", "[.]", "https://", "www.", "http:/", "é[é.é]"]
        for text in texts {
            #expect(OffTopicRule.linkSpans(Array(text.utf8)) == Self.referenceLinks(text), "links of \(text)")
        }
    }
}
