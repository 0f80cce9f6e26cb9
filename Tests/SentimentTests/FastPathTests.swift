import Foundation
import Testing
import TextProcessing
import ThreadModel
@testable import Sentiment

/// The byte-level fast paths agree with the straightforward code they replace.
@Suite struct FastPathTests {
    /// Lines that exercise the sentence split's edges: trailing marks, closers, spaces, line breaks,
    /// abbreviations, ellipses, curly quotes, blank text.
    static let crafted: [String] = [
        "", "   ", "\n\n", "Good.", "  Good job.  ", "Great! .", "Great!!", "Great!)", "It's 'great'", "\"Fine.\"",
        "Hello Mr.", "Hello Mr. Smith", "e.g. this", "See U.S. law.", "I think... maybe", "Wait... What?",
        "Line one\nline two", "Line one\n\nLine two", "\nGood.", "Good.\n", "Good.\r\n", "no end mark",
        "Curly’s fine", "Ends with ellipsis…", "Ends… here", "Odd ?! mix", "(Parenthesised.)", "x.",
        "!!!", "...", " :) ", "Is it?? Yes!", "Tab\tseparated.", "No. 5 is fine", "a.b.c", "Done.)  ",
    ]

    @Test func sentenceVisitorMatchesTheSplit() {
        for text in Self.crafted {
            let bytes = Array(text.utf8)
            var visited: [Span] = []
            bytes.withUnsafeBufferPointer { b in SentenceSplitter.forEachSentence(b, in: 0..<b.count) { visited.append($0) } }
            #expect(visited == SentenceSplitter.split(text), "\(text.debugDescription)")
        }
    }

    /// Texts of 65...256 bytes are tokenised into a stack buffer of ``Tokenizer/stackTokens`` first: one
    /// with more tokens must be tokenised again in full, never cut short.
    @Test func tokenBufferOverflowKeepsEveryToken() {
        let small = Tokenizer.stackTokens
        #expect(small * MemoryLayout<Token>.stride <= 1024)
        for count in [small - 1, small, small + 1, small + 2, 2 * small, 120] {
            let text = Array(repeating: "ok", count: count).joined(separator: " ")
            for a in [Support.vader, Support.standard] {
                #expect(a.scorer.tokenizer.tokenize(Array(text.utf8)).tokens.count == count, "\(count) words")
            }
            // Each "ok" scores 1.2 (the lexicon's last entry for it): the sum is 1.2 x count only if no
            // word was dropped.
            let sum = 1.2 * Double(count)
            let want = Normalisation.pythonRound(sum / (sum * sum + 15).squareRoot(), 4)
            #expect(Support.vader.polarityScores(text).compound == want, "\(count) words")
        }
        // A hashtag reads as more words than half its bytes in the default mode.
        let tag = "#" + String(repeating: "a1", count: 60)
        #expect(Support.standard.scorer.tokenizer.tokenize(Array(tag.utf8)).tokens.count == 120)
    }

    @Test func summaryPathEqualsArrayPath() {
        var lines = Self.crafted + ["I don't like it 😢", "#NotGood at ALL!!!", "no problem, not bad 👍🏽", "a😀b"]
        if let tweets = Support.sharedFile("reference/sentiment/tweets_GroundTruth.txt") {
            lines += Support.lines(tweets).prefix(600).map { String($0.split(separator: "\t", maxSplits: 2).last ?? "") }
        }
        for a in [Support.vader, Support.standard] {
            for text in lines {
                let bytes = Array(text.utf8)
                let viaArrays = a.scorer.score(bytes).scores
                let viaBuffers = bytes.withUnsafeBufferPointer { a.scorer.summary($0, 0, $0.count).scores }
                #expect(viaArrays == viaBuffers, "\(text.debugDescription)")
            }
        }
        // polarityScores on a single sentence equals the per-sentence aggregation of the splitter's sentences.
        for text in lines {
            let bytes = Array(text.utf8)
            var spans: [Span] = []
            SentenceSplitter.split(bytes, in: 0..<bytes.count, into: &spans)
            let want = CommentAggregation.combine(spans.map { Support.standard.scorer.score(bytes, from: $0.start, to: $0.end) })
            let got = Support.standard.polarityScores(text)
            expectClose(got.compound, want.compound, 1e-12, text)
            expectClose(got.pos, want.pos, 1e-12, text)
        }
    }

    /// The stats the tokeniser returns with the tokens equal what the loops they replace compute: the union
    /// of the tokens' flags (phrase starts, "but"/"however") and the caps rule's mixed-case test, in both
    /// modes, for texts with and without capitals, phrases, contrasts and emoji.
    @Test func tokenStatsEqualTheLoopsTheyReplace() {
        var lines = Self.crafted + ["I don't like it 😢", "#NotGood at ALL!!!", "no problem, not bad 👍🏽", "a😀b",
                                    "GOOD but BAD", "It is GREAT however it is slow", "I LOVE IT", "OK UB CVE bug",
                                    "HORRIBLE no problem", "kind of GOOD but not great however fine"]
        if let tweets = Support.sharedFile("reference/sentiment/tweets_GroundTruth.txt") {
            lines += Support.lines(tweets).prefix(600).map { String($0.split(separator: "\t", maxSplits: 2).last ?? "") }
        }
        var contrasts = 0, mixed = 0
        for a in [Support.vader, Support.standard] {
            let tokenizer = a.scorer.tokenizer, words = a.scorer.vocabulary.words
            for text in lines {
                Array(text.utf8).withUnsafeBufferPointer { b in
                    tokenizer.withTokens(b, 0, b.count) { t, stats in
                        let tokens = UnsafeBufferPointer(t)
                        let union = tokens.reduce(UInt16(0)) { $0 | $1.flags }
                        #expect(stats.flags == union, "\(text.debugDescription)")
                        let caps = CapsEmphasis.capsDiffer(tokens, defaultMode: a.options.mode == .default)
                        #expect(stats.capsDiffer == caps, "\(text.debugDescription)")
                        let hasContrast = tokens.contains { $0.id == words.but || $0.id == words.however }
                        #expect((stats.flags & UInt16(WordFlags.contrast) != 0) == hasContrast, "\(text.debugDescription)")
                        if hasContrast { contrasts += 1 }
                        if caps { mixed += 1 }
                    }
                }
            }
        }
        #expect(contrasts >= 4 && mixed >= 4, "the lines cover both cases")
    }

    /// The 8-bytes-at-a-time shape agrees with a byte-by-byte reading for every length and position,
    /// including tokens that end at the end of the buffer.
    @Test func asciiShapeMatchesByteByByte() {
        var rng = UInt64(7)
        let alphabet = Array("aZ'q-Xn0 tT.Mz_".utf8)
        for _ in 0..<400 {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            let count = Int(rng >> 59) + 1  // 1...32
            var b: [UInt8] = []
            for k in 0..<count { b.append(alphabet[Int((rng >> UInt64(k % 48)) % UInt64(alphabet.count))]) }
            for lo in 0..<count {
                for hi in (lo + 1)...count {
                    let slice = b[lo..<hi]
                    let upper = slice.filter { $0 >= 0x41 && $0 <= 0x5A }.count
                    let lower = slice.filter { $0 >= 0x61 && $0 <= 0x7A }.count
                    let lowered = slice.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                    let got = b.withUnsafeBufferPointer { TextBytes.asciiShape($0, lo, hi) }
                    let hash = lowered.withUnsafeBufferPointer { WordTable.hash($0, 0, $0.count) }
                    #expect(got?.0.letters == (lower > 0 ? 1 : upper), "exact for a token without lower case")
                    #expect(got?.0.isUpper == (upper > 0 && lower == 0))
                    #expect(got?.0.hasApostrophe == slice.contains(0x27))
                    #expect(got?.1 == hash)
                }
            }
        }
        // Any non-ASCII byte, wherever it is, sends the token to the Unicode path.
        let text = Array("abcdefghijklmnop".utf8)
        for k in 0..<text.count {
            var b = text
            b[k] = 0xC3
            for hi in (k + 1)...b.count {
                #expect(b.withUnsafeBufferPointer { TextBytes.asciiShape($0, 0, hi) } == nil, "byte \(k), length \(hi)")
            }
        }
    }

    /// The 8-byte word scan flags exactly the bytes below 0x22, "?" and non-ASCII bytes, every one of the
    /// bytes the tokeniser's word loop must look at (``ByteClass/special``) among them.
    @Test func eightByteScanFlagsExactlyTheBytesThatMayMatter() {
        for value in 0...255 {
            let b = UInt8(value)
            for position in 0..<8 {
                let filler: UInt64 = 0x6161_6161_6161_6161  // "aaaaaaaa"
                let w = filler & ~(0xFF << UInt64(8 * position)) | UInt64(b) << UInt64(8 * position)
                let flagged = TextBytes.maySpecial(w)
                let want = b < 0x22 || b == 0x3F || b >= 0x80
                #expect(flagged == (want ? UInt64(0x80) << UInt64(8 * position) : 0), "byte \(value) at \(position)")
                if ByteClass.of(b) & ByteClass.special != 0 { #expect(want, "byte \(value)") }
            }
        }
    }

    @Test func emojiTableFindsEverySingleScalarEmoji() {
        let table = Support.vader.scorer.vocabulary.emoji
        var singles = 0
        for (key, description) in Support.lexicon.emoji {
            let scalars = Array(key.unicodeScalars)
            guard scalars.count == 1 else { continue }
            singles += 1
            let slot = table.find(scalars[0].value)
            #expect(slot >= 0 && table.description(slot) == description, "\(key)")
        }
        #expect(singles == table.count)
        for scalar in [0x41, 0x20, 0xE9, 0x4E2D, 0x10FFFF] as [UInt32] { #expect(table.find(scalar) == -1) }
    }
}
