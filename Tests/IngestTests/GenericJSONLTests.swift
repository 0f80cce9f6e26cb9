import Foundation
import Testing
@testable import Ingest
import ThreadModel

@Suite struct GenericJSONLTests {
    @Test func readsFieldAliasesAndKeepsIds() throws {
        let result = try Ingestor().read(paths: [fixture("generic.jsonl")])
        #expect(result.formats == [.jsonl])
        #expect(result.threads.map(\.id) == ["kernel-rust", "other-thread"])
        let t = try #require(result.threads.first)
        #expect(t.comments.map(\.id) == ["101", "102", "103", "104"])
        let c101 = try #require(t.comment("101"))
        #expect(c101.author == "ferris_fan")
        #expect(c101.score == 12)
        #expect(abs((c101.postedAt ?? 0) - 1_765_441_800) < 0.001)
        #expect(c101.title == "Rust drivers are landing")
        #expect(c101.parentLink == .none)
        #expect(c101.sentences.count == 2)
        let c102 = try #require(t.comment("102"))
        #expect(c102.parentID == "101")
        #expect(c102.parentLink == .explicit)
        #expect(c102.depth == 1)
        #expect(c102.author == "c_veteran")
        #expect(c102.score == 3)
        #expect(abs((c102.postedAt ?? 0) - 1_765_441_800) < 0.001)
        let c103 = try #require(t.comment("103"))
        #expect(c103.depth == 2)
        #expect(c103.author == "maint42")
        // 09:15 at +01:00 is 08:15 UTC.
        #expect(abs((c103.postedAt ?? 0) - (1_765_441_800 - 15 * 60)) < 0.001)
        #expect(t.comment("104")?.depth == 3)
        #expect(t.title == "Rust drivers are landing")
    }

    @Test func quotesAttributionAndSignature() throws {
        let t = try #require(try Ingestor().read(paths: [fixture("generic.jsonl")]).threads.first)
        let c102 = try #require(t.comment("102"))
        #expect(c102.rawText.hasPrefix("> The new NVMe"))
        #expect(c102.text == "The new NVMe driver is written in Rust.\nThat proves nothing about maintenance. We will see in five years.")
        #expect(c102.ownText == "That proves nothing about maintenance. We will see in five years.")
        let q = try #require(c102.quotes.first)
        #expect(c102.text.slice(q.span) == "The new NVMe driver is written in Rust.")
        #expect(q.quotedCommentID == "101")
        #expect(c102.sentences.map(\.isQuoted) == [true, false, false])

        let c103 = try #require(t.comment("103"))
        #expect(c103.ownText == "It proves the bindings work.")
        #expect(c103.quotes.first?.quotedCommentID == "102")
        #expect(c103.text.contains("wrote:"))
        #expect(!c103.ownText.contains("maint42, storage"))
        #expect(c103.ownSentences.count == 1)
    }

    @Test func repairsMojibake() throws {
        let t = try #require(try Ingestor().read(paths: [fixture("generic.jsonl")]).threads.first)
        let c = try #require(t.comment("104"))
        #expect(c.text == "I didn\u{2019}t expect this to go so well.")
        #expect(c.rawText.contains("â€™"))
        #expect(c.flags.contains(.mojibakeRepaired))
    }

    @Test func badRecordsAreSkippedAndCounted() throws {
        let result = try Ingestor().read(paths: [fixture("bad.jsonl")])
        let errors = result.problems.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["truncated-json", "not-object", "missing-field", "missing-field", "duplicate-id"])
        #expect(errors.map(\.location.line) == [2, 3, 4, 5, 6])
        #expect(errors[2].location.field == "id")
        #expect(errors[3].location.field == "text")
        #expect(errors[0].description.hasPrefix(try fixture("bad.jsonl") + ":2: error:"))
        #expect(result.skippedRecords == 5)
        let t = try #require(result.threads.first)
        #expect(t.comments.map(\.id) == ["a1", "a4", "c1", "c2", "u1", "e1"])
        #expect(t.comment("a1")?.flags == [.duplicateID])
        #expect(t.comment("a1")?.text == "A fine first comment.")
        let orphan = try #require(t.comment("a4"))
        #expect(orphan.parentID == nil && orphan.depth == 0 && orphan.flags == [.orphan])
        let c1 = try #require(t.comment("c1")), c2 = try #require(t.comment("c2"))
        #expect(c1.flags == [.cycleBroken] && c1.parentID == nil && c1.depth == 0)
        #expect(c2.parentID == "c1" && c2.depth == 1)
        let u1 = try #require(t.comment("u1"))
        #expect(u1.flags == [.invalidUTF8])
        #expect(u1.text == "Broken \u{FFFD}\u{FFFD} bytes here.")
        #expect(u1.postedAt == nil)
        let e1 = try #require(t.comment("e1"))
        #expect(e1.flags == [.deleted] && e1.text.isEmpty && e1.rawText == "[deleted]")
        let warnings = result.codes(.warning)
        for code in ["orphan", "parent-cycle", "invalid-utf8", "bad-time", "placeholder-deleted"] {
            #expect(warnings.contains(code), "missing warning \(code)")
        }
        #expect(result.problems.first { $0.code == "invalid-utf8" }?.location.line == 11)
    }

    @Test func strictModeMakesTheFirstBadRecordFatal() throws {
        let path = try fixture("bad.jsonl")
        do {
            _ = try Ingestor(options: IngestOptions(strict: true)).read(paths: [path])
            Issue.record("strict mode did not throw")
        } catch let error as InputError {
            #expect(error.problem.code == "truncated-json")
            #expect(error.problem.location.line == 2)
            #expect(error.description.hasPrefix("\(path):2: error:"))
        }
    }
}
