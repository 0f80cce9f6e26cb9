import ThreadModel

/// Escaping for HTML text and attribute values.
///
/// Both contexts escape the same five characters (`& < > " '`), so a value is safe wherever it lands
/// as long as attributes are always double-quoted (they are, everywhere in this module). Control
/// characters other than tab and line feed, and bidi controls, are dropped so they cannot reorder or
/// hide what follows them.
public enum HTML {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(u)
            default:
                let v = u.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || TextCell.isBidiControl(v) { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A span of highlighted text: the byte range, and the tooltip that explains it.
    public struct Highlight: Sendable, Hashable {
        public var span: Span
        public var note: String
        public init(span: Span, note: String) {
            self.span = span
            self.note = note
        }
    }

    /// `text` escaped, with each highlight wrapped in `<mark title="note">`.
    ///
    /// Spans are UTF-8 byte offsets: they are clamped to the text, widened to whole scalars, sorted,
    /// and overlapping ones merged (their notes joined with `; `), so the markup always nests correctly.
    public static func highlighted(_ text: String, _ highlights: [Highlight]) -> String {
        let bytes = Array(text.utf8)
        let n = bytes.count
        func isContinuation(_ i: Int) -> Bool { i < n && i > 0 && bytes[i] & 0xC0 == 0x80 }
        var marks: [(start: Int, end: Int, note: String)] = []
        for h in highlights.sorted(by: { ($0.span, $0.note) < ($1.span, $1.note) }) {
            var a = max(0, min(h.span.start, n)), b = max(a, min(h.span.end, n))
            while isContinuation(a) { a -= 1 }
            while isContinuation(b) { b += 1 }
            guard a < b else { continue }
            if let last = marks.last, a < last.end {
                marks[marks.count - 1] = (last.start, max(last.end, b), last.note + "; " + h.note)
            } else {
                marks.append((a, b, h.note))
            }
        }
        var out = ""
        var pos = 0
        func piece(_ lo: Int, _ hi: Int) -> String { escape(String(decoding: bytes[lo..<hi], as: UTF8.self)) }
        for m in marks {
            out += piece(pos, m.start)
            out += "<mark title=\"\(escape(m.note))\">" + piece(m.start, m.end) + "</mark>"
            pos = m.end
        }
        return out + piece(pos, n)
    }
}
