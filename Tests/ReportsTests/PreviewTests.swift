import Foundation
import Reports
import Stance
import ThreadModel
import Testing
import Topics

/// Writes sample pages for a look in a browser: `THREADLENS_HTML_OUT=/tmp/pages swift test --filter PreviewTests`.
@Suite("HTML previews")
struct PreviewTests {
    static let out = ProcessInfo.processInfo.environment["THREADLENS_HTML_OUT"]

    @Test("write preview pages", .enabled(if: out != nil, "set THREADLENS_HTML_OUT=<folder> to write preview pages"))
    func previews() throws {
        let dir = URL(fileURLWithPath: Self.out ?? "/tmp")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(try HTMLTests.hostileHTML().utf8).write(to: dir.appendingPathComponent("hostile.html"))
        try Data(Self.busyHTML().utf8).write(to: dir.appendingPathComponent("busy.html"))
    }

    /// Many topics with long labels and six weeks of history.
    static func busyHTML() -> String {
        var input = Fixture.input()
        let agg = StanceAggregator()
        let all = input.threads.flatMap(\.comments)
        var topics: [Topic] = []
        for t in 0..<12 {
            let label = t % 3 == 0 ? "a very long topic label about toolchains, maintainers, drivers and the future of the kernel \(t)" : "topic \(t)"
            topics.append(Fixture.topic(id: t, label: label, terms: ["term\(t)", "kernel"], size: t + 1, representatives: []))
            let members = all.enumerated().filter { ($0.offset + t) % 3 != 0 }.map(\.element)
            input.stanceByTopic[t] = agg.summarize(members, stances: input.stances)
        }
        input.topics = Fixture.topicResult(topics)
        input.history = (0..<42).flatMap { d -> [HistoryRow] in
            let date = Format.isoDate(1_791_000_000 + Double(d) * 86_400) ?? ""
            return StanceLabel.allCases.enumerated().map { i, l in
                let count = 5 + (d * (i + 1) * 7) % 11
                return HistoryRow(date: date, source: "slashdot", threadID: "sd-100", topicID: i, stance: l, count: count,
                                  weightedCount: Double(count), share: 0.25, interval: Interval(lower: 0.1, upper: 0.4))
            }
        }
        return ReportWriter().render(input).first { $0.name == "report.html" }?.text ?? ""
    }
}
