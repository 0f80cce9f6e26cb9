import ThreadModel

/// Rule "sarcasm": an explicit sarcasm tag turns the comment's own evidence around.
///
/// weight = −2 × Σ wᵢ of the evidence found so far, so the raw sum R becomes −R.
///
/// Only the explicit tags writers use to mark irony count: "/s" (or "/sarcasm") as the last word
/// of the commenter's own text. Unmarked sarcasm ("Sure, because C never had a buffer overflow")
/// is not detected: guessing irony from tone would flip as many sincere comments as ironic ones.
enum SarcasmRule {
    static let name = "sarcasm"

    /// The tag and where it stands, when the commenter's own text ends with one.
    static func tag(_ v: CommentView) -> Span? {
        guard let last = v.sentences.last else { return nil }
        var end = min(last.span.end, v.bytes.count)
        while end > 0, [0x20, 0x0A, 0x0D, 0x09, 0x2E, 0x21].contains(v.bytes[end - 1]) { end -= 1 }
        for t in ["/sarcasm", "/s"] {
            let u = Array(t.utf8)
            guard end >= u.count, Array(v.bytes[(end - u.count)..<end]) == u else { continue }
            let start = end - u.count
            // "/s" must stand alone: not the tail of a path such as "/usr/bin/s".
            if start == 0 || [0x20, 0x0A, 0x09, 0x2E, 0x21, 0x3F].contains(v.bytes[start - 1]) {
                return Span(start, end)
            }
        }
        return nil
    }

    static func evidence(flipping found: [StanceEvidence], tag: Span) -> StanceEvidence {
        let r = found.reduce(0) { $0 + $1.weight }
        return .raw(name, "/s", tag, -2 * r, note: "marked as sarcasm: the words mean the opposite")
    }
}
