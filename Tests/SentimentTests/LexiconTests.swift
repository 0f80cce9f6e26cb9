import Foundation
import Testing
@testable import Sentiment

/// Loading the bundled lexicons, and located errors for malformed files.
@Suite struct LexiconTests {
    static func tempDir(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir.path
    }

    static func error(_ body: () throws -> Void) -> String {
        do { try body(); return "" } catch { return "\(error)" }
    }

    @Test func bundledLexiconsLoad() {
        let l = Support.lexicon
        #expect(l.valences.count > 7000)
        #expect(l.valences["good"] == 1.9)
        #expect(l.valences["ok"] == 1.2, "a repeated token keeps its last value, as in 3.3.2")
        #expect(l.emoji["😀"] == "grinning face")
        #expect(l.emoji.count > 3000)
    }

    /// The byte-level trim agrees with Foundation's on every kind of white space, at either end.
    @Test func trimmingMatchesFoundation() {
        let spaces = ["", " ", "\t", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{2028}", "\u{3000}", "\u{200B}", "x"]
        for a in spaces {
            for b in spaces {
                for core in ["good\t1.9", "😀\tgrinning face", "a b", ""] {
                    let text = a + b + core + b + a
                    #expect(String(Lexicon.trimmed(Substring(text))) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                            "\(text.debugDescription)")
                    #expect(String(Lexicon.trimmed(Substring(text), newlines: false)) == text.trimmingCharacters(in: .whitespaces),
                            "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func malformedLinesNameFileAndLine() throws {
        let emoji = "😀\tgrinning face\n"
        let d1 = try Self.tempDir(["vader_lexicon.txt": "good\t1.9\t0.9\t[2]\r\n\nbad\tminus\t1\n", "emoji_utf8_lexicon.txt": emoji])
        #expect(Self.error { _ = try Lexicon.load(directory: d1) } == "\(d1)/vader_lexicon.txt:3: error: field 'mean': expected a number, found 'minus'")
        let d2 = try Self.tempDir(["vader_lexicon.txt": "good\t1.9\nlonely\n", "emoji_utf8_lexicon.txt": emoji])
        #expect(Self.error { _ = try Lexicon.load(directory: d2) }.hasSuffix("vader_lexicon.txt:2: error: field 'mean' is missing (expected token<TAB>mean)"))
        let d3 = try Self.tempDir(["vader_lexicon.txt": "good\t1.9\n", "emoji_utf8_lexicon.txt": "😀\n"])
        #expect(Self.error { _ = try Lexicon.load(directory: d3) }.hasSuffix("emoji_utf8_lexicon.txt:1: error: field 'description' is missing (expected emoji<TAB>description)"))
        let d4 = try Self.tempDir(["emoji_utf8_lexicon.txt": emoji])
        #expect(Self.error { _ = try Lexicon.load(directory: d4) }.hasSuffix("vader_lexicon.txt: error: cannot read file"))
    }

    @Test func overlayErrors() throws {
        func overlayError(_ text: String) throws -> String {
            let d = try Self.tempDir(["vader_lexicon.txt": "good\t1.9\n", "emoji_utf8_lexicon.txt": "😀\tgrinning face\n",
                                      "software.tsv": text])
            return Self.error { _ = try Lexicon.load(directory: d) }
        }
        #expect(try overlayError("# c\nbug\t-1\n").hasSuffix("software.tsv:2: error: expected 3 fields term<TAB>valence<TAB>note, found 2"))
        #expect(try overlayError("bug\tx\tnote\n").hasSuffix("software.tsv:1: error: field 'valence': expected a number in -4...4, found 'x'"))
        #expect(try overlayError("bug\t7\tnote\n").contains("software.tsv:1: error: field 'valence'"))
        #expect(try overlayError("bug\t-1\t \t\n").hasSuffix("software.tsv:1: error: expected 3 fields term<TAB>valence<TAB>note, found 2"),
                "a blank note is trimmed away with the line's trailing white space")
        #expect(try overlayError("bug\t-1\ta\nBug\t-2\tb\n").hasSuffix("software.tsv:2: error: term 'Bug' already defined on line 1"))
        #expect(try overlayError("bug\t-1\ta defect\n") == "")
    }

    @Test func overlayIsOptional() throws {
        let d = try Self.tempDir(["vader_lexicon.txt": "good\t1.9\n", "emoji_utf8_lexicon.txt": "😀\tgrinning face\n"])
        let l = try Lexicon.load(directory: d)
        #expect(l.overlay.isEmpty && l.valences == ["good": 1.9])
    }

    @Test func acronymsAndPhrases() {
        #expect(OverlayEntry(term: "CVE", valence: -1, note: "n").isAcronym)
        #expect(OverlayEntry(term: "CVEs", valence: -1, note: "n").isAcronym == false)
        #expect(OverlayEntry(term: "use after free", valence: -1, note: "n").words == ["use", "after", "free"])
    }
}
