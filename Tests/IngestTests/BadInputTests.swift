import Foundation
import Testing
@testable import Ingest
import ThreadModel

@Suite struct BadInputTests {
    @Test func emptyFileIsReportedWithItsName() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("empty.jsonl")
        try write([], to: url)
        let result = try Ingestor().read(paths: [url.path])
        #expect(result.threads.isEmpty)
        #expect(result.problems.map(\.code) == ["empty-file"])
        #expect(result.problems.first?.description == "\(url.path): error: the file is empty")
        #expect(throws: InputError.self) { try Ingestor(options: IngestOptions(strict: true)).read(paths: [url.path]) }
    }

    @Test func blankOnlyJSONLIsEmpty() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("blank.jsonl")
        try write(Array("{\"id\":1,\"text\":\"x\"}\n".utf8), to: url)
        #expect(try Ingestor().read(paths: [url.path]).threads.first?.comments.count == 1)
        let missing = dir.appendingPathComponent("missing.jsonl").path
        #expect(throws: InputError.self) { try Ingestor().read(paths: [missing]) }
    }

    @Test func headerOnlyCSVAndImplausibleValues() throws {
        let dir = try temporaryDirectory()
        let csv = dir.appendingPathComponent("header.csv")
        try write(Array("id,text\n".utf8), to: csv)
        #expect(try Ingestor().read(paths: [csv.path]).problems.map(\.code) == ["empty-file"])
        let jsonl = dir.appendingPathComponent("values.jsonl")
        try write(Array("{\"id\": 1e999, \"score\": 1e300, \"time\": -1e300, \"text\": \"x\"}\n".utf8), to: jsonl)
        let result = try Ingestor().read(paths: [jsonl.path])
        let c = try #require(result.threads.first?.comments.first)
        #expect(c.id == "1e999" && c.score == nil && c.postedAt == nil)
        #expect(result.problems.map(\.code).sorted() == ["bad-score", "bad-time"])
        // Absurd mail dates are rejected, not overflowed.
        #expect(Dates.rfc2822("Thu, 11 Dec 99999999999999999 08:30:00 +0000") == nil)
        #expect(Dates.rfc2822("Thu, 99 Dec 2025 08:30:00 +0000") == nil)
        #expect(abs((Dates.rfc2822("Thu, 11 Dec 2025 08:30:00 +0000") ?? 0) - 1_765_441_800) < 0.001)
    }

    /// An over-long line is skipped without being held in memory; the lines after it still count.
    @Test func overLongLineIsSkipped() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("long.jsonl")
        var bytes = Array("{\"id\":\"1\",\"text\":\"short\"}\n{\"id\":\"2\",\"text\":\"".utf8)
        bytes += [UInt8](repeating: 0x61, count: 3_000_000)
        bytes += Array("\"}\n{\"id\":\"3\",\"text\":\"after\"}\n".utf8)
        try write(bytes, to: url)
        let options = IngestOptions(maxRecordBytes: 1 << 20)
        let result = try Ingestor(options: options).read(paths: [url.path])
        #expect(result.threads.first?.comments.map(\.id) == ["1", "3"])
        let p = try #require(result.problems.first)
        #expect(p.code == "line-too-long" && p.location.line == 2 && p.severity == .error)
        #expect(result.threads.first?.comment("3")?.location.line == 3)
    }

    /// 100,000 replies each to the previous one: nothing recursive, depths exact.
    @Test func deepReplyChain() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("deep.jsonl")
        var text = "{\"id\":\"0\",\"text\":\"root\"}\n"
        for i in 1..<100_000 { text += "{\"id\":\"\(i)\",\"parent\":\"\(i - 1)\",\"text\":\"r\"}\n" }
        try write(Array(text.utf8), to: url)
        let t = try #require(try Ingestor().read(paths: [url.path]).threads.first)
        #expect(t.comments.count == 100_000)
        #expect(t.comments.last?.depth == 99_999)
        #expect(t.comments.last?.parentID == "99998")
    }

    /// A real 100 MB line under the default 16 MB record limit: skipped while streaming, never buffered whole.
    @Test func hundredMegabyteLine() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("huge.jsonl")
        var bytes = Array("{\"id\":\"1\",\"text\":\"before\"}\n{\"id\":\"2\",\"text\":\"".utf8)
        bytes += [UInt8](repeating: 0x62, count: 100 << 20)
        bytes += Array("\"}\n{\"id\":\"3\",\"text\":\"after\"}\n".utf8)
        try write(bytes, to: url)
        bytes = []
        let result = try Ingestor().read(paths: [url.path])
        #expect(result.threads.first?.comments.map(\.id) == ["1", "3"])
        #expect(result.problems.map(\.code) == ["line-too-long"])
        #expect(result.problems.first?.location.line == 2)
        try? FileManager.default.removeItem(at: dir)
    }

    /// An Algolia tree nested 100,000 deep: the JSON tape and the tree walk use explicit stacks.
    @Test func deeplyNestedAlgoliaTree() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("deep-hn.json")
        let n = 100_000
        var text = "{\"id\": 1, \"type\": \"story\", \"title\": \"deep\", \"children\": ["
        for i in 2...n { text += "{\"id\": \(i), \"author\": \"a\", \"text\": \"reply\", \"children\": [" }
        text += String(repeating: "]}", count: n - 1) + "]}"
        try write(Array(text.utf8), to: url)
        let result = try Ingestor().read(paths: [url.path])
        #expect(result.formats == [.hackernews])
        let t = try #require(result.threads.first)
        #expect(t.comments.count == n - 1)
        #expect(t.comments.last?.depth == n - 2)
        #expect(t.comments.last?.parentID == String(n - 1))
    }

    /// A 100,000-long parent cycle is cut once and every depth is still defined.
    @Test func longParentCycle() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("cycle.jsonl")
        var text = ""
        let n = 100_000
        for i in 0..<n { text += "{\"id\":\"\(i)\",\"parent\":\"\((i + 1) % n)\",\"text\":\"c\"}\n" }
        try write(Array(text.utf8), to: url)
        let result = try Ingestor().read(paths: [url.path])
        let t = try #require(result.threads.first)
        #expect(t.comments.filter { $0.flags.contains(.cycleBroken) }.map(\.id) == ["0"])
        #expect(t.comments[1].depth == n - 1)
        #expect(result.problems.filter { $0.code == "parent-cycle" }.count == 1)
    }
}

@Suite struct DetectionTests {
    @Test func detectsEveryFixture() throws {
        let expected: [(String, SourceFormat)] = [
            ("generic.jsonl", .jsonl), ("bad.jsonl", .jsonl), ("generic.csv", .csv),
            ("slashdot-sample.txt", .slashdot), ("article.md", .article),
            ("hn-algolia.json", .hackernews), ("hn-items.jsonl", .hackernews),
            ("reddit-thread.json", .reddit), ("reddit-comments.ndjson", .reddit), ("list.mbox", .mbox),
        ]
        for (name, format) in expected {
            #expect(try Ingestor().detectFormat(path: fixture(name)) == format, "\(name)")
        }
    }

    @Test func formatOptionOverridesDetection() throws {
        let result = try Ingestor(options: IngestOptions(format: .article)).read(paths: [fixture("slashdot-sample.txt")])
        #expect(result.formats == [.article])
        #expect(result.threads.first?.comments.isEmpty == true)
    }

    @Test func mixedFormatsInOneCall() throws {
        let names = ["generic.jsonl", "generic.csv", "slashdot-sample.txt", "article.md"]
        let result = try Ingestor().read(paths: names.map { try fixture($0) })
        #expect(result.formats == [.jsonl, .csv, .slashdot, .article])
        #expect(result.threads.map(\.source) == [.jsonl, .jsonl, .csv, .slashdot, .article])
        #expect(result.files.count == 4)
    }
}
