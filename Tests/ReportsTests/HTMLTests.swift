import Foundation
import Reports
import Stance
import ThreadModel
import Testing

@Suite("HTML report")
struct HTMLTests {
    /// The fixture with its hostile comment made the most pro one, so it is shown with its evidence.
    static func hostileHTML() throws -> String {
        var input = Fixture.input()
        let key = CommentKey(threadID: "sd-100", commentID: "3")
        let text = try #require(input.threads.flatMap(\.comments).first { $0.key == key }?.text)
        let end = text.utf8.count
        input.stances[key] = CommentStance(key: key, label: .pro, score: 0.99, confidence: 0.99, evidence: [
            StanceEvidence(rule: "cue\" onmouseover=\"alert(1)", matched: "<b>rust</b>", span: Span(0, 29), contribution: 0.5),
            StanceEvidence(rule: "overlap", matched: "'x'", span: Span(20, 40), contribution: 0.49),
            StanceEvidence(rule: "beyond", matched: "x", span: Span(end - 2, end + 50), contribution: 0),
        ])
        input.stanceOverall = StanceAggregator().summarize(input.threads.flatMap(\.comments), stances: input.stances)
        input.run.pipeline = "night<ly>\""
        return try #require(ReportWriter().render(input).first { $0.name == "report.html" }?.text)
    }

    @Test("hostile text is escaped everywhere, attributes included")
    func escaping() throws {
        let html = try Self.hostileHTML()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>rust"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("night&lt;ly&gt;&quot;"))
        #expect(!html.contains("onmouseover=\""), "an attribute value broke out of its quotes")
        #expect(!html.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || $0.value == 0x07 })
        // Every attribute value is double-quoted and holds no raw < or ".
        let tags = html.matches(of: /<[a-zA-Z][^>]*>/).map { String($0.output) }
        for tag in tags {
            let stripped = tag.replacing(/="[^"<]*"/, with: "")
            #expect(!stripped.contains("\"") && !stripped.contains("="), "suspicious tag \(tag)")
        }
    }

    @Test("evidence is highlighted, overlapping spans merged")
    func evidence() throws {
        let html = try Self.hostileHTML()
        #expect(html.contains("<mark title=\"cue&quot; onmouseover=&quot;alert(1) &quot;&lt;b&gt;rust&lt;/b&gt;&quot; 0.5000; overlap &quot;&#39;x&#39;&quot; 0.4900\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Rust \u{0}".replacingOccurrences(of: "\u{0}", with: "")))
        #expect(html.components(separatedBy: "<mark").count == html.components(separatedBy: "</mark>").count)
    }

    @Test("the page is self-contained: no scripts, links or external loads")
    func selfContained() throws {
        let html = ReportWriter().render(Fixture.input()).first { $0.name == "report.html" }?.text ?? ""
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Content-Security-Policy"))
        for banned in ["<script", "<link", "<iframe", "<img", "src=", "href=", "url(", "@import"] {
            #expect(!html.contains(banned), "report.html contains \(banned)")
        }
        #expect(html.components(separatedBy: "<svg").count - 1 == 3, "three inline SVG charts expected")
    }

    @Test("highlights are widened to whole characters and clamped to the text", arguments: [
        ("é<b>", [Span(1, 3)], "<mark title=\"n\">é&lt;</mark>b&gt;"),
        ("ab", [Span(5, 9)], "ab"),
        ("a🦀b", [Span(2, 3)], "a<mark title=\"n\">🦀</mark>b"),
        ("abcd", [Span(0, 2), Span(1, 3)], "<mark title=\"n; n\">abc</mark>d"),
    ])
    func highlight(_ text: String, _ spans: [Span], _ expected: String) {
        #expect(HTML.highlighted(text, spans.map { HTML.Highlight(span: $0, note: "n") }) == expected)
    }
}

@Suite("HTML charts")
struct ChartTests {
    @Test("a short history says so instead of drawing an empty chart")
    func shortHistory() {
        var input = Fixture.input()
        input.history = input.history.filter { $0.date == "2026-11-21" }
        let one = ReportWriter().render(input).first { $0.name == "report.html" }?.text ?? ""
        #expect(one.contains("Only one day of history so far."))
        #expect(!one.contains("<polyline"))
        input.history = []
        let none = ReportWriter().render(input).first { $0.name == "report.html" }?.text ?? ""
        #expect(none.contains("No history yet."))
    }
}

@Suite("Wild values")
struct WildValueTests {
    @Test("out-of-range and non-finite scores are written as missing or clamped, never a crash")
    func wild() throws {
        var input = Fixture.input()
        let keys = input.sentiments.keys.sorted()
        for (i, key) in keys.enumerated() {
            let v: Double = [1e300, -1e300, .nan, .infinity, 7][i % 5]
            input.sentiments[key]?.scores.compound = v
            input.stances[key]?.score = v
        }
        let files = ReportWriter().render(input)
        #expect(files.count == ReportFile.allCases.count)
        let summary = try JSON.parse(try #require(files.first { $0.name == "summary.json" }?.text))
        #expect(summary["comments"] != nil)
    }
}
