import Testing
@testable import Ingest
import ThreadModel

@Suite struct CSVTests {
    @Test func readsQuotedFieldsAndAliases() throws {
        let result = try Ingestor().read(paths: [fixture("generic.csv")])
        #expect(result.formats == [.csv])
        let t = try #require(result.threads.first)
        #expect(t.id == "csv-thread")
        #expect(t.comments.map(\.id) == ["1", "2", "3", "5"])
        let c1 = try #require(t.comment("1"))
        #expect(c1.text == "Two toolchains, one kernel: is that wise?")
        #expect(c1.author == "alice" && c1.score == 5 && c1.title == "Toolchains")
        let c2 = try #require(t.comment("2"))
        #expect(c2.text == "He said \"it is fine\".\nI disagree.")
        #expect(c2.parentID == "1" && c2.depth == 1)
        #expect(abs((c2.postedAt ?? 0) - 1_765_443_600) < 0.001)
        #expect(c2.location.line == 3)
        let c3 = try #require(t.comment("3"))
        #expect(c3.flags == [.empty] && c3.score == nil && c3.depth == 2)
        #expect(t.comment("5")?.location.line == 7)
    }

    @Test func wrongColumnCountNamesTheLine() throws {
        let result = try Ingestor().read(paths: [fixture("generic.csv")])
        let p = try #require(result.problems.first { $0.code == "csv-columns" })
        #expect(p.location.line == 6)
        #expect(p.message == "expected 8 columns, found 9")
        #expect(result.skippedRecords == 1)
    }

    @Test func unclosedQuoteIsReported() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("open.csv")
        try write(Array("id,text\n1,fine\n2,\"never closed\n3,x\n".utf8), to: url)
        let result = try Ingestor().read(paths: [url.path])
        #expect(result.threads.first?.comments.map(\.id) == ["1"])
        #expect(result.problems.first?.code == "csv-quote")
        #expect(result.problems.first?.location.line == 3)
    }
}
