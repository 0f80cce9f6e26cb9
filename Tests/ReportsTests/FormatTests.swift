import Reports
import Testing

@Suite("Locale-free formatting")
struct FormatTests {
    @Test("fixed decimals, half away from zero, no negative zero", arguments: [
        (0.5, 4, "0.5000"), (-1.23456, 4, "-1.2346"), (-0.00001, 4, "0.0000"), (-0.0, 4, "0.0000"),
        (0.00005, 4, "0.0001"), (-0.00005, 4, "-0.0001"), (2.5, 0, "3"), (-2.5, 0, "-3"), (12.0, 2, "12.00"),
        (0.001, 3, "0.001"), (123456.789, 1, "123456.8"), (1, 4, "1.0000"), (-1, 4, "-1.0000"),
    ])
    func fixed(_ x: Double, _ decimals: Int, _ expected: String) {
        #expect(Format.fixed(x, decimals: decimals) == expected)
    }

    @Test("non-finite values have no text")
    func nonFinite() {
        #expect(Format.fixed(.nan) == nil)
        #expect(Format.fixed(.infinity) == nil)
        #expect(Format.isoTimestamp(.nan) == nil)
    }

    /// Expected values from GNU `date -u -d @<seconds> +%Y-%m-%dT%H:%M:%SZ`.
    @Test("ISO-8601 timestamps match GNU date", arguments: [
        (0.0, "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"), (4_107_456_000, "2100-02-28T00:00:00Z"),
        (-86_401, "1969-12-30T23:59:59Z"), (253_402_300_799, "9999-12-31T23:59:59Z"),
        (1_794_950_000.75, "2026-11-17T21:13:20Z"),
    ])
    func iso(_ seconds: Double, _ expected: String) {
        #expect(Format.isoTimestamp(seconds) == expected)
        #expect(Format.isoDate(seconds) == String(expected.prefix(10)))
    }

    @Test("text cells become one clean line")
    func singleLine() {
        #expect(TextCell.singleLine("  a\r\n\tb\u{0007}c \u{202E}d\u{2066}e\u{0085}f  ") == "a b c de f")
        #expect(TextCell.singleLine("\n\n") == "")
    }

    @Test("plain ASCII keeps its fast path without skipping the clean-up", arguments: [
        (" a", "a"), ("a ", "a"), ("a  b", "a b"), ("", ""), (" ", ""), ("a b", "a b"), ("x\u{7F}y", "x y"), ("~", "~"),
    ])
    func asciiFastPath(_ input: String, _ expected: String) {
        #expect(TextCell.singleLine(input) == expected)
    }

    @Test("excerpts cut on characters and mark the cut")
    func excerpt() {
        #expect(TextCell.excerpt("abc def", limit: 10) == "abc def")
        #expect(TextCell.excerpt("abc def ghi", limit: 5) == "abc…")
        #expect(TextCell.excerpt("🦀🦀🦀🦀", limit: 3) == "🦀🦀…")
        #expect(TextCell.excerpt(String(repeating: "ab\n", count: 5000), limit: 10) == "ab ab ab…")
        #expect(TextCell.excerpt("abc defgh", limit: 9) == "abc defgh")
        // Five characters of two scalars each: no grapheme is split by the cut.
        let accented = String(repeating: "e\u{301}", count: 300)
        #expect(TextCell.excerpt(accented, limit: 5) == String(repeating: "e\u{301}", count: 4) + "…")
    }
}
