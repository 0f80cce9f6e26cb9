import Reports
import Testing

@Suite("CSV cells")
struct CSVTests {
    @Test("cells that start like a formula get a leading quote mark", arguments: [
        ("=1+1", "'=1+1"), ("+44 20 7946", "'+44 20 7946"), ("-2+3", "'-2+3"), ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tx", "'\tx"), ("\u{FF1D}1+1", "'\u{FF1D}1+1"), ("safe =1", "safe =1"), ("", ""),
    ])
    func neutralised(_ input: String, _ expected: String) {
        #expect(CSV.cell(input) == expected)
    }

    @Test("a carriage return first is neutralised and the cell quoted")
    func carriageReturn() {
        #expect(CSV.cell("\rx") == "\"'\rx\"")
    }

    @Test("separators, quotes and line breaks are quoted with quotes doubled", arguments: [
        ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("a\nb", "\"a\nb\""), ("=x,\"y\"", "\"'=x,\"\"y\"\"\""),
    ])
    func quoting(_ input: String, _ expected: String) {
        #expect(CSV.cell(input) == expected)
    }

    @Test("hostile comment text reads back neutralised and on one line; numbers stay numbers")
    func roundTrip() throws {
        let text = try #require(ReportWriter().render(Fixture.input()).first { $0.name == "comments.csv" }?.text)
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF inside comments.csv")
        let rows = try MiniCSV.parse(text)
        let header = try #require(rows.first)
        let col = { (name: String) in header.firstIndex(of: name) ?? -1 }
        let byID = Dictionary(rows.dropFirst().map { ($0[col("comment_id")], $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byID["4"]?[col("excerpt")] == "'" + Fixture.formulaText)
        #expect(byID["a1"]?[col("author")] == "'@admin")
        #expect(byID["a2"]?[col("author")] == "'-dash")
        #expect(byID["a2"]?[col("excerpt")].hasPrefix("'-1 from me") == true)
        #expect(byID["a2"]?[col("sentiment_compound")] == "-0.3000", "a negative number was neutralised")
        #expect(byID["3"]?[col("author")] == Fixture.hostileAuthor)
        #expect(byID["3"]?[col("excerpt")] == "<script>alert('x')</script> Rust evil crab people !")
    }
}
