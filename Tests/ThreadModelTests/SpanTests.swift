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
