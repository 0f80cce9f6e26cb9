import Testing
@testable import Ingest
import ThreadModel

@Suite struct LemmyTests {
    @Test func commentListFromThePathTree() throws {
        let result = try Ingestor().read(paths: [fixture("lemmy-comments.json")])
        #expect(result.formats == [.lemmy])
        let t = try #require(result.threads.first)
        #expect(result.threads.count == 1)
        #expect(t.id == "88" && t.source == .lemmy)
        #expect(t.title == "Rust for Linux is no longer experimental")
        #expect(t.comments.map(\.id) == ["501", "502", "503", "504", "505"])
        #expect(t.comments.map { $0.parentID ?? "-" } == ["-", "501", "502", "501", "-"])
        #expect(t.comments.map(\.depth) == [0, 1, 2, 1, 0])
        let first = try #require(t.comment("501"))
        #expect(first.author == "ferris_fan" && first.score == 14)
        #expect(first.text == "Rust in the kernel is finally out of the experimental phase.")
        #expect(abs((first.postedAt ?? 0) - 1_765_447_200.123456) < 0.001)
        let reply = try #require(t.comment("502"))
        #expect(reply.ownText == "Out of the phase, yes. Out of the woods, no.")
        #expect(reply.quotes.first?.quotedCommentID == "501")
        #expect(reply.parentLink == .explicit)
        #expect(t.comment("503")?.text == "Which woods? The & toolchain ones?")
        #expect(t.comment("504")?.flags == [.deleted])
        // A path that does not end with the comment's id, an unreadable time and score: reported, kept.
        let lost = try #require(t.comment("505"))
        #expect(lost.parentID == nil && lost.postedAt == nil && lost.score == nil)
        let codes = result.problems.map { "\($0.code)@\($0.location.line)" }
        #expect(codes.contains("bad-path@7") && codes.contains("bad-time@7") && codes.contains("bad-score@7"))
        #expect(codes.contains("placeholder-deleted@6"))
        // No content: skipped and counted, with its line and field.
        let missing = try #require(result.problems.first { $0.severity == .error })
        #expect(missing.code == "missing-field" && missing.location.line == 8 && missing.location.field == "content")
        #expect(result.skippedRecords == 1)
    }

    @Test func pathRule() {
        #expect(LemmyReader.parent(path: "0.12.34", id: "34") == .some("12"))
        #expect(LemmyReader.parent(path: "0.34", id: "34") == .some(nil))
        #expect(LemmyReader.parent(path: "0.12.35", id: "34") == nil)
        #expect(LemmyReader.parent(path: "1.34", id: "34") == nil)
        #expect(LemmyReader.parent(path: "0..34", id: "34") == nil)
        #expect(LemmyReader.parent(path: "34", id: "34") == nil)
    }
}
