import Foundation
@testable import Pipeline
import Testing

/// The validator names the file, the line and the key of every problem, before anything runs.
@Suite struct PipelineLoaderTests {
    let dir: URL

    init() throws {
        dir = try TempDir.make("loader")
        try "{\"thread\":\"t\",\"id\":\"1\",\"text\":\"hello\"}\n".write(
            to: dir.appendingPathComponent("a.jsonl"), atomically: true, encoding: .utf8)
    }

    func diagnostics(_ yaml: String) throws -> [PipelineDiagnostic] {
        let path = dir.appendingPathComponent("p.yml").path
        do {
            _ = try PipelineLoader().load(yaml: yaml, path: path)
            Issue.record("expected the file to be rejected")
            return []
        } catch let error as PipelineFileError {
            return error.diagnostics
        }
    }

    @Test func validFileLoadsWithDefaultsAndResolvedPaths() throws {
        let path = dir.appendingPathComponent("p.yml").path
        let p = try PipelineLoader().load(yaml: "name: nightly\ninputs:\n  - a.jsonl\ntopics:\n  k: 3\n", path: path)
        #expect(p.name == "nightly")
        #expect(p.inputs.map(\.path) == [dir.appendingPathComponent("a.jsonl").standardizedFileURL.path])
        #expect(p.topics.k == 3)
        #expect(p.topics.kMax == 8)
        #expect(p.outputs.dir == dir.appendingPathComponent("reports").standardizedFileURL.path)
        #expect(p.storePath.hasSuffix("reports/nightly/threadlens.sqlite"))
    }

    @Test func unknownKeyNamesLineKeyAndSuggestion() throws {
        let d = try diagnostics("name: n\ninputs: [a.jsonl]\ntopics:\n  k_mx: 5\n")
        #expect(d.count == 1)
        #expect(d.first?.line == 4)
        #expect(d.first?.key == "topics.k_mx")
        #expect(d.first?.description.contains("p.yml:4: error: 'topics.k_mx': unknown key; did you mean 'k_max'?") == true)
    }

    @Test func typesAndRangesAreChecked() throws {
        let d = try diagnostics("""
            name: n
            inputs: [a.jsonl]
            ingest:
              strict: maybe
            topics:
              k_max: 500
              seed: -1
            stance:
              threshold: high
              weighting:
                kind: quadratic
            retention:
              reports_days: 1.5
            """)
        let byKey = Dictionary(d.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byKey["ingest.strict"]?.line == 4)
        #expect(byKey["ingest.strict"]?.message.contains("expected true or false, found 'maybe'") == true)
        #expect(byKey["topics.k_max"]?.line == 6)
        #expect(byKey["topics.k_max"]?.message.contains("found 500") == true)
        #expect(byKey["topics.seed"]?.line == 7)
        #expect(byKey["stance.threshold"]?.line == 9)
        #expect(byKey["stance.weighting.kind"]?.line == 11)
        #expect(byKey["stance.weighting.kind"]?.message.contains("none, linear") == true)
        #expect(byKey["retention.reports_days"]?.line == 13)
        #expect(d.count == 6)
    }

    @Test func missingInputsAndFilesAreReported() throws {
        let d = try diagnostics("name: n\ninputs:\n  - a.jsonl\n  - path: nothing/*.jsonl\n    format: jsonl\n  - path: b.txt\n    format: word\n")
        #expect(d.contains { $0.line == 4 && $0.key == "inputs[1]" && $0.message.contains("matches no file") })
        #expect(d.contains { $0.line == 7 && $0.key == "inputs[2].format" && $0.message.contains("found 'word'") })
        #expect(d.contains { $0.line == 6 && $0.key == "inputs[2]" })
        let none = try diagnostics("name: n\n")
        #expect(none.first?.key == "inputs")
        #expect(none.first?.message.contains("is missing") == true)
    }

    @Test func kMinAboveKMaxIsAnError() throws {
        let d = try diagnostics("name: n\ninputs: [a.jsonl]\ntopics:\n  k_min: 6\n  k_max: 3\n")
        #expect(d.count == 1)
        #expect(d.first?.line == 5)
        #expect(d.first?.message.contains("must not exceed") == true)
    }

    @Test func profileThatDoesNotParseIsReported() throws {
        try "name: [unclosed\n".write(to: dir.appendingPathComponent("bad.yml"), atomically: true, encoding: .utf8)
        let d = try diagnostics("name: n\ninputs: [a.jsonl]\nstance:\n  profile: bad.yml\n")
        #expect(d.count == 1)
        #expect(d.first?.line == 4)
        #expect(d.first?.key == "stance.profile")
        #expect(d.first?.message.contains("does not parse") == true)
    }

    @Test func yamlSyntaxErrorNamesItsLine() throws {
        let d = try diagnostics("name: n\ninputs: [a.jsonl\ntopics:\n  k: 3\n")
        #expect(d.count == 1)
        #expect((d.first?.line ?? 0) >= 2)
        #expect(d.first?.message.hasPrefix("invalid YAML") == true)
    }

    @Test func badNameAndDuplicateKeys() throws {
        let name = try diagnostics("name: ../escape\ninputs: [a.jsonl]\n")
        #expect(name.contains { $0.key == "name" && $0.line == 1 && $0.message.contains("'../escape'") })
        let d = try diagnostics("name: n\ninputs: [a.jsonl]\ninputs: [a.jsonl]\n")
        #expect(d.contains { $0.key == "inputs" && $0.line == 3 && $0.message == "duplicate key" })
    }

    @Test func spellingSuggestions() {
        #expect(Spelling.distance("kitten", "sitting") == 3)
        #expect(Spelling.suggestion(for: "retension", among: ["retention", "store"]) == "retention")
        #expect(Spelling.suggestion(for: "zzz", among: ["retention", "store"]) == nil)
    }
}
