import CorpusGenerator
import Foundation
import Ingest
import Testing
import ThreadModel

@Suite struct CorpusGeneratorTests {
    /// Writes a generated corpus to a temporary file and reads it back through the Ingest reader.
    private func roundTrip(_ format: CorpusFormat, comments: Int, seed: UInt64) throws -> (IngestResult, CorpusStats) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("gen.\(format.rawValue)").path
        let stats = try CorpusGenerator(comments: comments, seed: seed).write(format, toFile: path)
        return (try Ingestor().read(path: path), stats)
    }

    @Test(arguments: CorpusFormat.allCases)
    func sameSeedSameBytes(_ format: CorpusFormat) {
        let a = CorpusGenerator(comments: 3000, seed: 11).bytes(format)
        let b = CorpusGenerator(comments: 3000, seed: 11).bytes(format)
        let c = CorpusGenerator(comments: 3000, seed: 12).bytes(format)
        #expect(a.0 == b.0)
        #expect(a.1 == b.1)
        #expect(a.0 != c.0)
    }

    @Test func exactCommentCountAndAllFlavours() {
        for n in [1, 7, 2500] {
            let (_, stats) = CorpusGenerator(comments: n, seed: 3).bytes(.jsonl)
            #expect(stats.comments == n)
            #expect(stats.depthCounts.reduce(0, +) == n)
        }
        let (_, stats) = CorpusGenerator(comments: 20000, seed: 3).bytes(.jsonl)
        for flavour in Flavour.allCases {
            // Every flavour is a real share of the corpus, not a stray comment.
            #expect((stats.flavours[flavour.rawValue] ?? 0) > stats.comments / 20, "\(flavour.rawValue)")
        }
    }

    @Test func replyTreesHaveRealisticShape() {
        var parents: [Int: Int?] = [:]
        var depthOf: [Int: Int] = [:]
        let (_, stats) = CorpusGenerator(comments: 20000, seed: 5).bytes(.jsonl) { c in
            parents[c.id] = c.parent
            depthOf[c.id] = c.depth
        }
        // Many top-level comments, depth falling off with depth, and some long chains.
        let top = stats.depthCounts[0]
        #expect(top > stats.comments / 5)
        #expect(stats.depthCounts[1] < top)
        #expect(stats.depthCounts[3] < stats.depthCounts[1])
        #expect(stats.maxDepth >= 10)
        #expect(stats.depthCounts[5...].reduce(0, +) > stats.comments / 100)
        #expect(stats.threads > 100 && stats.threads < stats.comments / 10)
        // Depths agree with the parent links, and parents come before their replies.
        for (id, parent) in parents {
            if let p = parent {
                #expect(p < id)
                #expect(depthOf[id] == (depthOf[p] ?? -100) + 1)
            } else {
                #expect(depthOf[id] == 0)
            }
        }
    }

    @Test func commentLengthsHaveALongTail() {
        var lengths: [Int] = []
        let (bytes, stats) = CorpusGenerator(comments: 20000, seed: 9).bytes(.jsonl) { lengths.append($0.textBytes) }
        lengths.sort()
        let median = lengths[lengths.count / 2]
        let p99 = lengths[lengths.count * 99 / 100]
        #expect(p99 > 4 * median)
        #expect(lengths.last ?? 0 > 20 * median)
        // About 200 bytes a comment in JSONL, so 1M comments is about 200 MB.
        let perComment = Double(bytes.count) / Double(stats.comments)
        #expect(perComment > 150 && perComment < 260, "\(perComment) bytes a comment")
        #expect(stats.quotes > stats.comments / 10)
    }

    @Test func jsonlReadsBackWithEveryComment() throws {
        let (result, stats) = try roundTrip(.jsonl, comments: 5000, seed: 21)
        #expect(result.commentCount == 5000)
        #expect(result.skippedRecords == 0)
        #expect(result.threads.count == stats.threads)
        let comments = result.threads.flatMap(\.comments)
        #expect(comments.filter { !$0.quotes.isEmpty }.count > 500)
        #expect(comments.map(\.depth).max() == stats.maxDepth)
        #expect(!result.problems.contains { $0.code == "orphan" })
    }

    @Test func mboxReadsBackWithEveryComment() throws {
        let (result, stats) = try roundTrip(.mbox, comments: 5000, seed: 21)
        #expect(result.formats == [.mbox])
        #expect(result.commentCount == 5000)
        #expect(result.skippedRecords == 0)
        #expect(result.threads.count == stats.threads)
        let comments: [ThreadModel.Comment] = result.threads.flatMap(\.comments)
        #expect(comments.filter { !$0.quotes.isEmpty }.count > 500)
        // In mail, top-level comments answer the thread's first message: one level deeper than in JSONL.
        #expect(comments.map(\.depth).max() ?? 0 >= stats.maxDepth)
        #expect(comments.allSatisfy { !$0.ownText.isEmpty })
    }

    @Test func linesHoldOneCommentEach() {
        let (bytes, stats) = CorpusGenerator(comments: 1234, seed: 2).bytes(.lines)
        #expect(bytes.filter { $0 == 0x0A }.count == stats.comments)
        #expect(!bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().contains { $0.isEmpty })
    }
}
