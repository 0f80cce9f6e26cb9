import Foundation
import Testing
@testable import Ingest
import ThreadModel

@Suite struct SlashdotTests {
    @Test func parsesHeadersScoresAndLabels() throws {
        let result = try Ingestor().read(paths: [fixture("slashdot-sample.txt")])
        #expect(result.formats == [.slashdot])
        let t = try #require(result.threads.first)
        #expect(t.title == "Kernel Adopts Memory-Safe Drivers")
        // The repeated story paragraph is kept once.
        #expect(t.body == "A correspondent writes from the summit:\nMaintainers agreed that new drivers may be written in the memory-safe language from now on. Old code stays as it is.")
        #expect(t.comments.map(\.id) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(t.comments.map(\.score) == [4, 2, 3, 1, 0, -1, 5])
        #expect(t.comments.map(\.moderation) == ["Insightful", nil, "Funny", nil, nil, "Troll", "Informative"])
        #expect(t.comment("3")?.flags == [.empty])
        #expect(t.comment("1")?.text == "New drivers in a safer language will cut a whole class of bugs. See the report https://example.net/report...")
        #expect(t.comment("1")?.rawText.hasSuffix("[example.net]") == true)
    }

    @Test func infersReplyLinks() throws {
        let t = try #require(try Ingestor().read(paths: [fixture("slashdot-sample.txt")]).threads.first)
        let links = t.comments.map { "\($0.id)<\($0.parentID ?? "-"):\($0.parentLink.rawValue)" }
        #expect(links == ["1<-:none", "2<1:quote", "3<2:subject", "4<3:subject", "5<2:quote", "6<-:none", "7<6:subject"])
        let c2 = try #require(t.comment("2"))
        #expect(c2.quotes.count == 1 && c2.quotes[0].quotedCommentID == "1")
        #expect(c2.ownText == "Only if the bindings are maintained. Who reviews them?")
        // A top-level comment quoting the story: a quote without a comment id, no parent.
        let c6 = try #require(t.comment("6"))
        #expect(c6.quotes.count == 1 && c6.quotes[0].quotedCommentID == nil)
        #expect(c6.ownText == "Good. Leave my drivers alone.")
        #expect(t.comments.map(\.depth) == [0, 1, 2, 3, 2, 0, 1])
    }

    /// The real seed thread in ../shared: 74 comments, scores and labels as in its headers, and reply
    /// links checked by reading the thread.
    @Test func seedThread() throws {
        guard let shared = sharedDirectory() else {
            print("SlashdotTests.seedThread: skipped, ../shared is absent")
            return
        }
        let path = shared + "/seeds/slashdot-rust-no-longer-experimental.txt"
        guard FileManager.default.fileExists(atPath: path) else {
            print("SlashdotTests.seedThread: skipped, \(path) is absent")
            return
        }
        let result = try Ingestor().read(paths: [path])
        #expect(result.formats == [.slashdot])
        #expect(result.skippedRecords == 0)
        let t = try #require(result.threads.first)
        #expect(t.comments.count == 74)
        #expect(t.comments.map(\.id) == (1...74).map(String.init))
        #expect(t.title == "Rust in Linux's Kernel 'is No Longer Experimental'")
        // Headers from the file: score histogram and labels.
        let scores = Dictionary(grouping: t.comments.compactMap(\.score), by: { $0 }).mapValues(\.count)
        #expect(scores == [1: 6, 2: 46, 3: 16, 4: 1, 5: 5])
        let labels = t.comments.compactMap { c in c.moderation.map { "\(c.id):\($0)" } }
        #expect(labels == ["1:Interesting", "2:Insightful", "3:Interesting", "12:Interesting", "32:Insightful",
                           "45:Insightful", "64:Informative", "67:Informative", "68:Flamebait", "71:Insightful"])
        // Collapsed comments have no body.
        #expect(t.comments.filter { $0.flags.contains(.empty) }.map(\.id) == ["9", "32", "35", "36", "41", "52", "73"])
        // Top-level comments: the subjects without "Re:".
        #expect(t.comments.filter { $0.parentLink == .none }.map(\.id) == ["1", "44", "52", "67", "71", "73", "74"])
        // Reply links verified by reading the thread.
        let expected: [String: (String, ParentLink)] = [
            "2": ("1", .subject), "3": ("2", .quote), "6": ("5", .quote), "12": ("1", .quote),
            "21": ("12", .quote), "38": ("37", .quote), "39": ("34", .quote), "45": ("44", .quote),
            "48": ("47", .quote), "50": ("49", .quote), "51": ("44", .quote), "68": ("67", .subject),
            "69": ("68", .quote), "30": ("29", .subject), "56": ("55", .subject),
        ]
        for (id, (parent, link)) in expected {
            let c = try #require(t.comment(id))
            #expect(c.parentID == parent && c.parentLink == link, "comment \(id): \(c.parentID ?? "-") \(c.parentLink)")
        }
        // Quotes: comment 21 quotes comment 12, which itself quoted comment 1.
        let c21 = try #require(t.comment("21"))
        #expect(c21.ownText == "Observable evidence. I guess you are unfamiliar with the concept?")
        #expect(c21.quotes.first?.quotedCommentID == "12")
        // The story is quoted by top-level comments 44 and 74.
        #expect(t.comment("74")?.quotes.count == 1)
        #expect(t.comment("74")?.quotes.first?.quotedCommentID == nil)
        // Link annotations are removed from the text, kept in the raw text.
        let c4 = try #require(t.comment("4"))
        #expect(c4.rawText.contains("[substack.com]") && !c4.text.contains("[substack.com]"))
        // Every comment's text starts like the reference listing's first 40 characters.
        let listing = shared + "/reference/stance/seed-thread-stance.jsonl"
        if let data = FileManager.default.contents(atPath: listing) {
            let rows = String(decoding: data, as: UTF8.self).split(separator: "\n")
            #expect(rows.count == 74)
            for (row, c) in zip(rows, t.comments) {
                let obj = try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any]
                let first40 = obj?["first40"] as? String ?? ""
                #expect(c.rawText.hasPrefix(first40), "comment \(c.id) starts '\(c.rawText.prefix(40))', listing '\(first40)'")
            }
        }
    }
}
