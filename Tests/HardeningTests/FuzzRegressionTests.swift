import Foundation
import Ingest
import Pipeline
import Stance
import Testing
import ThreadModel

/// Replays every input in `FuzzRegressions/` as the fuzz driver would, with its invariants as
/// expectations: a finding fixed once stays fixed.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions")

    static func inputs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != "README.md" }.sorted()
    }

    static let formats: [String: SourceFormat?] = [
        "slashdot": .slashdot, "hackernews": .hackernews, "reddit": .reddit, "mbox": .mbox, "jsonl": .jsonl,
        "csv": .csv, "article": .article, "detect": nil,
    ]

    @Test(arguments: FuzzRegressionTests.inputs())
    func replay(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let target = String(name.prefix { $0 != "-" })
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        switch target {
        case "pipeline":
            _ = try? PipelineLoader(checkFiles: false).load(yaml: text, path: name)
        case "profile":
            if let profile = try? StanceProfile.parse(yaml: text, path: name) { _ = StanceClassifier(profile: profile) }
        default:
            let format = try #require(Self.formats[target], "unknown target prefix in \(name)")
            if let result = try? Ingestor(options: IngestOptions(format: format, maxRecordBytes: 4096)).read(path: path) {
                #expect(Self.brokenInvariants(result).isEmpty, "\(name): \(Self.brokenInvariants(result))")
            }
        }
    }

    /// The fuzz driver's invariants (Fuzz/Sources/FuzzTargets.swift), as messages instead of aborts.
    static func brokenInvariants(_ result: IngestResult) -> [String] {
        var out: [String] = []
        for thread in result.threads {
            var byID: [String: ThreadModel.Comment] = [:]
            for c in thread.comments {
                if byID[c.id] != nil { out.append("duplicate id \(c.key)") }
                byID[c.id] = c
            }
            for c in thread.comments {
                let n = c.text.utf8.count
                let spans = c.sentences.map(\.span) + c.quotes.map(\.span)
                for s in spans where s.start < 0 || s.end > n || s.start > s.end { out.append("span \(s) outside \(n) bytes in \(c.key)") }
                var steps = 0
                var cursor = c
                while let p = cursor.parentID, steps <= thread.comments.count {
                    guard let next = byID[p] else { out.append("missing parent \(p) of \(cursor.key)"); break }
                    cursor = next
                    steps += 1
                }
                if steps > thread.comments.count { out.append("parent cycle through \(c.key)") }
                else if steps != c.depth && out.isEmpty { out.append("depth \(c.depth) but \(steps) ancestors for \(c.key)") }
            }
        }
        return out
    }
}
