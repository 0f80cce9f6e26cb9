import Foundation
import Reports
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

    func schemaText(_ name: String) throws -> String {
        let url = Self.schemas.appendingPathComponent(name)
        let data = try #require(FileManager.default.contents(atPath: url.path), "schema \(url.path) is missing")
        return String(decoding: data, as: UTF8.self)
    }

    @Test("JSON files follow their schema: every member declared, required ones present, types right",
          arguments: ["summary", "manifest"])
    func jsonSchema(_ name: String) throws {
        let schema = try JSON.parse(try schemaText("\(name).schema.json"))
        let value = try JSON.parse(try output("\(name).json"))
        let errors = SchemaCheck(root: schema).check(value, against: schema)
        #expect(errors.isEmpty, "\(name).json: \(errors.prefix(20).joined(separator: "\n"))")
    }

    @Test("JSON member order follows the schema's declaration order at the top level", arguments: ["summary", "manifest"])
    func jsonOrder(_ name: String) throws {
        let schema = try JSON.parse(try schemaText("\(name).schema.json"))
        let value = try JSON.parse(try output("\(name).json"))
        #expect(value.keys == schema["properties"]?.keys)
    }

    @Test("the schema check catches an undeclared member and a wrong type")
    func checkerCatches() throws {
        let schema = try JSON.parse(try schemaText("manifest.schema.json"))
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
        let table = try MiniCSV.parse(try schemaText("\(name).columns.csv"))
        #expect(table.first == ["name", "type", "unit", "nullable", "meaning"])
        let columns = table.dropFirst()
        for c in columns { #expect(c.count == 5 && !c[4].isEmpty, "\(name).columns.csv: row \(c) malformed") }
        let rows = try MiniCSV.parse(try output("\(name).csv"))
        #expect(rows.first == columns.map { $0[0] }, "\(name).csv header differs from data/schemas/\(name).columns.csv")
        #expect(rows.count > 1, "\(name).csv has no data rows to check")
        for (r, row) in rows.dropFirst().enumerated() {
            #expect(row.count == columns.count, "\(name).csv row \(r + 2) has \(row.count) cells")
            for (cell, column) in zip(row, columns) {
                if let problem = Self.problem(cell, type: column[1], nullable: column[3] == "yes") {
                    Issue.record("\(name).csv row \(r + 2) column \(column[0]): \(problem)")
                }
            }
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
