import Foundation
import Testing
@testable import Ingest
import ThreadModel

/// Reply inference on Slashdot dumps: quotes anywhere in a reply, the depth-first spine, subject chains.
@Suite struct SlashdotReplyTests {
    func read(_ text: String) throws -> DiscussionThread {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("dump.txt")
        try write(Array(text.utf8), to: url)
        return try #require(try Ingestor(options: IngestOptions(format: .slashdot)).read(paths: [url.path]).threads.first)
    }

    static let dump = """
    Drivers Story (example.net) 5
    The story body says drivers may now be written in the new language.
    First topic (Score:3)
    Memory safety removes a whole class of kernel bugs at the source.
    Re:First topic (Score:2)
    Memory safety removes a whole class of kernel bugs at the source.
    Only for the parts that are not marked unsafe, though.
    Re:First topic (Score:2)
    I agree with that completely.
    Only for the parts that are not marked unsafe, though.
    Unsafe blocks are small and easy to review by comparison.
    Memory safety removes a whole class of kernel bugs at the source.
    That was the whole point of the summit discussion.
    Re:Changed subject (Score:1)
    A reply with its own subject line and no quotes at all here.
    Re:First topic (Score:2)
    Another answer to the chain, after a changed subject line.
    """

    @Test func quotesAnywhereInTheReplyNameTheirAuthors() throws {
        let t = try read(Self.dump)
        #expect(t.comments.map(\.id) == ["1", "2", "3", "4", "5"])
        let c3 = try #require(t.comment("3"))
        // Its first quote (the second line) is comment 2's own words: 2 is the parent.
        #expect(c3.parentID == "2" && c3.parentLink == .quote)
        #expect(c3.quotes.map(\.quotedCommentID) == ["2", "1"])
        // A quote between own lines leaves a paragraph break in `ownText`.
        #expect(c3.ownText == "I agree with that completely.\n\nUnsafe blocks are small and easy to review by comparison.\n\nThat was the whole point of the summit discussion.")
        #expect(c3.rawText.hasPrefix("I agree with that completely.\nOnly for the parts"))
        // Comment 2 quotes comment 1, whose own words hold the line.
        #expect(t.comment("2")?.parentID == "1")
        #expect(t.comment("2")?.quotes.first?.quotedCommentID == "1")
    }

    @Test func subjectChainsFollowTheSpine() throws {
        let t = try read(Self.dump)
        // "Re:Changed subject" names no comment: it answers the previous one.
        #expect(t.comment("4")?.parentID == "3" && t.comment("4")?.parentLink == .subject)
        // "Re:First topic" after it: the nearest comment on the spine (4, 3, 2, 1) titled "First topic"
        // or "Re:First topic" is 3, not 4 (whose subject changed).
        #expect(t.comment("5")?.parentID == "3" && t.comment("5")?.parentLink == .subject)
        #expect(t.comments.map(\.depth) == [0, 1, 2, 3, 3])
    }
}
