import Foundation
import Ingest
import Testing
import ThreadModel

/// Inputs that once lost records, kept so they never do again.
@Suite struct IngestRegressionTests {
    /// Reddit serves a thread's `.json` on one line; it used to be taken for an NDJSON dump whose one
    /// line was "not an object", and the whole thread was lost.
    @Test func redditThreadOnOneLineIsADocument() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reddit-one-line-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
            [{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"id":"z","title":"T","created_utc":1765447200}}]}},\
            {"kind":"Listing","data":{"children":[{"kind":"t1","data":{"id":"k1","parent_id":"t3_z","link_id":"t3_z",\
            "body":"ok","created_utc":1765447300,"replies":{"kind":"Listing","data":{"children":[{"kind":"t1","data":\
            {"id":"k2","parent_id":"t1_k1","link_id":"t3_z","body":"reply","created_utc":1765447400}}]}}}}]}}]
            """.write(toFile: path, atomically: true, encoding: .utf8)
        for format in [SourceFormat.reddit, nil] {
            let result = try Ingestor(options: IngestOptions(format: format)).read(path: path)
            #expect(result.commentCount == 2, "format \(format?.rawValue ?? "detected"): \(result.problems)")
            #expect(result.threads.first?.title == "T")
            #expect(result.skippedRecords == 0)
        }
    }

    /// A mail date with a 13-digit year overflowed the day arithmetic and trapped (found by fuzzing);
    /// an epoch of `1e999` became an infinite time. Both are now bad times: warned, left empty.
    @Test func outOfRangeTimesAreBadTimesNotTraps() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let mbox = dir.appendingPathComponent("huge-year.mbox").path
        try """
            From x@example.org Thu Dec 11 08:00:00 2025
            From: X <x@example.org>
            Subject: s
            Date: Thu, 11 Dec 2765441902500, 09:00:00 +0100
            Message-ID: <a@x>

            Body.

            """.write(toFile: mbox, atomically: true, encoding: .utf8)
        let mail = try Ingestor().read(path: mbox)
        #expect(mail.commentCount == 1)
        #expect(mail.threads.first?.comments.first?.postedAt == nil)
        #expect(mail.problems.contains { $0.code == "bad-time" && $0.location.field == "Date" })

        let jsonl = dir.appendingPathComponent("inf.jsonl").path
        try #"{"id":"1","thread":"t","time":1e999,"text":"x"}"#.write(toFile: jsonl, atomically: true, encoding: .utf8)
        let lines = try Ingestor().read(path: jsonl)
        #expect(lines.commentCount == 1)
        #expect(lines.threads.first?.comments.first?.postedAt == nil)
    }
}
