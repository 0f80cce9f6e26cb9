import Foundation
import Reports
import Testing

@Suite("Deterministic reports")
struct DeterminismTests {
    @Test("writing twice gives identical bytes on disk")
    func twice() throws {
        var outputs: [[String: Data]] = []
        for _ in 0..<2 {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            var files: [String: Data] = [:]
            for name in try ReportWriter().write(Fixture.input(), to: dir) {
                files[name] = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path)
            }
            outputs.append(files)
        }
        #expect(outputs[0].count == ReportFile.allCases.count)
        #expect(outputs[0] == outputs[1])
    }

    @Test("input order does not leak into any file")
    func order() {
        let a = ReportWriter().render(Fixture.input())
        let b = ReportWriter().render(Fixture.input(reversed: true))
        for (x, y) in zip(a, b) {
            #expect(x.name == y.name)
            #expect(x.text == y.text, "\(x.name) depends on input order:\n\(Golden.lineDiff(x.text, y.text))")
        }
    }

    @Test("results given by position give the same files as results given by key", arguments: [false, true])
    func columns(reversed: Bool) {
        let byKey = Fixture.input(reversed: reversed)
        var byPosition = byKey
        var columns = CommentColumns(threads: byKey.threads)
        for (i, thread) in byKey.threads.enumerated() {
            for (j, c) in thread.comments.enumerated() {
                let p = columns.offsets[i] + j
                columns.sentiments[p] = byKey.sentiments[c.key]
                columns.stances[p] = byKey.stances[c.key]
                columns.topics[p] = byKey.topicAssignments[c.key]
            }
        }
        byPosition.columns = columns
        byPosition.sentiments = [:]
        byPosition.stances = [:]
        byPosition.topicAssignments = [:]
        #expect(columns.count == 7)
        for (x, y) in zip(ReportWriter().render(byKey), ReportWriter().render(byPosition)) {
            #expect(x.text == y.text, "\(x.name) differs by position:\n\(Golden.lineDiff(x.text, y.text))")
        }
        // Columns laid out for other threads are not used: every comment then has no results.
        var mismatched = byPosition
        mismatched.columns = CommentColumns(threads: Array(byKey.threads.dropLast()))
        let comments = ReportWriter().render(mismatched).first { $0.name == "comments.csv" }?.text ?? ""
        #expect(!comments.contains(",pro,"))
    }

    @Test("another execution changes only the manifest's execution member")
    func onlyExecutionDiffers() throws {
        let a = ReportWriter().render(Fixture.input())
        let b = ReportWriter().render(Fixture.input(startedAt: 1_800_000_000, finishedAt: 1_800_000_100))
        for (x, y) in zip(a, b) where x.name != "manifest.json" {
            #expect(x.text == y.text, "\(x.name) depends on the run's timestamps")
        }
        let ma = try JSON.parse(try #require(a.first { $0.name == "manifest.json" }?.text))
        let mb = try JSON.parse(try #require(b.first { $0.name == "manifest.json" }?.text))
        #expect(ma != mb)
        guard case .object(let xa) = ma, case .object(let xb) = mb else { Issue.record("manifest is not an object"); return }
        #expect(JSON.object(xa.filter { $0.0 != "execution" }) == JSON.object(xb.filter { $0.0 != "execution" }))
    }
}
