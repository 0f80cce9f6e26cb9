import Foundation
import Reports
import Stance
import Testing

/// Real writer output against the shipped schemas in `data/schemas/`.
@Suite("Report schemas")
struct SchemaTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/schemas")

    let files = ReportWriter().render(Fixture.input())

    func output(_ name: String) throws -> String {
        try #require(files.first { $0.name == name }?.text, "\(name) was not rendered")
    }

    static func schemaText(_ name: String) throws -> String {
        let url = Self.schemas.appendingPathComponent(name)
        let data = try #require(FileManager.default.contents(atPath: url.path), "schema \(url.path) is missing")
        return String(decoding: data, as: UTF8.self)
    }

    @Test("JSON files follow their schema: every member declared, required ones present, types right",
          arguments: ["summary", "manifest"])
    func jsonSchema(_ name: String) throws {
        let errors = try Self.jsonProblems(name, output: try output("\(name).json"))
        #expect(errors.isEmpty, "\(name).json: \(errors.prefix(20).joined(separator: "\n"))")
    }

    static func jsonProblems(_ name: String, output: String) throws -> [String] {
        let schema = try JSON.parse(try Self.schemaText("\(name).schema.json"))
        return SchemaCheck(root: schema).check(try JSON.parse(output), against: schema)
    }

    @Test("JSON member order follows the schema's declaration order at the top level", arguments: ["summary", "manifest"])
    func jsonOrder(_ name: String) throws {
        let schema = try JSON.parse(try Self.schemaText("\(name).schema.json"))
        let value = try JSON.parse(try output("\(name).json"))
        #expect(value.keys == schema["properties"]?.keys)
    }

    @Test("the schema check catches an undeclared member and a wrong type")
    func checkerCatches() throws {
        let schema = try JSON.parse(try Self.schemaText("manifest.schema.json"))
        var value = try JSON.parse(try output("manifest.json"))
        guard case .object(var members) = value else { Issue.record("manifest is not an object"); return }
        members.append(("surprise", .null))
        members[0].1 = .string("1")
        value = .object(members)
        let errors = SchemaCheck(root: schema).check(value, against: schema)
        #expect(errors.contains { $0.contains("'surprise' is not declared") })
        #expect(errors.contains { $0.contains("$.schema_version") })
    }

    @Test("CSV files have every documented column, in order, with cells of the documented type",
          arguments: ["comments", "threads", "topics", "history"])
    func csvColumns(_ name: String) throws {
        let text = try output("\(name).csv")
        #expect(try MiniCSV.parse(text).count > 1, "\(name).csv has no data rows to check")
        let problems = try Self.csvProblems(name, output: text)
        #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
    }

    /// Everything in a CSV report that disagrees with its column table.
    static func csvProblems(_ name: String, output: String) throws -> [String] {
        let table = try MiniCSV.parse(try schemaText("\(name).columns.csv"))
        var problems: [String] = []
        if table.first != ["name", "type", "unit", "nullable", "meaning"] { problems.append("\(name).columns.csv: bad header") }
        let columns = Array(table.dropFirst())
        for c in columns where c.count != 5 || c[4].isEmpty { problems.append("\(name).columns.csv: row \(c) malformed") }
        let rows = try MiniCSV.parse(output)
        if rows.first != columns.map({ $0[0] }) {
            problems.append("\(name).csv header differs from data/schemas/\(name).columns.csv")
        }
        for (r, row) in rows.dropFirst().enumerated() {
            if row.count != columns.count { problems.append("\(name).csv row \(r + 2) has \(row.count) cells") }
            for (cell, column) in zip(row, columns) {
                if let problem = Self.problem(cell, type: column[1], nullable: column[3] == "yes") {
                    problems.append("\(name).csv row \(r + 2) column \(column[0]): \(problem)")
                }
            }
        }
        return problems
    }

    /// Checks a report folder written by a real run: `THREADLENS_REPORT_DIR=reports/nightly/latest swift test --filter SchemaTests`.
    @Test("a real report folder follows the schemas",
          .enabled(if: ProcessInfo.processInfo.environment["THREADLENS_REPORT_DIR"] != nil, "set THREADLENS_REPORT_DIR=<report folder>"))
    func realFolder() throws {
        let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["THREADLENS_REPORT_DIR"] ?? ".")
        func read(_ file: String) throws -> String {
            let data = try #require(FileManager.default.contents(atPath: dir.appendingPathComponent(file).path), "\(file) missing in \(dir.path)")
            return String(decoding: data, as: UTF8.self)
        }
        for name in ["comments", "threads", "topics", "history"] {
            let problems = try Self.csvProblems(name, output: try read("\(name).csv"))
            #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
        }
        for name in ["summary", "manifest"] {
            let problems = try Self.jsonProblems(name, output: try read("\(name).json"))
            #expect(problems.isEmpty, "\(name).json: \(problems.prefix(20).joined(separator: "\n"))")
        }
    }

    /// Why `cell` does not fit the documented type, or nil.
    static func problem(_ cell: String, type: String, nullable: Bool) -> String? {
        if cell.isEmpty { return nullable ? nil : "empty in a column that is not nullable" }
        let patterns = [
            "integer": #"^-?\d+$"#, "number": #"^-?\d+\.\d{4}$"#, "date": #"^\d{4}-\d{2}-\d{2}$"#,
            "datetime": #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, "boolean": "^(true|false)$",
        ]
        if let p = patterns[type] {
            return cell.range(of: p, options: .regularExpression) == nil ? "'\(cell)' is not a \(type)" : nil
        }
        if type.hasPrefix("enum:") {
            return type.dropFirst(5).split(separator: "|").contains(Substring(cell)) ? nil : "'\(cell)' not in \(type)"
        }
        guard type == "string" else { return "unknown type \(type) in the column table" }
        if let f = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) { return "'\(cell)' is not neutralised" }
        return cell.unicodeScalars.contains { $0.value < 0x20 || (0x202A...0x202E).contains($0.value) } ? "control character in '\(cell)'" : nil
    }
}

@Suite("Empty input")
struct EmptyInputTests {
    static func empty() -> ReportInput {
        var input = Fixture.input()
        input.threads = []
        input.sentiments = [:]
        input.stances = [:]
        input.topics = Fixture.topicResult([])
        input.topicAssignments = [:]
        input.stanceOverall = StanceAggregator().summarize([], stances: [:])
        input.stanceByThread = [:]
        input.stanceByTopic = [:]
        input.history = []
        input.topicChanges = []
        input.previousRunDate = nil
        input.run.problems = []
        return input
    }

    @Test("an input with no threads gives every file, headers only, still following the schemas")
    func empty() throws {
        let files = ReportWriter().render(Self.empty())
        #expect(files.count == ReportFile.allCases.count)
        for name in ["comments", "threads", "topics", "history"] {
            let text = try #require(files.first { $0.name == "\(name).csv" }?.text)
            #expect(try MiniCSV.parse(text).count == 1, "\(name).csv should hold its header only")
        }
        for name in ["summary", "manifest"] {
            let url = SchemaTests.schemas.appendingPathComponent("\(name).schema.json")
            let data = try #require(FileManager.default.contents(atPath: url.path))
            let schema = try JSON.parse(String(decoding: data, as: UTF8.self))
            let value = try JSON.parse(try #require(files.first { $0.name == "\(name).json" }?.text))
            #expect(SchemaCheck(root: schema).check(value, against: schema).isEmpty)
        }
        let html = try #require(files.first { $0.name == "report.html" }?.text)
        #expect(html.contains("First run: nothing to compare with."))
        #expect(html.hasSuffix("</html>\n"))
    }
}
