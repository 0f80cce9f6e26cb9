import Foundation
import Reports
import Testing

@Suite("Report golden files")
struct GoldenTests {
    let files = ReportWriter().render(Fixture.input())

    @Test("every report file matches its golden file", arguments: ReportFile.allCases)
    func golden(_ file: ReportFile) throws {
        let text = try #require(files.first { $0.name == file.rawValue }?.text, "\(file.rawValue) not rendered")
        try Golden.check(text, named: file.rawValue)
    }

    @Test("the writer writes exactly the files it returns")
    func writesFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = try ReportWriter().write(Fixture.input(), to: dir)
        #expect(names == ReportFile.allCases.map(\.rawValue).sorted())
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(onDisk == names)
        for name in names {
            let size = (try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            #expect(size > 0, "\(name) is empty")
        }
    }

    @Test("a missing folder gives an error naming the file")
    func missingFolder() {
        let dir = URL(fileURLWithPath: "/nonexistent-threadlens-dir/run")
        #expect {
            _ = try ReportWriter().write(Fixture.input(), to: dir)
        } throws: { error in
            // Every file fails; the one reported is the first by name, whatever the order they ran in.
            "\(error)".contains("/nonexistent-threadlens-dir/run/comments.csv") && "\(error)".contains("error:")
        }
    }

    @Test("options choose the files written")
    func subset() {
        let files = ReportWriter(options: ReportOptions(files: [.summaryJSON, .commentsCSV, .summaryJSON])).render(Fixture.input())
        #expect(files.map(\.name) == ["comments.csv", "summary.json"])
    }
}

@Suite("Report options")
struct OptionTests {
    @Test("out-of-range options are clamped, never a crash")
    func clamped() throws {
        let files = ReportWriter(options: ReportOptions(excerptLength: -3, topComments: -1)).render(Fixture.input())
        let html = try #require(files.first { $0.name == "report.html" }?.text)
        #expect(html.contains("None."))
        let csv = try #require(files.first { $0.name == "comments.csv" }?.text)
        #expect(csv.contains("Rust in the kernel is a maintenance burden nobody asked for."))
    }

    @Test("excerpts follow the excerpt length")
    func excerptLength() throws {
        let files = ReportWriter(options: ReportOptions(files: [.commentsCSV], excerptLength: 12)).render(Fixture.input())
        let rows = try MiniCSV.parse(try #require(files.first?.text))
        let column = try #require(rows.first?.firstIndex(of: "excerpt"))
        for row in rows.dropFirst() { #expect(row[column].count <= 13, "\(row[column]) is longer than 12 characters (+ ')") }
        #expect(rows.dropFirst().contains { $0[column] == "Memory safe…" })
    }
}
