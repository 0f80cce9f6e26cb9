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
}
