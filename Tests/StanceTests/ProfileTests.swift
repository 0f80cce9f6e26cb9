import Foundation
import Testing
import Sentiment
@testable import Stance

@Suite struct ProfileTests {
    static let defaultPath = Fixture.packageRoot.appendingPathComponent("data/stance/rust-in-linux.yml").path

    @Test func defaultProfileLoads() throws {
        let p = try StanceProfile.load(path: Self.defaultPath)
        #expect(p.name == "rust-in-linux")
        #expect(p.target == "Rust")
        for alias in ["rustc", "r4l", "gccrs", "borrow checker", "rustacean*"] { #expect(p.aliases.contains(alias)) }
        #expect(p.otherSide.contains("C") && p.otherSide.contains("gcc"))
        #expect(p.cues.filter { $0.stance == .pro }.count >= 30)
        #expect(p.cues.filter { $0.stance == .anti }.count >= 30)
        #expect(p.cues.allSatisfy { !$0.note.isEmpty })
        #expect(Set(p.offTopic.map(\.kind)) == ["politics", "insult", "meta"])
        #expect(p.agree.contains("^this") && p.disagree.contains("^no"))
    }

    @Test func exampleProfilesLoad() throws {
        let dir = Fixture.packageRoot.appendingPathComponent("data/stance").path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yml") }.sorted()
        #expect(files.count >= 2)
        for f in files { _ = try StanceProfile.load(path: "\(dir)/\(f)") }
    }

    @Test func systemdExampleProfileWorksForItsDebate() throws {
        let path = Fixture.packageRoot.appendingPathComponent("data/stance/systemd.yml").path
        let c = StanceClassifier(profile: try StanceProfile.load(path: path))
        let cases: [(String, StanceLabel)] = [
            ("Socket activation and parallel boot make systemd worth it.", .pro),
            ("systemd is a monolith that ignores the Unix philosophy.", .anti),
            ("Binary logs are the reason I moved my servers to Devuan.", .anti),
            ("Which init does Debian use on the installer image?", .neutral),
            ("Pizza tonight, anyone?", .offTopic),
        ]
        for (text, label) in cases {
            let s = Fixture.stance(text, classifier: c)
            #expect(s.label == label, "\(text): \(s.label) \(s.evidence.map { "\($0.rule):\($0.matched)" })")
        }
    }

    @Test func defaultProfileOnIssueExamples() throws {
        let c = StanceClassifier(profile: try StanceProfile.load(path: Self.defaultPath))
        let cases: [(String, StanceLabel)] = [
            ("I'm sick of chasing use-after-frees in C.", .pro),
            ("It is hard to learn, and that is exactly why I approve.", .pro),
            ("Rust people should write their own kernel.", .anti),
            ("Rust in the kernel is just hype from zealots.", .anti),
            ("gccrs will fix the architecture problem.", .pro),
            ("It needs so much unsafe that it's no better than C.", .anti),
            ("The maintainers meet in Tokyo next week.", .neutral),
            ("Biden and Trump, what a choice.", .offTopic),
        ]
        for (text, label) in cases {
            let s = Fixture.stance(text, classifier: c)
            #expect(s.label == label, "\(text): \(s.label) \(s.evidence.map { "\($0.rule):\($0.matched)" })")
        }
    }

    func error(_ yaml: String) -> ProfileError? {
        do {
            _ = try StanceProfile.parse(yaml: yaml, path: "p.yml")
            return nil
        } catch let e as ProfileError {
            return e
        } catch {
            return nil
        }
    }

    @Test func unknownTopLevelKeyIsRejectedWithLineAndKey() throws {
        let e = try #require(error("name: x\ntarget: Rust\naliasses: [rust]\naliases: [rust]\n"))
        #expect(e.line == 3)
        #expect(e.key == "aliasses")
        #expect(e.description.hasPrefix("p.yml:3: error: key 'aliasses': unknown key"))
    }

    @Test func unknownCueKeyIsRejected() throws {
        let yaml = "name: x\ntarget: Rust\naliases: rust\ncues:\n  pro:\n    - match: safe\n      wieght: 0.5\n"
        let e = try #require(error(yaml))
        #expect(e.line == 7)
        #expect(e.key == "cues.pro[0].wieght")
    }

    @Test func weightOutOfRangeNamesTheValue() throws {
        let yaml = "name: x\ntarget: Rust\naliases: rust\ncues:\n  anti:\n    - match: hype\n      weight: 3\n"
        let e = try #require(error(yaml))
        #expect(e.line == 7)
        #expect(e.key == "cues.anti[0].weight")
        #expect(e.message.contains("(0, 1]") && e.message.contains("'3'"))
    }

    @Test func missingRequiredKey() throws {
        let e = try #require(error("name: x\naliases: [rust]\n"))
        #expect(e.key == "target")
        #expect(e.message.contains("missing"))
    }

    @Test func invalidYAMLGivesALine() throws {
        let e = try #require(error("name: x\ntarget: [Rust\naliases: rust\n"))
        #expect(e.line >= 2)
        #expect(e.message.hasPrefix("invalid YAML"))
    }

    @Test func aPhraseCannotBeBothProAndAnti() throws {
        let yaml = """
        name: x
        target: Rust
        aliases: rust
        cues:
          pro:
            - {match: safety, weight: 0.5}
          anti:
            - {match: Safety, weight: 0.5}
            - {match: [hype, safety], weight: 0.5}
        """
        let e = try #require(error(yaml))
        #expect(e.line == 9)
        #expect(e.message.contains("also a pro cue"))
    }

    @Test func anchorsAreForReplyMarkersOnly() throws {
        let e = try #require(error("name: x\ntarget: Rust\naliases: rust\ncues:\n  pro:\n    - {match: ^safe, weight: 0.5}\n"))
        #expect(e.key == "cues.pro[0].match" && e.line == 6)
    }

    @Test func patternsMustHoldAWord() throws {
        let e = try #require(error("name: x\ntarget: Rust\naliases: [rust, '***']\n"))
        #expect(e.key == "aliases[1]")
        #expect(e.line == 3)
    }

    @Test func wrongTypes() throws {
        #expect(error("name: x\ntarget: Rust\naliases: {a: b}\n")?.key == "aliases")
        #expect(error("name: x\ntarget: Rust\naliases: rust\ncues:\n  pro:\n    - {match: a, weight: 0.1, negatable: maybe}\n")?
            .key == "cues.pro[0].negatable")
        #expect(error("- a\n- b\n")?.message == "expected a mapping")
        #expect(error("")?.message == "the profile is empty")
    }

    @Test func missingFileNamesThePath() throws {
        #expect(throws: ProfileError.self) { try StanceProfile.load(path: "/nonexistent/profile.yml") }
        do {
            _ = try StanceProfile.load(path: "/nonexistent/profile.yml")
        } catch {
            #expect("\(error)".hasPrefix("/nonexistent/profile.yml: error:"))
        }
    }
}

/// The default profile on hand-written sentences (Fixtures/sentences.tsv): the development set
/// the cues are designed against, kept apart from the seed thread used for evaluation.
@Suite struct DefaultProfileSentenceTests {
    @Test func handWrittenSentences() throws {
        let accuracy = try Self.accuracy(file: "sentences", report: true)
        #expect(accuracy.value >= 0.9, "accuracy \(accuracy.value):\n\(accuracy.failures)")
    }

    /// Sentences written after the cues and not used to design them: a measure of how the
    /// profile generalises. The floor sits just under the figure first measured.
    @Test func heldOutSentences() throws {
        let accuracy = try Self.accuracy(file: "sentences-heldout", report: true)
        #expect(accuracy.value >= 0.4, "accuracy \(accuracy.value):\n\(accuracy.failures)")
    }

    /// The argument cues of the fourth pass, each group on a sentence written for it.
    @Test func argumentCueSentences() throws {
        let accuracy = try Self.accuracy(file: "sentences-arguments", report: true)
        #expect(accuracy.value >= 0.9, "accuracy \(accuracy.value):\n\(accuracy.failures)")
    }

    static func accuracy(file: String, report: Bool) throws -> (value: Double, failures: String) {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(file)", withExtension: "tsv"))
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .compactMap { line -> (StanceLabel, String)? in
                let f = line.split(separator: "\t", maxSplits: 1)
                guard f.count == 2, let l = StanceLabel(rawValue: String(f[0])) else { return nil }
                return (l, String(f[1]))
            }
        #expect(rows.count >= 30)
        let lexicon = try Lexicon.load(directory: Fixture.packageRoot.appendingPathComponent("data/lexicons").path)
        let analyzer = SentimentAnalyzer(lexicon: lexicon)
        let c = StanceClassifier(profile: try StanceProfile.load(path: ProfileTests.defaultPath))
        var wrong: [String] = []
        for (label, text) in rows {
            let comment = Fixture.comment(text)
            let s = c.classify(comment, sentiment: analyzer.analyze(comment), parent: nil)
            if s.label != label {
                wrong.append("\(label.rawValue) → \(s.label.rawValue) \(String(format: "%.2f", s.score)): \(text) "
                             + s.evidence.map { "[\($0.rule) \($0.matched) \(String(format: "%.2f", $0.weight))]" }.joined())
            }
        }
        let accuracy = 1 - Double(wrong.count) / Double(rows.count)
        let failures = wrong.joined(separator: "\n")
        if report {
            FileHandle.standardError.write(Data("\(file).tsv: accuracy \(String(format: "%.3f", accuracy)) on \(rows.count)\n".utf8))
        }
        return (accuracy, failures)
    }
}
