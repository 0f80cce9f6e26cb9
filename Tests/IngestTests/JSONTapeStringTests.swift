import Testing
@testable import Ingest

/// String scanning of the JSON tape: quotes, escapes and truncation wherever they fall.
@Suite struct JSONTapeStringTests {
    private func parse(_ text: [UInt8]) -> Result<JSONTape, JSONError> {
        var tape = JSONTape()
        do {
            try tape.parse(text, 0..<text.count)
            return .success(tape)
        } catch {
            return .failure(error)
        }
    }

    private func value(_ json: String) -> String? {
        guard case .success(let tape) = parse(Array(json.utf8)), let v = tape.member(tape.root, "k") else { return nil }
        var invalid = false
        return tape.string(v, invalid: &invalid)
    }

    @Test func escapesAnywhereInTheString() {
        #expect(value(#"{"k": "plain"}"#) == "plain")
        #expect(value(#"{"k": ""}"#) == "")
        #expect(value(#"{"k": "\""}"#) == "\"")
        #expect(value(#"{"k": "a\"b\"c"}"#) == "a\"b\"c")
        #expect(value(#"{"k": "ends with \\"}"#) == "ends with \\")
        #expect(value(#"{"k": "\\\"quoted\\\""}"#) == "\\\"quoted\\\"")
        #expect(value(#"{"k": "line\nbreak — é\ttab\u00e9"}"#) == "line\nbreak — é\ttabé")
        // Many escapes in one long string: every one resolved, the quote after them found.
        let long = String(repeating: #"word \"x\" \n"#, count: 5000)
        let expected = String(repeating: "word \"x\" \n", count: 5000)
        #expect(value(#"{"k": ""# + long + #""}"#) == expected)
    }

    @Test func aStringCutShortIsTruncated() {
        for text in [#"{"k": "abc"#, #"{"k": "abc\"#, #"{"k": "abc\""#, #"{"k": "\"#, #"{"k"#, #"{""#] {
            guard case .failure(let error) = parse(Array(text.utf8)) else {
                Issue.record("parsed: \(text)")
                continue
            }
            #expect(error.kind == .truncated, "\(text)")
        }
    }

    @Test func keysAndValuesAfterEscapedStrings() {
        let json = #"{"a": "x\\", "k": "y\"z", "b": ["\\", "\""], "c": "\u0041"}"#
        guard case .success(let tape) = parse(Array(json.utf8)) else {
            Issue.record("not parsed")
            return
        }
        var invalid = false
        #expect(tape.member(tape.root, "a").flatMap { tape.string($0, invalid: &invalid) } == "x\\")
        #expect(tape.member(tape.root, "k").flatMap { tape.string($0, invalid: &invalid) } == "y\"z")
        #expect(tape.member(tape.root, "b").map { tape.elements($0).count } == 2)
        #expect(tape.member(tape.root, "c").flatMap { tape.string($0, invalid: &invalid) } == "A")
        #expect(!invalid)
    }
}
