import Testing
@testable import Ingest
import ThreadModel

@Suite struct RedditTests {
    @Test func threadJSON() throws {
        let result = try Ingestor().read(paths: [fixture("reddit-thread.json")])
        #expect(result.formats == [.reddit])
        let t = try #require(result.threads.first)
        #expect(t.id == "1abcde")
        #expect(t.title == "Rust is now a permanent part of the kernel")
        #expect(t.body == "What does this mean for out-of-tree modules?")
        #expect(abs((t.postedAt ?? 0) - 1_765_447_200) < 0.001)
        #expect(t.comments.map(\.id) == ["k1", "k2", "k3"])
        #expect(t.comments.map(\.depth) == [0, 1, 0])
        #expect(t.comments.map(\.score) == [41, -3, 1])
        let k1 = try #require(t.comment("k1"))
        #expect(k1.text == "Nothing changes for them. See the docs & relax.")
        #expect(k1.parentID == nil && k1.parentLink == .none && k1.flags.isEmpty)
        #expect(!result.problems.contains { $0.code == "orphan" })
        let k2 = try #require(t.comment("k2"))
        #expect(k2.parentID == "k1" && k2.parentLink == .explicit)
        #expect(k2.ownText == "Until an API they use gets a Rust-only rewrite.")
        #expect(k2.quotes.first?.quotedCommentID == "k1")
        #expect(t.comment("k3")?.flags == [.deleted])
        let more = try #require(result.problems.first { $0.code == "more-stub" })
        #expect(more.severity == .warning && more.message.hasPrefix("7 comment(s) under t1_k1"))
        #expect(more.location.line == 15)
    }

    @Test func ndjsonDump() throws {
        let result = try Ingestor().read(paths: [fixture("reddit-comments.ndjson")])
        #expect(result.formats == [.reddit])
        let t = try #require(result.threads.first)
        #expect(t.id == "zz9")
        #expect(t.comments.map(\.id) == ["r1", "r2", "r3"])
        let r2 = try #require(t.comment("r2"))
        #expect(r2.parentID == "r1" && r2.depth == 1)
        #expect(abs((r2.postedAt ?? 0) - 1_765_450_100) < 0.001)
        #expect(r2.quotes.map(\.depth) == [1, 2])
        #expect(r2.quotes.first?.quotedCommentID == "r1")
        #expect(r2.ownText == "It is one extra compiler.")
        let r3 = try #require(t.comment("r3"))
        #expect(r3.flags == [.orphan] && r3.depth == 0)
        // The last line is cut short: skipped and counted with its line.
        let bad = try #require(result.problems.first { $0.severity == .error })
        #expect(bad.code == "truncated-json" && bad.location.line == 4)
    }
}
