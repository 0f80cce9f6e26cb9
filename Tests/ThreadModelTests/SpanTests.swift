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
        #expect(MemoryLayout<Sentence>.stride == 12)
        let data = try JSONEncoder().encode(Span(3, 9))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
        #expect(object == ["start": 3, "end": 9])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Span.self, from: Data(#"{"start":5,"end":2}"#.utf8)) }
    }
}
