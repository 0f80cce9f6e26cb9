import Foundation
import Ingest
import Testing
import ThreadModel

/// The bad-input corpus: every file in `BadInputs/` is read, and `BadInputs/expected.tsv` says what
/// must come of it.
///
/// Columns: file, outcome, line, field, code, comments. Outcomes:
/// - `skip`: the read succeeds, the bad record is counted as skipped (an error-severity problem with
///   that code at that line and field), and `comments` good comments still come through; in strict
///   mode the same problem is thrown.
/// - `warn`: the read succeeds with a warning of that code at that line; the record is kept.
/// - `fail`: the whole file is refused with a located `InputError` of that code at that line.
/// `-` in line or field means "not checked"; `0` in line means the file as a whole. Every file must be
/// listed and every listed file must exist, so a new case cannot be added without its expectation.
@Suite struct BadInputCorpusTests {
    struct Case: CustomStringConvertible {
        var file: String
        var outcome: String
        var line: Int?
        var field: String?
        var code: String
        var comments: Int
        var description: String { file }
    }

    static func cases() throws -> [Case] {
        let table = try String(contentsOf: Hardening.badInputs.appendingPathComponent("expected.tsv"), encoding: .utf8)
        var out: [Case] = []
        for (n, line) in table.split(separator: "\n").enumerated() where !line.hasPrefix("#") && !line.isEmpty {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 6, let count = Int(f[5]) else {
                throw InputError(SourceLocation(file: "expected.tsv", line: n + 1), code: "bad-table", "expected 6 tab-separated columns")
            }
            out.append(Case(file: f[0], outcome: f[1], line: f[2] == "-" ? nil : Int(f[2]), field: f[3] == "-" ? nil : f[3],
                            code: f[4], comments: count))
        }
        return out
    }

    /// The record limit the corpus is written for: `jsonl-long-line.jsonl` holds a 10 kB record.
    static let options = IngestOptions(maxRecordBytes: 4096)

    /// Problems as `severity code@line:field`, for failure messages.
    static func brief(_ problems: [InputProblem]) -> String {
        problems.prefix(6).map { "\($0.severity.rawValue) \($0.code)@\($0.location.line):\($0.location.field ?? "-")" }
            .joined(separator: ", ")
    }

    @Test func everyFileIsListedOnce() throws {
        let listed = try Self.cases().map(\.file).sorted()
        let present = try FileManager.default.contentsOfDirectory(atPath: Hardening.badInputs.path)
            .filter { $0 != "expected.tsv" && $0 != "README.md" }.sorted()
        #expect(listed == present)
        #expect(Set(listed).count == listed.count)
    }

    @Test(arguments: try BadInputCorpusTests.cases())
    func badInputGivesLocatedProblem(_ c: Case) throws {
        let path = Hardening.badInputs.appendingPathComponent(c.file).path
        let matches: (InputProblem) -> Bool = { p in
            p.code == c.code && (c.line == nil || p.location.line == c.line)
                && (c.field == nil || p.location.field == c.field) && p.location.file == path
        }
        switch c.outcome {
        case "fail":
            do {
                let result = try Ingestor(options: Self.options).read(path: path)
                Issue.record("\(c.file): expected a located error, read \(result.commentCount) comments; problems: \(Self.brief(result.problems))")
            } catch let error as InputError {
                #expect(matches(error.problem), "\(c.file): got \(Self.brief([error.problem]))")
                #expect(error.description.contains(c.file), "the message names the file: \(error)")
            }
        case "skip", "warn":
            let result = try Ingestor(options: Self.options).read(path: path)
            let severity: InputProblem.Severity = c.outcome == "skip" ? .error : .warning
            #expect(result.problems.contains { matches($0) && $0.severity == severity },
                    "\(c.file): problems were \(Self.brief(result.problems))")
            #expect(result.commentCount == c.comments, "\(c.file): \(result.commentCount) comments came through")
            if c.outcome == "skip" {
                #expect(result.skippedRecords >= 1)
                var strict = Self.options
                strict.strict = true
                #expect(throws: InputError.self, "\(c.file) is fatal with --strict") {
                    try Ingestor(options: strict).read(path: path)
                }
            }
        default:
            Issue.record("\(c.file): unknown outcome '\(c.outcome)'")
        }
    }
}
