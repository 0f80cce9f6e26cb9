import Foundation
@testable import Pipeline
import Sentiment
import Stance
import Testing
import ThreadModel

/// The run store's binary results: exact round trips, damaged blobs refused, hashes in one pass.
@Suite struct ResultCodecTests {
    func sample(_ id: String) -> (String, CommentSentiment, CommentStance) {
        let key = CommentKey(threadID: "t/ü", commentID: id)
        let sentiment = CommentSentiment(
            key: key, scores: SentimentScores(compound: -0.1 / 3, pos: 0.1, neu: 0.7000000000000001, neg: 0.2),
            sentences: [
                SentenceSentiment(span: Span(0, 12), isQuoted: true, scores: SentimentScores(compound: .pi / 10),
                                  contributions: [Contribution(term: "great", value: 3.1, span: Span(4, 9))]),
                SentenceSentiment(span: Span(13, 13), isQuoted: false, scores: SentimentScores()),
            ],
            contributions: [Contribution(term: "not good", value: -1e-300), Contribution(term: "", value: 0)])
        let stance = CommentStance(
            key: key, label: .offTopic, score: -0.987654321, confidence: 1, source: .inverted,
            evidence: [StanceEvidence(rule: "reply-rebuts", matched: "No.", span: nil, contribution: -0.5,
                                      weight: -0.75, note: "a \"quoted\" note\twith a tab"),
                       StanceEvidence(rule: "cue", matched: "memory safety", span: Span(20, 33), contribution: 0.25)])
        return (id, sentiment, stance)
    }

    @Test func roundTripIsExact() throws {
        let items = [sample("1"), sample("2 two"), sample("")].map { (commentID: $0.0, sentiment: $0.1, stance: $0.2) }
        let blob = ResultCodec.encode(threadID: "t/ü", items)
        let decoded = try #require(ResultCodec.decode(threadID: "t/ü", blob))
        #expect(decoded.count == 3)
        for (d, item) in zip(decoded, items) {
            // Hashable equality compares every Double bit for bit (no tolerance: the store must not round).
            #expect(d.0 == item.sentiment)
            #expect(d.1 == item.stance)
        }
    }

    @Test func emptyThreadRoundTrips() throws {
        let blob = ResultCodec.encode(threadID: "t", [])
        #expect(try #require(ResultCodec.decode(threadID: "t", blob)).isEmpty)
    }

    @Test func damagedBlobsAreRefusedNotTrapped() {
        let item = sample("1")
        let blob = ResultCodec.encode(threadID: "t/ü", [(commentID: item.0, sentiment: item.1, stance: item.2)])
        // Every truncation, a wrong version, trailing bytes, and a huge count.
        for n in 0..<blob.count { #expect(ResultCodec.decode(threadID: "t/ü", Array(blob.prefix(n))) == nil) }
        #expect(ResultCodec.decode(threadID: "t/ü", [ResultCodec.version &+ 1] + blob.dropFirst()) == nil)
        #expect(ResultCodec.decode(threadID: "t/ü", blob + [0]) == nil)
        #expect(ResultCodec.decode(threadID: "t/ü", [ResultCodec.version, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) == nil)
        // Flipping any single byte never traps (it may still decode to something else).
        for i in blob.indices {
            var bad = blob
            bad[i] ^= 0xA5
            _ = ResultCodec.decode(threadID: "t/ü", bad)
        }
    }

    @Test func oneHashPassEqualsSeparateHashes() {
        let loc = SourceLocation(file: "x.jsonl", line: 1)
        let comments = (0..<5).map { i in
            ThreadModel.Comment(id: "c\(i)", threadID: "t1", parentID: i == 0 ? nil : "c0", author: i == 3 ? nil : "ann",
                                postedAt: 1.5 * Double(i), score: i - 2, rawText: "text \(i) ünïcode <b>x</b>", location: loc)
        }
        let thread = DiscussionThread(id: "t1", source: .jsonl, title: "A title", file: "x.jsonl", comments: comments)
        let both = ContentHash.hashes(thread)
        #expect(both.thread == ContentHash.thread(thread))
        #expect(both.comments == comments.map(ContentHash.comment))
        #expect(both.thread.count == 64 && both.thread.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func kSelectionSampleIsSeededSortedAndDistinct() {
        let a = RunStages.sample(count: 100_000, size: 20_000, seed: 7)
        #expect(a == RunStages.sample(count: 100_000, size: 20_000, seed: 7))
        #expect(a != RunStages.sample(count: 100_000, size: 20_000, seed: 8))
        #expect(a.count == 20_000 && Set(a).count == 20_000)
        #expect(a == a.sorted() && a.first! >= 0 && a.last! < 100_000)
        #expect(RunStages.sample(count: 10, size: 20, seed: 1) == Array(0..<10))
    }
}
