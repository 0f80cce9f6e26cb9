import Testing
@testable import Ingest
import ThreadModel

@Suite struct MboxTests {
    @Test func threadsByInReplyToAndReferences() throws {
        let result = try Ingestor().read(paths: [fixture("list.mbox")])
        #expect(result.formats == [.mbox])
        #expect(result.skippedRecords == 0)
        #expect(result.threads.map(\.id) == ["root@example.org", "gone@example.org"])
        let t = result.threads[0]
        #expect(t.title == "[PATCH] rust: add a sample driver")
        #expect(t.comments.map(\.id) == ["root@example.org", "m2@example.org", "m3@example.org"])
        #expect(t.comments.map(\.depth) == [0, 1, 2])
        #expect(t.comment("m3@example.org")?.parentID == "m2@example.org")  // from References
        let root = try #require(t.comment("root@example.org"))
        #expect(root.author == "Ada Example")
        #expect(abs((root.postedAt ?? 0) - 1_765_440_000) < 0.001)  // 09:00 +0100
        #expect(root.text.contains("\nFrom the maintainers' point of view it is small."))
        #expect(root.location.line == 1)
    }

    @Test func decodesQuotedPrintableLatin1AndCleansUp() throws {
        let t = try #require(try Ingestor().read(paths: [fixture("list.mbox")]).threads.first)
        let m2 = try #require(t.comment("m2@example.org"))
        #expect(m2.author == "Bernd Beispiel")
        #expect(m2.ownText == "Grüße, the abstractions look fine. This line is long enough to be wrapped by the mailer.")
        #expect(m2.quotes.count == 1)
        #expect(m2.text.slice(m2.quotes[0].span) == "Here is a sample driver written in Rust.")
        #expect(m2.quotes[0].quotedCommentID == "root@example.org")
        #expect(m2.text.contains("[...]"))
        #expect(m2.sentences.filter { !$0.isQuoted }.count == 2)
        #expect(!m2.ownText.contains("Bernd\n") && m2.text.hasSuffix("--\nBernd"))
    }

    @Test func base64MultipartAndNestedQuotes() throws {
        let t = try #require(try Ingestor().read(paths: [fixture("list.mbox")]).threads.first)
        let m3 = try #require(t.comment("m3@example.org"))
        #expect(m3.ownText == "Danke. I will take it through my tree for the next cycle.")
        #expect(m3.quotes.map(\.depth) == [1, 2])
        #expect(m3.quotes.map(\.quotedCommentID) == ["m2@example.org", "root@example.org"])
        #expect(m3.text.hasPrefix("Am 11.12.2025 um 10:00 schrieb Bernd Beispiel:\nGrüße"))
    }

    @Test func missingRootAndEncodedHeaders() throws {
        let result = try Ingestor().read(paths: [fixture("list.mbox")])
        let t = result.threads[1]
        #expect(t.title == "[RFC] gone thread")
        #expect(t.comments.map(\.id) == ["m4@example.org", "m5@example.org"])
        #expect(t.comments.map(\.depth) == [0, 0])
        #expect(t.comments.allSatisfy { $0.flags.isEmpty && $0.parentID == nil })
        let warning = try #require(result.problems.first { $0.code == "missing-root" })
        #expect(warning.message == "thread root <gone@example.org> is not in the file; 2 replies made top-level")
        let m4 = try #require(t.comment("m4@example.org"))
        #expect(m4.author == "João Silva")
        #expect(m4.title == "Re: [RFC] gone thread")
        #expect(m4.ownText == "Yes, I think it should.")
        #expect(abs((m4.postedAt ?? 0) - 1_765_459_800) < 0.001)  // 10:30 -0300
        let m5 = try #require(t.comment("m5@example.org"))
        #expect(m5.text == "I don\u{2019}t agree at all.")
        #expect(m5.author == "dora@example.org")
    }
}

@Suite struct MboxInvalidUTF8Tests {
    @Test func invalidUTF8IsReportedAtTheLineOfTheBadByte() throws {
        let url = try temporaryDirectory().appendingPathComponent("bad.mbox")
        let head = """
        From a@example.org Thu Dec 11 08:00:00 2025
        From: A <a@example.org>
        Subject: one
        Message-ID: <one@example.org>

        first body line
        second body line

        From b@example.org Thu Dec 11 08:00:00 2025
        From: B <b@example.org>
        Subject: two
        Message-ID: <two@example.org>
        Content-Type: text/plain; charset=utf-8

        fine line
        another fine line
        here comes a bad byte:
        """
        try write(Array(head.utf8) + [0x20, 0xC3, 0x28] + Array(" and more\nlast line\n".utf8), to: url)
        let result = try Ingestor().read(paths: [url.path])
        #expect(result.problems.filter { $0.code == "invalid-utf8" }.map(\.location.line) == [17])
        let two = try #require(result.threads.flatMap(\.comments).first { $0.id == "two@example.org" })
        #expect(two.flags.contains(.invalidUTF8) && two.location.line == 9)
    }

    @Test func invalidUTF8InAQuotedPrintablePartNamesItsLine() throws {
        let url = try temporaryDirectory().appendingPathComponent("qp.mbox")
        let text = """
        From a@example.org Thu Dec 11 08:00:00 2025
        From: A <a@example.org>
        Subject: qp
        Message-ID: <qp@example.org>
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        a line that is soft=
        broken
        a bad =FF byte here
        --b1--

        """
        try write(Array(text.utf8), to: url)
        let result = try Ingestor().read(paths: [url.path])
        #expect(result.problems.filter { $0.code == "invalid-utf8" }.map(\.location.line) == [14])
    }
}
