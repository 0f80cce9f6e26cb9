/// Light Markdown clean-up for Reddit and Lemmy bodies.
///
/// Rules: HTML entities are decoded first (Reddit escapes `&gt;`, `&lt;`, `&amp;`); `[text](url)` becomes
/// `text`; emphasis markers `**`, `__`, `~~` and inline-code backticks are removed; a heading's leading
/// `#`s are removed. Quote markers (`>`) are kept: `TextLayout` turns them into quote spans.
///
/// Design notes: a CommonMark parser would also handle nested emphasis and reference links; comments
/// rarely use them and a wrong guess costs one stray `*`, not a lost sentence.
public enum MarkdownText {
    public static func toText(_ markdown: String) -> String {
        let decoded = HTMLEntities.decode(markdown)
        let b = Array(decoded.utf8)
        var needs = false
        for c in b where c == 0x5B || c == 0x2A || c == 0x5F || c == 0x7E || c == 0x60 || c == 0x23 {
            needs = true
            break
        }
        guard needs else { return decoded }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        var lineStart = true
        while i < b.count {
            let c = b[i]
            if lineStart, c == 0x23 {  // heading
                var j = i
                while j < b.count, b[j] == 0x23 { j += 1 }
                if j < b.count, b[j] == 0x20, j - i <= 6 { i = j + 1; lineStart = false; continue }
            }
            lineStart = c == 0x0A
            if c == 0x5B, let (text, next) = link(b, i) {
                out.append(contentsOf: b[text])
                i = next
                continue
            }
            if i + 1 < b.count, (c == 0x2A || c == 0x5F || c == 0x7E), b[i + 1] == c {
                i += 2
                continue
            }
            if c == 0x60 { i += 1; continue }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `[text](url)` starting at `i`: the text range and the index after the link.
    static func link(_ b: [UInt8], _ i: Int) -> (Range<Int>, Int)? {
        var j = i + 1
        while j < b.count, b[j] != 0x5D, b[j] != 0x0A { j += 1 }
        guard j + 1 < b.count, b[j] == 0x5D, b[j + 1] == 0x28 else { return nil }
        var k = j + 2
        while k < b.count, b[k] != 0x29, b[k] != 0x0A, b[k] != 0x20 { k += 1 }
        guard k < b.count, b[k] == 0x29 else { return nil }
        return ((i + 1)..<j, k + 1)
    }
}
