/// One entry of the domain overlay lexicon (`data/lexicons/software.tsv`): `term<TAB>valence<TAB>note`.
///
/// - `term`: a word or a phrase of words separated by single spaces. A phrase is matched on whole tokens
///   and scored as one unit at its first word; its words then count once, not one by one.
///   A term written in capitals (`CVE`, `UB`) is an acronym: written that way it is not shouting, so it
///   never gets the ALL-CAPS emphasis.
/// - `valence`: -4...4 on the VADER scale; 0 removes a word's everyday valence.
/// - `note`: why the entry exists (required: an overlay entry without a reason is not reviewable).
///
/// The default mode applies the overlay on top of the VADER lexicon; the vader mode ignores it.
public struct OverlayEntry: Sendable, Hashable, Codable {
    public var term: String
    public var valence: Double
    public var note: String
    /// 1-based line in the overlay file (0 when built in code).
    public var line: Int

    public init(term: String, valence: Double, note: String, line: Int = 0) {
        self.term = term
        self.valence = valence
        self.note = note
        self.line = line
    }

    /// The lower-case words of the term.
    public var words: [String] { term.lowercased().split(separator: " ").map(String.init) }

    /// Whether the term is written as an acronym (all letters upper case, at least one letter).
    public var isAcronym: Bool {
        term.contains { $0.isLetter } && !term.contains { $0.isLowercase }
    }

    /// Parses an overlay file; `#` starts a comment line.
    public static func parse(_ text: String, path: String) throws -> [OverlayEntry] {
        var out: [OverlayEntry] = []
        var seen: [String: Int] = [:]
        for (number, fields) in Lexicon.lines(text) {
            if fields[0].hasPrefix("#") { continue }
            guard fields.count == 3 else {
                throw LexiconError(path: path, line: number,
                                   message: "expected 3 fields term<TAB>valence<TAB>note, found \(fields.count)")
            }
            let term = fields[0].split(separator: " ").joined(separator: " ")
            guard !term.isEmpty else { throw LexiconError(path: path, line: number, message: "field 'term' is empty") }
            guard let v = Double(Lexicon.trimmed(fields[1], newlines: false)), v.isFinite, (-4...4).contains(v) else {
                throw LexiconError(path: path, line: number,
                                   message: "field 'valence': expected a number in -4...4, found '\(fields[1])'")
            }
            let note = String(Lexicon.trimmed(fields[2], newlines: false))
            guard !note.isEmpty else { throw LexiconError(path: path, line: number, message: "field 'note' is empty") }
            let key = term.lowercased()
            if let first = seen[key] {
                throw LexiconError(path: path, line: number, message: "term '\(term)' already defined on line \(first)")
            }
            seen[key] = number
            out.append(OverlayEntry(term: term, valence: v, note: note, line: number))
        }
        return out
    }
}
