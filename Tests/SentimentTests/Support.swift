import Foundation
import Testing
@testable import Sentiment

/// Paths and shared analysers for the sentiment tests.
enum Support {
    /// The package root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let lexiconDirectory = root.appendingPathComponent("data/lexicons").path
    /// `../shared` beside the package (absent on some machines: tests using it skip).
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let fixtures = root.appendingPathComponent("Tests/SentimentTests/Fixtures")

    static let lexicon: Lexicon = {
        do { return try Lexicon.load(directory: lexiconDirectory) } catch {
            Issue.record("cannot load lexicons: \(error)")
            return Lexicon(valences: [:])
        }
    }()
    static let vader = SentimentAnalyzer(lexicon: lexicon, options: SentimentOptions(mode: .vader))
    static let standard = SentimentAnalyzer(lexicon: lexicon, options: SentimentOptions(mode: .default))

    /// Reads a file under `../shared`, or nil (with a note) when it is absent.
    static func sharedFile(_ relative: String) -> String? {
        let path = shared.appendingPathComponent(relative).path
        guard let data = FileManager.default.contents(atPath: path) else {
            print("skipped: \(path) is absent (../shared is not available on this machine)")
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Lines of a text split on LF, with a trailing CR removed.
    static func lines(_ text: String) -> [String] {
        text.utf8.split(separator: 0x0A).map { line in
            var s = Substring(String(decoding: line, as: UTF8.self))
            if s.hasSuffix("\r") { s = s.dropLast() }
            return String(s)
        }.filter { !$0.isEmpty }
    }
}

/// Expects |a - b| <= tolerance, naming what was compared.
func expectClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9, _ what: String = "",
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(a - b) <= tolerance, "\(what): \(a) vs \(b) (tolerance \(tolerance))", sourceLocation: sourceLocation)
}

/// Expects all four scores within tolerance.
func expectScores(_ s: SentimentScores, compound: Double, pos: Double, neu: Double, neg: Double,
                  tolerance: Double = 1e-9, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    expectClose(s.compound, compound, tolerance, "\(what) compound", sourceLocation: sourceLocation)
    expectClose(s.pos, pos, tolerance, "\(what) pos", sourceLocation: sourceLocation)
    expectClose(s.neu, neu, tolerance, "\(what) neu", sourceLocation: sourceLocation)
    expectClose(s.neg, neg, tolerance, "\(what) neg", sourceLocation: sourceLocation)
}
