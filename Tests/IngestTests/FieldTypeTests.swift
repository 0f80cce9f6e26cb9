import Foundation
import Testing
@testable import Ingest
import ThreadModel

/// A field present with the wrong type (or a value that cannot be read) is a located, counted warning,
/// never silently taken as absent; a required field of the wrong type skips its record.
@Suite struct FieldTypeTests {
    private func read(_ name: String, _ lines: [String], strict: Bool = false) throws -> IngestResult {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent(name)
        try write(Array((lines.joined(separator: "\n") + "\n").utf8), to: url)
        return try Ingestor(options: IngestOptions(strict: strict)).read(paths: [url.path])
    }

    private func problem(_ r: IngestResult, _ code: String, field: String) -> InputProblem? {
        r.problems.first { $0.code == code && $0.location.field == field }
    }

    @Test func hackerNewsOfficialItemsWithWrongTypes() throws {
        let r = try read("hn.jsonl", [
            #"{"by":"a","id":1,"kids":[2,3],"time":1765447200,"title":"Story","type":"story"}"#,
            #"{"by":"b","id":2,"kids":"not a list","parent":1,"text":"First.","time":"soon","type":"comment"}"#,
            #"{"by":"c","id":3,"kids":[4, {"x":1}],"parent":1,"text":"Second.","time":1765447300,"type":"comment","dead":"yes"}"#,
            #"{"by":["d"],"id":4,"parent":{"id":3},"text":"Third.","time":"2025-12-11T10:00:00Z","type":"comment"}"#,
            #"{"by":"e","id":{"n":5},"parent":1,"text":"No usable id.","type":"comment"}"#,
        ])
        #expect(r.formats == [.hackernews])
        let t = try #require(r.threads.first { $0.id == "1" })
        #expect(t.comments.map(\.id) == ["2", "3"])
        let time = try #require(problem(r, "bad-time", field: "time"))
        #expect(time.location.line == 2 && time.severity == .warning && time.message.contains("'soon'"))
        #expect(t.comment("2")?.postedAt == nil)
        let kids = try #require(problem(r, "bad-type", field: "kids"))
        #expect(kids.location.line == 2 && kids.message.contains("a string"))
        // An element of kids that is not an id.
        #expect(r.problems.contains { $0.code == "bad-type" && $0.location.field == "kids" && $0.location.line == 3 })
        #expect(problem(r, "bad-type", field: "dead")?.location.line == 3)
        #expect(t.comment("3")?.flags == [])
        #expect(problem(r, "bad-type", field: "by")?.location.line == 4)
        #expect(problem(r, "bad-type", field: "parent")?.location.line == 4)
        // A parent of the wrong type leaves comment 4 without one: it starts its own thread.
        let four = try #require(r.threads.first { $0.id == "4" }?.comment("4"))
        #expect(four.parentID == nil && four.author == nil)
        // A time given as an ISO string is read, not ignored.
        #expect(four.postedAt != nil)
        let id = try #require(problem(r, "missing-field", field: "id"))
        #expect(id.severity == .error && id.location.line == 5)
        #expect(r.skippedRecords == 1)
        #expect(r.problemCounts.contains { $0.code == "bad-type" && $0.count == 5 })
        #expect(id.description.hasSuffix("hn.jsonl:5: error: field 'id': an object where a string or number was expected; record skipped"))
        #expect(throws: InputError.self) {
            _ = try read("hn.jsonl", [#"{"by":"e","id":[5],"parent":1,"text":"x","type":"comment"}"#], strict: true)
        }
    }

    @Test func algoliaChildrenAndTimeOfTheWrongType() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("algolia.json")
        let doc = """
        {"id": 10, "type": "story", "title": "T", "created_at_i": 1765447200, "points": 3, "children": [
          {"id": 11, "author": "a", "text": "One.", "created_at_i": "later", "parent_id": 10, "children": "none"},
          {"id": 12, "author": "b", "text": "Two.", "created_at_i": 1765447300, "parent_id": 10, "children": []}]}
        """
        try write(Array(doc.utf8), to: url)
        let r = try Ingestor().read(paths: [url.path])
        #expect(r.formats == [.hackernews])
        #expect(r.threads.first?.comments.map(\.id) == ["11", "12"])
        #expect(problem(r, "bad-time", field: "created_at_i")?.location.line == 2)
        #expect(problem(r, "bad-type", field: "children")?.location.line == 2)
    }

    @Test func redditDumpWithWrongTypes() throws {
        let r = try read("rd.ndjson", [
            #"{"id": "r1", "link_id": "t3_p", "parent_id": "t3_p", "author": "a", "body": "One.", "created_utc": 1765450000, "score": "12", "subreddit": "k"}"#,
            #"{"id": "r2", "link_id": "t3_p", "parent_id": "t1_r1", "author": "b", "body": "Two.", "created_utc": {"s": 1}, "score": "lots", "subreddit": "k"}"#,
            #"{"id": "r3", "link_id": "t3_p", "parent_id": "t1_r1", "author": "c", "body": "Three.", "created_utc": "yesterday", "score": true, "subreddit": "k"}"#,
            #"{"id": "r4", "link_id": "t3_p", "parent_id": "t1_r1", "author": "d", "body": {"md": "x"}, "created_utc": 1765450300, "subreddit": "k"}"#,
        ])
        #expect(r.formats == [.reddit])
        let t = try #require(r.threads.first)
        #expect(t.comments.map(\.id) == ["r1", "r2", "r3"])
        #expect(t.comment("r1")?.score == 12)  // a string holding a number is a number
        #expect(problem(r, "bad-score", field: "score")?.location.line == 2)
        #expect(r.problems.contains { $0.code == "bad-score" && $0.location.line == 3 })
        #expect(problem(r, "bad-time", field: "created_utc")?.location.line == 2)
        #expect(r.problems.contains { $0.code == "bad-time" && $0.location.line == 3 && $0.message.contains("'yesterday'") })
        let body = try #require(problem(r, "missing-field", field: "body"))
        #expect(body.severity == .error && body.location.line == 4)
        #expect(r.skippedRecords == 1)
    }

    @Test func redditThreadRepliesOfTheWrongType() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("thread.json")
        let doc = """
        [{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"id": "p1", "title": "Post"}}]}},
         {"kind": "Listing", "data": {"children": [
          {"kind": "t1", "data": {"id": "c1", "parent_id": "t3_p1", "link_id": "t3_p1", "body": "A.", "replies": ""}},
          {"kind": "t1", "data": {"id": "c2", "parent_id": "t3_p1", "link_id": "t3_p1", "body": "B.", "replies": 7}},
          {"kind": "more", "data": {"count": "many", "parent_id": "t3_p1"}}
        ]}}]
        """
        try write(Array(doc.utf8), to: url)
        let r = try Ingestor().read(paths: [url.path])
        #expect(r.threads.first?.comments.map(\.id) == ["c1", "c2"])
        // An empty string is how Reddit writes "no replies": not a problem.
        #expect(!r.problems.contains { $0.location.line == 3 })
        #expect(problem(r, "bad-type", field: "replies")?.location.line == 4)
        #expect(problem(r, "bad-type", field: "count")?.location.line == 5)
    }

    @Test func genericJSONLFieldsOfTheWrongType() throws {
        let r = try read("g.jsonl", [
            #"{"id": 1, "text": "Fine.", "time": {"iso": "2025-12-11"}, "score": [1], "author": {"n": "a"}}"#,
            #"{"id": [2], "text": "No id."}"#,
            #"{"id": 3, "text": {"html": "x"}}"#,
            #"{"id": 4, "text": "Ok.", "time": "2025-12-11", "score": "7"}"#,
        ])
        let t = try #require(r.threads.first)
        #expect(t.comments.map(\.id) == ["1", "4"])
        #expect(problem(r, "bad-time", field: "time")?.location.line == 1)
        #expect(problem(r, "bad-score", field: "score")?.location.line == 1)
        #expect(problem(r, "bad-type", field: "author")?.location.line == 1)
        #expect(problem(r, "missing-field", field: "id")?.severity == .error)
        #expect(problem(r, "missing-field", field: "text")?.location.line == 3)
        #expect(r.skippedRecords == 2)
        #expect(t.comment("4")?.score == 7 && t.comment("4")?.postedAt != nil)
    }

    @Test func csvBadTimeAndScoreAreLocated() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("c.csv")
        try write(Array("id,author,time,score,text\n1,a,yesterday,3,Fine.\n2,b,1765450000,high,Also fine.\n".utf8), to: url)
        let r = try Ingestor().read(paths: [url.path])
        #expect(r.threads.first?.comments.count == 2)
        #expect(problem(r, "bad-time", field: "time")?.location.line == 2)
        #expect(problem(r, "bad-score", field: "score")?.location.line == 3)
        #expect(r.threads.first?.comment("1")?.postedAt == nil && r.threads.first?.comment("2")?.score == nil)
        #expect(r.warnings == 2 && r.skippedRecords == 0)
    }
}
