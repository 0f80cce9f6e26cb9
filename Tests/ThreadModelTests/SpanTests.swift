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
