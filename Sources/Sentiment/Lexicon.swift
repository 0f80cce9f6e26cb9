import Foundation

/// The word lists sentiment scoring reads: word valences (-4...4), emoji descriptions and the domain overlay.
///
/// File formats (all UTF-8, one entry a line):
/// - `vader_lexicon.txt`: `token<TAB>mean<TAB>sd<TAB>[ratings]`; only the first two fields are used.
/// - `emoji_utf8_lexicon.txt`: `emoji<TAB>description`; an emoji is replaced by its description before scoring.
/// - `software.tsv`: `term<TAB>valence<TAB>note`, `#` comments allowed (see ``OverlayEntry``).
///
/// As in vaderSentiment, a token that appears twice keeps its last value, and blank lines are skipped.
public struct Lexicon: Sendable {
    /// Token (as written in the file) to mean valence.
    public var valences: [String: Double]
    /// Emoji (as written in the file) to its textual description.
    public var emoji: [String: String]
    /// Domain entries used by the default mode only, in file order.
    public var overlay: [OverlayEntry]

    public init(valences: [String: Double], emoji: [String: String] = [:], overlay: [OverlayEntry] = []) {
        self.valences = valences
        self.emoji = emoji
        self.overlay = overlay
    }

    /// The file names `load(directory:)` reads.
    public static let lexiconFile = "vader_lexicon.txt"
    public static let emojiFile = "emoji_utf8_lexicon.txt"
    public static let overlayFile = "software.tsv"

    /// Loads the bundled lexicons from a data directory (the pipeline passes `data/lexicons`).
    ///
    /// - Throws: ``LexiconError`` naming the file and line of the first malformed entry, or a missing file.
    ///   The overlay is optional: a directory without `software.tsv` gives an empty overlay.
    public static func load(directory: String) throws -> Lexicon {
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        let valences = try parseValences(read(path(lexiconFile)), path: path(lexiconFile))
        let emoji = try parseEmoji(read(path(emojiFile)), path: path(emojiFile))
        let overlayPath = path(overlayFile)
        let overlay = FileManager.default.fileExists(atPath: overlayPath)
            ? try OverlayEntry.parse(read(overlayPath), path: overlayPath) : []
        return Lexicon(valences: valences, emoji: emoji, overlay: overlay)
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(path: path, line: 0, message: "cannot read file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError(path: path, line: 0, message: "file is not valid UTF-8")
        }
        return text
    }

    /// Lines with their 1-based numbers, each trimmed of surrounding white space; blank lines dropped.
    /// Fields are slices of `text` (no copy per line).
    static func lines(_ text: String) -> [(number: Int, fields: [Substring])] {
        var out: [(Int, [Substring])] = []
        var number = 0
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let line = trimmed(Substring(raw))
            if line.isEmpty { continue }
            // Split on the tab byte: splitting the Substring would walk grapheme clusters.
            out.append((number, line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }))
        }
        return out
    }

    /// `s` without leading and trailing white space: Unicode's White_Space characters and U+200B (zero
    /// width space), exactly the set of Foundation's `.whitespacesAndNewlines` on Linux (checked over every
    /// scalar); with `newlines: false`, that of `.whitespaces` (no U+000A...U+000D, U+0085, U+2028, U+2029). Foundation's trimming cost most of the lexicons'
    /// load time (a few hundred ms for 7,500 lines) through a bridged string per line.
    static func trimmed(_ s: Substring, newlines: Bool = true) -> Substring {
        func isSpace(_ c: Unicode.Scalar) -> Bool {
            guard c.properties.isWhitespace || c.value == 0x200B else { return false }
            return newlines || !((0x0A...0x0D).contains(c.value) || c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029)
        }
        let scalars = s.unicodeScalars
        var lo = scalars.startIndex, hi = scalars.endIndex
        while lo < hi, isSpace(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo, isSpace(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        return Substring(scalars[lo..<hi])
    }

    /// Parses `token<TAB>mean...` lines.
    public static func parseValences(_ text: String, path: String) throws -> [String: Double] {
        var out: [String: Double] = [:]
        for (number, fields) in lines(text) {
            guard fields.count >= 2 else {
                throw LexiconError(path: path, line: number, message: "field 'mean' is missing (expected token<TAB>mean)")
            }
            guard let value = Double(trimmed(fields[1], newlines: false)), value.isFinite else {
                throw LexiconError(path: path, line: number,
                                   message: "field 'mean': expected a number, found '\(fields[1])'")
            }
            out[String(fields[0])] = value
        }
        return out
    }

    /// Parses `emoji<TAB>description` lines.
    public static func parseEmoji(_ text: String, path: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for (number, fields) in lines(text) {
            guard fields.count >= 2, !fields[1].isEmpty else {
                throw LexiconError(path: path, line: number,
                                   message: "field 'description' is missing (expected emoji<TAB>description)")
            }
            out[String(fields[0])] = String(fields[1])
        }
        return out
    }
}

/// A malformed or unreadable lexicon file: `path:line: error: message`.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based; 0 when the whole file is meant.
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(path):\(line): error: \(message)" : "\(path): error: \(message)" }
}
