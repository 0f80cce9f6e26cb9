import Foundation
import Testing
@testable import Ingest
import ThreadModel

/// Threading of mbox files that are built comment by comment while streaming.
@Suite struct MailThreadingTests {
    func mail(_ id: String, replyTo: String? = nil, references: [String] = [], subject: String = "Re: topic",
              body: String = "Some words of this mail.") -> String {
        var m = "From sender@example.org Thu Dec 11 08:00:00 2025\nFrom: Sender <sender@example.org>\n"
        m += "Subject: \(subject)\nDate: Thu, 11 Dec 2025 10:00:00 +0000\nMessage-ID: <\(id)>\n"
        if let replyTo { m += "In-Reply-To: <\(replyTo)>\n" }
        if !references.isEmpty { m += "References: " + references.map { "<\($0)>" }.joined(separator: " ") + "\n" }
        return m + "\n" + body + "\n\n"
    }

    func read(_ text: String) throws -> IngestResult {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("t.mbox")
        try write(Array(text.utf8), to: url)
        return try Ingestor(options: IngestOptions(format: .mbox)).read(paths: [url.path])
    }

    @Test func replyBeforeItsParentInTheFile() throws {
        let r = try read(mail("b@x", replyTo: "a@x") + mail("a@x", subject: "[PATCH] first") + mail("c@x", replyTo: "b@x"))
        #expect(r.threads.map(\.id) == ["a@x"])
        let t = r.threads[0]
        #expect(t.comments.map(\.id) == ["b@x", "a@x", "c@x"])
        #expect(t.comments.map(\.parentID) == ["a@x", nil, "b@x"])
        #expect(t.comments.map(\.depth) == [1, 0, 2])
        #expect(t.title == "topic")  // the first subject in the file, without "Re:"
        #expect(r.problems.isEmpty)
    }

    @Test func referencesFallbackAndMissingRootCountedOnce() throws {
        // c names only References: the last one present (b) is its parent; a is absent.
        let r = try read(mail("b@x", replyTo: "a@x", references: ["a@x"]) + mail("c@x", references: ["a@x", "b@x", "gone@x"])
            + mail("d@x", replyTo: "a@x"))
        #expect(r.threads.map(\.id) == ["a@x"])
        let t = r.threads[0]
        #expect(t.comments.map(\.parentID) == [nil, "b@x", nil])
        #expect(t.comments.map(\.depth) == [0, 1, 0])
        let warnings = r.problems.filter { $0.code == "missing-root" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message == "thread root <a@x> is not in the file; 2 replies made top-level")
    }

    @Test func duplicateIDsAndLoopsDoNotBreakThreading() throws {
        let r = try read(mail("a@x", replyTo: "b@x") + mail("b@x", replyTo: "a@x") + mail("a@x", body: "Second copy of a."))
        #expect(r.skippedRecords == 1)
        #expect(r.codes(.error) == ["duplicate-id"])
        let comments = r.threads.flatMap(\.comments)
        #expect(comments.count == 2)
        #expect(comments.contains { $0.flags.contains(.cycleBroken) })
        #expect(comments.first { $0.id == "a@x" }?.flags.contains(.duplicateID) == true)
    }

    @Test func manyThreadsAcrossStorageBlocks() throws {
        // More mails than one storage block, threads interleaved: every reply finds its root.
        var text = ""
        for k in 0..<2500 {
            let thread = k % 7
            text += k < 7 ? mail("r\(thread)@x", subject: "[PATCH \(thread)] root") : mail("m\(k)@x", replyTo: "r\(thread)@x")
        }
        let r = try read(text)
        #expect(r.threads.count == 7)
        #expect(r.threads.map(\.id) == (0..<7).map { "r\($0)@x" })
        #expect(r.commentCount == 2500)
        for t in r.threads {
            #expect(t.comments.first?.depth == 0)
            #expect(t.comments.dropFirst().allSatisfy { $0.parentID == t.id && $0.depth == 1 })
        }
    }
}
