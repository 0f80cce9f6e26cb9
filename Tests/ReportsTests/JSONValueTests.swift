import Reports
import Testing

@Suite("JSON writing")
struct JSONValueTests {
    @Test("strings escape quotes, backslashes, control, line-separator and bidi characters; other text stays UTF-8")
    func escaping() throws {
        let raw = "a\"b\\c\nd\re\tf\u{01}g\u{7F}h\u{2028}i\u{202E}j é 🦀 </script>"
        let text = JSONValue.string(raw).serialized()
        #expect(text == "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u007fh\\u2028i\\u202ej é 🦀 </script>\"\n")
        #expect(try JSON.parse(text) == .string(raw), "does not read back")
    }

    @Test("objects keep member order; empty containers stay on one line; numbers are written as given")
    func layout() {
        let v = JSONValue.object([("b", .number("1.0000")), ("a", .array([])), ("c", .object([])), ("d", .null), ("e", .bool(false))])
        #expect(v.serialized() == "{\n  \"b\": 1.0000,\n  \"a\": [],\n  \"c\": {},\n  \"d\": null,\n  \"e\": false\n}\n")
    }
}
