import Foundation
@testable import Pipeline
import Testing

/// Report folders appear whole or not at all; `latest` always points at a complete folder.
@Suite struct ReportPublisherTests {
    func staging(_ p: ReportPublisher, _ content: String) throws -> URL {
        let dir = try p.makeStaging(runID: "r\(content)")
        try content.write(to: dir.appendingPathComponent("summary.json"), atomically: true, encoding: .utf8)
        return dir
    }

    func read(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    @Test func publishReplacesASameDateFolderAndMovesLatest() throws {
        let p = ReportPublisher(root: try TempDir.make("publish"))
        try p.publish(staging: try staging(p, "one"), as: "2026-01-01")
        try p.pointLatest(to: "2026-01-01")
        try p.publish(staging: try staging(p, "two"), as: "2026-01-01")
        #expect(read(p.latest.appendingPathComponent("summary.json")) == "two")
        try p.publish(staging: try staging(p, "three"), as: "2026-01-02")
        try p.pointLatest(to: "2026-01-02")
        #expect(read(p.latest.appendingPathComponent("summary.json")) == "three")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: p.latest.path) == "2026-01-02")
        let left = try FileManager.default.contentsOfDirectory(atPath: p.root.path).sorted()
        #expect(left == ["2026-01-01", "2026-01-02", "latest"])
    }

    @Test func recoverRemovesStagingAndRestoresAMovedAsideFolder() throws {
        let root = try TempDir.make("recover")
        let p = ReportPublisher(root: root)
        _ = try staging(p, "half-written")
        // A crash between the two renames of the fallback path.
        let aside = root.appendingPathComponent(".replaced-2026-01-01")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        try "old".write(to: aside.appendingPathComponent("summary.json"), atomically: true, encoding: .utf8)
        p.recover()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["2026-01-01"])
        #expect(read(root.appendingPathComponent("2026-01-01/summary.json")) == "old")
    }

    @Test func pruneKeepsRecentAndNewestFolders() throws {
        let root = try TempDir.make("prune")
        for d in ["2026-01-01", "2026-01-20", "2026-02-01", "notes"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(d), withIntermediateDirectories: true)
        }
        let removed = ReportPublisher(root: root).prune(keepingDays: 14, today: "2026-02-01")
        #expect(removed == ["2026-01-01"])
        #expect(ReportPublisher(root: root).prune(keepingDays: 0, today: "2026-02-01").isEmpty)
    }

    @Test func runDates() {
        #expect(RunDate.isValid("2024-02-29"))
        #expect(!RunDate.isValid("2023-02-29"))
        #expect(!RunDate.isValid("2023-2-1"))
        #expect(RunDate.adding(-1, to: "2026-03-01") == "2026-02-28")
        #expect(RunDate.string(from: Date(timeIntervalSince1970: 86_399)) == "1970-01-01")
    }
}
