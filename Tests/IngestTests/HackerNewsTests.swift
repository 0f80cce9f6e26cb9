import Testing
@testable import Ingest
import ThreadModel

@Suite struct HackerNewsTests {
    @Test func algoliaTree() throws {
        let result = try Ingestor().read(paths: [fixture("hn-algolia.json")])
        #expect(result.formats == [.hackernews])
        #expect(result.skippedRecords == 0)
        let t = try #require(result.threads.first)
        #expect(t.id == "9000001")
        #expect(t.title == "Rust support in the kernel is no longer experimental")
        #expect(t.url == "https://example.org/rust-kernel")
        #expect(abs((t.postedAt ?? 0) - 1_765_447_200) < 0.001)
        #expect(t.comments.map(\.id) == ["9000002", "9000003", "9000004", "9000005", "9000006", "9000007"])
        #expect(t.comments.map(\.depth) == [0, 1, 2, 2, 0, 1])
        #expect(t.comments.map { $0.parentID ?? "-" } == ["-", "9000002", "9000003", "9000003", "-", "9000006"])
        let c2 = try #require(t.comment("9000002"))
        #expect(c2.text == "Good news for driver authors.\n\nSee https://example.org/a/very/long/path/to/the/announcement for details & dates.")
        #expect(c2.score == nil && c2.author == "lowlevel")
        #expect(c2.flags.isEmpty && c2.parentLink == .none)
        #expect(!result.problems.contains { $0.code == "orphan" })
        #expect(c2.sentences.count == 2)
        let c3 = try #require(t.comment("9000003"))
        #expect(c3.ownText == "Only if the bindings keep up. I'm not convinced.")
        #expect(c3.quotes.first?.quotedCommentID == "9000002")
        #expect(c3.rawText.hasPrefix("&gt; Good news"))
        #expect(t.comment("9000004")?.flags == [.deleted])
        #expect(t.comment("9000005")?.flags == [.dead])
        #expect(t.comment("9000007")?.flags == [.flagged])
        let code = try #require(t.comment("9000006"))
        #expect(code.text == "Example:\n\n  fn main() {\n      println!(\"hi\");\n  }\n\nWorks fine.")
    }

    @Test func officialItems() throws {
        let result = try Ingestor().read(paths: [fixture("hn-items.jsonl")])
        #expect(result.formats == [.hackernews])
        #expect(result.threads.map(\.id) == ["8000001", "7999999"])
        let t = result.threads[0]
        #expect(t.title == "Ask HN: Would you write a kernel driver in Rust?")
        #expect(t.body == "Curious what people think.\n\nIs the tooling ready?")
        #expect(t.comments.map(\.id) == ["8000002", "8000003", "8000004", "8000005"])
        #expect(t.comments.map(\.depth) == [0, 1, 2, 0])
        #expect(t.comment("8000002")?.text == "Yes. The abstractions for PCI are finally usable.")
        #expect(t.comment("8000003")?.quotes.first?.quotedCommentID == "8000002")
        #expect(t.comment("8000004")?.flags == [.deleted])
        #expect(t.comment("8000005")?.flags == [.dead])
        #expect(abs((t.comment("8000002")?.postedAt ?? 0) - 1_765_447_300) < 0.001)
        // The story of the last comment is absent: its thread is named by the missing parent, no orphan flag.
        let lone = result.threads[1]
        #expect(lone.comments.first?.depth == 0 && lone.comments.first?.flags == [])
    }
}
