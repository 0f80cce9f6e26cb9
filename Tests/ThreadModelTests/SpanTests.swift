import Foundation
import Testing
@testable import ThreadModel

@Suite struct SpanTests {
    @Test func sliceUsesUTF8Offsets() {
        let s = "Ça va? Rust ✓ ok"
        let start = s.utf8.count - "Rust ✓ ok".utf8.count
        #expect(s.slice(Span(start, start + 4)) == "Rust")
        #expect(s.slice(Span(start, s.utf8.count + 10)) == "Rust ✓ ok")
    }

    @Test func locationDescriptionIsCompilerStyle() {
        let p = InputProblem(SourceLocation(file: "data/x.jsonl", line: 212, field: "text"), .error,
                             code: "missing-field", "is missing")
        #expect(p.description == "data/x.jsonl:212: error: field 'text': is missing")
    }
}

@Suite struct CommentModelTests {
    @Test func ownSentencesExcludeQuotes() {
        let c = ThreadModel.Comment(id: "1", threadID: "t", rawText: "x", sentences: [
            Sentence(span: Span(0, 1), isQuoted: true), Sentence(span: Span(2, 3)),
        ], location: SourceLocation(file: "f", line: 1))
        #expect(c.ownSentences == [Sentence(span: Span(2, 3))])
        #expect(c.key == CommentKey(threadID: "t", commentID: "1"))
    }

    @Test func commentRoundTripsThroughJSON() throws {
        let c = ThreadModel.Comment(id: "7", threadID: "t", parentID: "3", parentLink: .quote, depth: 2, rawText: "a",
                                    quotes: [QuoteSpan(span: Span(0, 1), depth: 1, quotedCommentID: "3")],
                                    flags: [.orphan], location: SourceLocation(file: "f.txt", line: 9))
        let data = try JSONEncoder().encode(c)
        #expect(try JSONDecoder().decode(ThreadModel.Comment.self, from: data) == c)
    }
}

@Suite struct CommentStorageTests {
    private func comment(raw: String, text: String, own: String) -> ThreadModel.Comment {
        ThreadModel.Comment(id: "1", threadID: "t", rawText: raw, text: text, ownText: own,
                            location: SourceLocation(file: "f", line: 1))
    }

    @Test func compactStorageKeepsEveryValue() throws {
        let cases: [(String, String, String)] = [
            ("> quoted café line\nMy own — words.\n", "quoted café line\nMy own — words.", "My own — words."),
            ("On Tue, X wrote:\n> > deep\n>  one\r\nmine  \n\n-- \nsig", "On Tue, X wrote:\ndeep\none\nmine\n\n-- \nsig", "mine"),
            ("same", "same", "same"),
            ("&lt;p&gt;", "<p>", "<p>"),          // not a subsequence: kept whole
            ("été", "t", "t"),                    // whole characters removed
            ("", "", ""),
        ]
        for (raw, text, own) in cases {
            var c = comment(raw: raw, text: text, own: own)
            let before = c
            c.compactTextStorage()
            #expect(c.rawText == raw && c.text == text && c.ownText == own)
            #expect(c == before && c.hashValue == before.hashValue)
            let data = try JSONEncoder().encode(c)
            #expect(try JSONDecoder().decode(ThreadModel.Comment.self, from: data) == before)
        }
    }

    @Test func changingTextFreezesTheDerivedValues() {
        var c = comment(raw: "> a quoted line\nown words", text: "a quoted line\nown words", own: "own words")
        c.compactTextStorage()
        c.text = "something else entirely"
        #expect(c.rawText == "> a quoted line\nown words" && c.ownText == "own words")
        c.ownText = "new"
        #expect(c.ownText == "new" && c.text == "something else entirely")
    }

    @Test func tooManyInsertionsAreKeptWhole() {
        let raw = (0..<100).map { "> line \($0)" }.joined(separator: "\n")
        let text = (0..<100).map { "line \($0)" }.joined(separator: "\n")
        var c = comment(raw: raw, text: text, own: "")
        c.compactTextStorage(maxInsertions: 10)
        #expect(c.rawText == raw)
        c.compactTextStorage()
        #expect(c.rawText == raw && c.ownText == "")
    }

    @Test func spansAreCompactAndEncodeAsBefore() throws {
        #expect(MemoryLayout<Sentence>.stride == 8)
        #expect(MemoryLayout<ThreadModel.Comment>.stride <= 216)
        let data = try JSONEncoder().encode(Span(3, 9))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
        #expect(object == ["start": 3, "end": 9])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Span.self, from: Data(#"{"start":5,"end":2}"#.utf8)) }
    }

    @Test func packedSentenceKeepsSpanAndQuoteFlag() throws {
        var s = Sentence(span: Span(Span.maxOffset - 1, Span.maxOffset), isQuoted: true)
        #expect(s.span == Span(Span.maxOffset - 1, Span.maxOffset) && s.isQuoted)
        s.isQuoted = false
        #expect(s.span.start == Span.maxOffset - 1 && !s.isQuoted)
        s.span = Span(0, 5)
        s.isQuoted = true
        #expect(s == Sentence(span: Span(0, 5), isQuoted: true) && s != Sentence(span: Span(0, 5)))
        let data = try JSONEncoder().encode(s)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["isQuoted"] as? Bool == true && (object["span"] as? [String: Int]) == ["start": 0, "end": 5])
        #expect(try JSONDecoder().decode(Sentence.self, from: data) == s)
    }

    @Test func optionalTimeScoreAndDepthKeepTheirValues() {
        var c = comment(raw: "x", text: "x", own: "x")
        #expect(c.postedAt == nil && c.score == nil && c.depth == 0 && c.parentLink == .none)
        c.postedAt = 0
        c.score = 0
        c.depth = 100_000
        c.parentLink = .subject
        #expect(c.postedAt == 0 && c.score == 0 && c.depth == 100_000 && c.parentLink == .subject)
        c.score = Int.min
        c.postedAt = nil
        #expect(c.postedAt == nil && c.score == Int.min)
        c.score = nil
        #expect(c.score == nil && c.postedAt == nil)
        c.moderation = "Insightful"
        c.location.field = "text"
        #expect(c.moderation == "Insightful" && c.location == SourceLocation(file: "f", line: 1, field: "text"))
        c.moderation = nil
        c.location.line = 7
        #expect(c.moderation == nil && c.location == SourceLocation(file: "f", line: 7, field: "text"))
        c.location.field = nil
        #expect(c.location == SourceLocation(file: "f", line: 7))
    }

    @Test func packedEditsInlineAndInAnArray() {
        // Two short edits fit inline; many long ones need the byte array; both give back the raw text.
        let cases: [(String, String)] = [
            ("> one quoted line\nmine\n", "one quoted line\nmine"),
            ((0..<40).map { ">>> quoted line number \($0) é" }.joined(separator: "\n"),
             (0..<40).map { "quoted line number \($0) é" }.joined(separator: "\n")),
            (String(repeating: "a", count: 300) + "\n> " + String(repeating: "b", count: 20_000) + " \n",
             String(repeating: "a", count: 300) + "\n" + String(repeating: "b", count: 20_000)),
        ]
        for (raw, text) in cases {
            var c = comment(raw: raw, text: text, own: text)
            c.compactTextStorage()
            #expect(c.rawText == raw && c.text == text && c.ownText == text)
        }
    }
}
