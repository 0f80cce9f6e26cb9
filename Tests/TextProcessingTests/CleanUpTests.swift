import Testing
@testable import TextProcessing
import ThreadModel

@Suite struct HTMLTextTests {
    @Test func entitiesNamedAndNumeric() {
        #expect(HTMLEntities.decode("a &amp; b &lt;p&gt; &#39;x&#x27; &rsquo; &hellip; &nbsp;.") == "a & b <p> 'x' \u{2019} \u{2026} \u{00A0}.")
        #expect(HTMLEntities.decode("AT&T &unknown; & alone &#xFFFFFFF;") == "AT&T &unknown; & alone \u{FFFD}")
    }

    @Test func hackerNewsMarkup() {
        let html = "First para.<p>Second with <i>italics</i> and <a href=\"https://example.org/x?a=1&amp;b=2\" rel=\"nofollow\">a link</a>.<p><pre><code>  let x = 1;\n  x += 1;\n</code></pre>"
        #expect(HTMLText.toText(html) == "First para.\n\nSecond with italics and a link.\n\n  let x = 1;\n  x += 1;")
    }

    @Test func shortenedLinkShowsTheFullURL() {
        let html = "<a href=\"https://example.org/a/long/path\">https://example.org/a/...</a>"
        #expect(HTMLText.toText(html) == "https://example.org/a/long/path")
    }

    @Test func blockquoteBecomesQuoteLines() {
        #expect(HTMLText.toText("<blockquote>quoted words</blockquote>my reply") == "> quoted words\n\nmy reply")
    }

    @Test func brokenTagsStayText() {
        #expect(HTMLText.toText("if a < b and c > d") == "if a < b and c > d")
        #expect(HTMLText.toText("x <br> y<br/>z") == "x\ny\nz")
        #expect(HTMLText.toText("<h2>Title</h2>text") == "Title\ntext")
    }

    @Test func markdown() {
        #expect(MarkdownText.toText("**Bold** and [a link](https://x.org) &gt; `code` ~~gone~~") == "Bold and a link > code gone")
        #expect(MarkdownText.toText("## Heading\ntext") == "Heading\ntext")
    }
}

@Suite struct MojibakeTests {
    @Test func repairsCommonSequences() {
        #expect(Mojibake.repair("didnâ€™t").text == "didn\u{2019}t")
        #expect(Mojibake.repair("Ã©tÃ© â€œquotedâ€\u{9D}").text == "été \u{201C}quoted\u{201D}")
        #expect(Mojibake.repair("GrÃ¼ÃŸe").repairs == 2)
    }

    @Test func leavesCorrectTextAlone() {
        for s in ["café naïve", "NÃO", "Ångström", "plain ascii", "€ 5", "Ã alone"] {
            let r = Mojibake.repair(s)
            #expect(r.repairs == 0 && r.text == s, "\(s)")
        }
    }
}

@Suite struct SentenceSplitterTests {
    func sentences(_ s: String) -> [String] { SentenceSplitter.split(s).map { s.slice($0) } }

    @Test func basicBoundaries() {
        #expect(sentences("One. Two! Three?  Four") == ["One.", "Two!", "Three?", "Four"])
        #expect(sentences("Wait... What?! Really.") == ["Wait...", "What?!", "Really."])
        // An ellipsis before a lower-case word trails off; a plain stop still ends the sentence.
        #expect(sentences("Wait... what?! Really.") == ["Wait... what?!", "Really."])
        #expect(sentences("THIS IS GREAT. it is fine.") == ["THIS IS GREAT.", "it is fine."])
        #expect(sentences("Tabs, spaces, etc. are fine. Etc. Done.") == ["Tabs, spaces, etc. are fine.", "Etc.", "Done."])
        #expect(sentences("See issue No. 5 now.") == ["See issue No. 5 now."])
        #expect(sentences("He said \"stop.\" Then left.") == ["He said \"stop.\"", "Then left."])
    }

    @Test func abbreviationsInitialsAndNumbers() {
        #expect(sentences("See e.g. the docs. Version 6.1 is out.") == ["See e.g. the docs.", "Version 6.1 is out."])
        #expect(sentences("Steven J. Vaughan-Nichols wrote it. Mr. Torvalds agreed.") ==
                ["Steven J. Vaughan-Nichols wrote it.", "Mr. Torvalds agreed."])
    }

    /// The scan reads the last bytes of a range as one word that may start before the range: what lies
    /// before it, and whether the text is long enough for that load at all, must not change the split.
    @Test func splitDoesNotDependOnBytesBeforeTheRange() {
        let pieces = ["a", "B", " ", "  ", ".", "..", "!", "?", "\n", "\n\n", "/", "\"", ")", "e.g", "Mr", "etc", "No", "5",
                      "…", "’", "é", "Ok", "it works", "/ /", "@", "#"]
        let junk: [[UInt8]] = [[], Array("./!?\n/@".utf8), Array("........".utf8), Array("x\n\n\n\n\n\n\n\n\n".utf8)]
        var state: UInt64 = 12_345
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<3000 {
            let text = (0..<(1 + next(9))).map { _ in pieces[next(pieces.count)] }.joined()
            let alone = SentenceSplitter.split(text)
            for before in junk {
                let bytes = before + Array(text.utf8)
                var spans: [Span] = []
                SentenceSplitter.split(bytes, in: before.count..<bytes.count, into: &spans)
                #expect(spans.map { Span($0.start - before.count, $0.end - before.count) } == alone, "\(text.debugDescription)")
            }
        }
        #expect(sentences("Go. /Now./") == ["Go.", "/Now./"])
        #expect(sentences("it works!!/ ok.") == ["it works!!/ ok."])
        #expect(sentences("Fine.\n\nDone") == ["Fine.", "Done"])
    }

    @Test func titleKeysMatchTheTitleList() {
        for title in SentenceSplitter.titles {
            #expect(SentenceSplitter.isTitle(SentenceSplitter.packed(title)), "\(title)")
            #expect(sentences("Ask \(title). Smith now.") == ["Ask \(title). Smith now."], "\(title)")
        }
        for word in ["m", "mx", "drs", "pro", "respo", "approxx", "etc", "no", "the", "approximately"] {
            #expect(!SentenceSplitter.isTitle(SentenceSplitter.packed(word)), "\(word)")
        }
        #expect(SentenceSplitter.etcKey == SentenceSplitter.packed("etc"))
        #expect(SentenceSplitter.noKey == SentenceSplitter.packed("no"))
    }

    @Test func lineBreaks() {
        // One paragraph per line (comment sites): every line is a sentence.
        #expect(sentences("First line without a stop\nSecond line") == ["First line without a stop", "Second line"])
        // Hard-wrapped mail: joined.
        let wrapped = "This sentence is long enough that the mailer wrapped it at the\nseventy-second column. Next."
        #expect(sentences(wrapped) == ["This sentence is long enough that the mailer wrapped it at the\nseventy-second column.", "Next."])
        #expect(sentences("a\n\nb") == ["a", "b"])
    }

    @Test func spansAreUTF8Offsets() {
        let s = "Ça va. Très bien — merci!"
        let spans = SentenceSplitter.split(s)
        #expect(spans == [Span(0, 7), Span(8, s.utf8.count)])
    }
}

@Suite struct TextLayoutTests {
    @Test func nestedQuotes() {
        let c = TextLayout.analyze("> > deep words\n> shallow words\nmine")
        #expect(c.text == "deep words\nshallow words\nmine")
        #expect(c.quotes.map(\.depth) == [2, 1])
        #expect(c.quotes.map { c.text.slice($0.span) } == ["deep words", "shallow words"])
        #expect(c.ownText == "mine")
        #expect(c.sentences.map(\.isQuoted) == [true, true, false])
    }

    @Test func markersWithoutSpaces() {
        let c = TextLayout.analyze(">>tight\n>loose\nown")
        #expect(c.quotes.map(\.depth) == [2, 1])
        #expect(c.text == "tight\nloose\nown")
    }

    @Test func attributionForms() {
        let inputs = [
            "On Tue, 3 Jun 2025, Jane Doe wrote:\n> quoted\nreply",
            "On Tue, 3 Jun 2025 at 10:00, Jane Doe\n<jane@example.org> wrote:\n> quoted\nreply",
            "Am 03.06.2025 um 10:00 schrieb Jana Muster:\n> quoted\nreply",
            "Jana Muster schrieb:\n> quoted\nreply",
            "Em ter., 3 de jun. de 2025 às 10:00, Joana\n<joana@example.org> escreveu:\n> quoted\nreply",
        ]
        for input in inputs {
            let c = TextLayout.analyze(input)
            #expect(c.ownText == "reply", "\(input)")
            #expect(c.quotes.count == 1)
            #expect(c.sentences.count == 2, "attribution lines give no sentence: \(input)")
        }
        // Not followed by a quote: ordinary words.
        #expect(TextLayout.analyze("Someone wrote:\nno quote here").ownText == "Someone wrote:\nno quote here")
    }

    @Test func signatureAndElision() {
        let c = TextLayout.analyze("> a point\n> [...]\n> another\n\nmy answer\n-- \nJane\nExample Corp")
        #expect(c.ownText == "my answer")
        #expect(c.quotes.count == 2)
        #expect(c.sentences.filter { !$0.isQuoted }.count == 1)
        #expect(c.text.hasSuffix("--\nJane\nExample Corp"))
        #expect(TextLayout.analyze("a\n[snip]\nb").ownText == "a\n\nb")
    }

    @Test func unmarkedLeadingQuote() {
        let c = TextLayout.analyze("their words here\nmy words", leadingQuoteLines: 1)
        #expect(c.quotes.count == 1 && c.text.slice(c.quotes[0].span) == "their words here")
        #expect(c.ownText == "my words")
    }

    @Test func plainTextSharesStorageAndTrims() {
        let c = TextLayout.analyze("  just text.\r\n")
        #expect(c.text == "just text." && c.ownText == "just text." && c.quotes.isEmpty)
        #expect(TextLayout.analyze("").sentences.isEmpty)
    }
}
