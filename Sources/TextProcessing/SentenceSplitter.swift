import ThreadModel

/// Splits text into sentences, returning UTF-8 byte spans.
///
/// A first rule set: a sentence ends at `.`, `!` or `?` (runs of them included) followed by
/// white space, or at a blank line. Leading and trailing white space is not part of a span.
public enum SentenceSplitter {
    public static func split(_ text: String) -> [Span] {
        let bytes = Array(text.utf8)
        var spans: [Span] = []
        var start = 0
        var i = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func emit(_ end: Int) {
            var s = start, e = end
            while s < e, isSpace(bytes[s]) { s += 1 }
            while e > s, isSpace(bytes[e - 1]) { e -= 1 }
            if e > s { spans.append(Span(s, e)) }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x2E || b == 0x21 || b == 0x3F {  // . ! ?
                var j = i + 1
                while j < bytes.count, bytes[j] == 0x2E || bytes[j] == 0x21 || bytes[j] == 0x3F { j += 1 }
                if j == bytes.count || isSpace(bytes[j]) {
                    emit(j)
                    start = j
                }
                i = j
                continue
            }
            if b == 0x0A, i + 1 < bytes.count, bytes[i + 1] == 0x0A || (bytes[i + 1] == 0x0D) {
                emit(i)
                start = i + 1
            }
            i += 1
        }
        emit(bytes.count)
        return spans
    }
}
