import Foundation
import Pipeline
import Testing

/// The nightly job end to end over copies of the sample threads: reruns, incremental runs, history.
@Suite(.serialized) struct NightlyRunTests {
    @Test func rerunOnTheSameInputGivesByteIdenticalReports() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        let first = try ws.run(date: "2026-01-10")
        #expect(first.run.processedThreads == 8)
        let before = try ws.reportFiles(ws.latest)
        for name in ["comments.csv", "threads.csv", "topics.csv", "history.csv", "summary.json", "manifest.json", "report.html"] {
            #expect((before[name]?.count ?? 0) > 0, "\(name) is missing or empty")
        }
        let second = try ws.run(date: "2026-01-10")
        #expect(second.run.processedThreads == 0)
        #expect(second.run.reusedThreads == 8)
        let after = try ws.reportFiles(ws.latest)
        #expect(Set(before.keys) == Set(after.keys))
        for (name, data) in before.sorted(by: { $0.key < $1.key }) {
            if name == "manifest.json" {
                #expect(try manifestWithoutExecution(data) == manifestWithoutExecution(after[name] ?? Data()),
                        "manifest.json differs outside 'execution'")
            } else {
                #expect(data == after[name], "\(name) differs between two runs on the same input")
            }
        }
        // --full recomputes everything and still gives the same reports.
        let full = try ws.run(date: "2026-01-10", full: true)
        #expect(full.run.processedThreads == 8)
        let again = try ws.reportFiles(ws.latest)
        #expect(again["comments.csv"] == before["comments.csv"])
        #expect(again["summary.json"] == before["summary.json"])
    }

    @Test func anAddedThreadIsTheOnlyOneAnalysedAndHistoryGrows() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        try ws.run(date: "2026-01-10")
        let history1 = try String(contentsOf: ws.latest.appendingPathComponent("history.csv"), encoding: .utf8)
        try ws.addThread("zz-new.jsonl", id: "new-thread", texts: [
            "Rust in the kernel is a wonderful idea and I am glad the maintainers accepted it.",
            "I disagree, Rust adds a terrible maintenance burden for every maintainer.",
            "What time does the conference start tomorrow?",
        ])
        let second = try ws.run(date: "2026-01-11")
        #expect(second.run.processedThreads == 1)
        #expect(second.run.reusedThreads == 8)
        #expect(second.run.counts.threads == 9)
        let history2 = try String(contentsOf: ws.latest.appendingPathComponent("history.csv"), encoding: .utf8)
        let rows1 = history1.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }  // RFC 4180: CRLF
        let rows2 = history2.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows2.count > rows1.count)
        #expect(rows2.contains { $0.hasPrefix("2026-01-10,") })
        #expect(rows2.contains { $0.hasPrefix("2026-01-11,") && $0.contains("new-thread") })
        #expect(!rows2.contains { $0.hasPrefix("2026-01-10,") && $0.contains("new-thread") })
        // Both dated folders exist; latest points at the newer one.
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: ws.latest.path) == "2026-01-11")
        #expect(FileManager.default.fileExists(atPath: ws.reports.appendingPathComponent("2026-01-10/comments.csv").path))
    }

    @Test func topicIdsStayStableAcrossNights() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        let day1 = try ws.run(date: "2026-01-10")
        #expect(day1.topicChanges.isEmpty)  // a first run lists no changes
        func rows(_ date: String) throws -> [String] {
            let text = try String(contentsOf: ws.reports.appendingPathComponent("\(date)/topics.csv"), encoding: .utf8)
            return text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
                .map { String($0.drop { $0 != "," }) }  // without run_date
        }
        let day2 = try ws.run(date: "2026-01-11")
        #expect(day2.topicChanges.isEmpty)
        #expect(try rows("2026-01-10") == rows("2026-01-11"))
        #expect(day2.topics == day1.topics)
    }

    @Test func aBackfillDoesNotMoveLatestBackInTime() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        try ws.run(date: "2026-01-12")
        try ws.run(date: "2026-01-05")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: ws.latest.path) == "2026-01-12")
        #expect(FileManager.default.fileExists(atPath: ws.reports.appendingPathComponent("2026-01-05/summary.json").path))
    }

    @Test func aChangedCommentReanalysesOnlyItsThread() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        try ws.run(date: "2026-01-10")
        let file = ws.samples.appendingPathComponent("toolchain.jsonl")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "about four percent", with: "about six percent")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let second = try ws.run(date: "2026-01-11")
        #expect(second.run.processedThreads == 1)
        let comments = try String(contentsOf: ws.latest.appendingPathComponent("comments.csv"), encoding: .utf8)
        #expect(comments.contains("about six percent"))
    }

    @Test func emptyInputFailsClearlyAndLeavesNoReports() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        for name in try FileManager.default.contentsOfDirectory(atPath: ws.samples.path) {
            try "\n".write(to: ws.samples.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        #expect(throws: RunError.self) { try ws.run(date: "2026-01-10") }
        #expect(!FileManager.default.fileExists(atPath: ws.latest.path))
    }
}
