/// Turns the small HTML subset that comment sites emit into plain text.
///
/// Rules: `<p>`, `<div>` and `</p>` start a new paragraph (a blank line); `<br>` and `<li>` a new line;
/// `<pre>` keeps its white space, elsewhere runs of white space collapse to one space; `<a href=U>T</a>`
/// becomes `T`, or `U` when `T` is `U` shortened with `...` (Hacker News does this); `<blockquote>` content
/// gets `> ` line prefixes so that quote detection treats it like an e-mail quote; every other tag is
/// dropped and its text kept. Entities are decoded after the tags are removed, so `&lt;p&gt;` stays text.
///
/// Design notes: a real HTML parser would accept more, but comment dumps use a dozen tags and a full
/// parser is a large dependency; an unknown or broken tag (`a < b`) is kept as literal text.
public enum HTMLText {
    /// Whether the text looks like it holds markup or entities at all.
    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        bytes.contains(0x3C) || bytes.contains(0x26)
    }

    public static func toText(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard looksLikeHTML(bytes) else { return html }
        return String(decoding: toText(bytes), as: UTF8.self)
    }

    public static func toText(_ bytes: [UInt8]) -> [UInt8] {
        var w = Writer()
        w.out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        var linkHref: [UInt8]? = nil
        var linkTextStart = 0
        var textStart = 0
        func flushText(_ end: Int, _ w: inout Writer) {
            if end > textStart {
                var decoded: [UInt8] = []
                HTMLEntities.decode(bytes, textStart..<end, into: &decoded)
                w.text(decoded)
            }
        }
        while i < n {
            guard bytes[i] == 0x3C, let tag = Tag.parse(bytes, at: i) else {
                i += 1
                continue
            }
            flushText(i, &w)
            switch tag.name {
            case "p", "div":
                w.paragraph()
            case "br":
                w.newline()
            case "li":
                if !tag.closing { w.newline(); w.text(Array("- ".utf8)) }
            case "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table":
                w.newline()
            case "pre":
                w.paragraph()
                w.pre = !tag.closing
            case "blockquote":
                w.paragraph()
                w.quoteDepth = max(0, w.quoteDepth + (tag.closing ? -1 : 1))
            case "a":
                if tag.closing {
                    if let href = linkHref, linkTextStart <= w.out.count {
                        let shown = Array(w.out[linkTextStart...])
                        if shown.count >= 3, shown.suffix(3) == [0x2E, 0x2E, 0x2E] || shown.suffix(3) == [0xE2, 0x80, 0xA6],
                           href.starts(with: shown.dropLast(3)) {
                            w.out.removeSubrange(linkTextStart...)
                            w.text(href)
                        }
                    }
                    linkHref = nil
                } else {
                    linkHref = tag.href.map { h in
                        var d: [UInt8] = []
                        HTMLEntities.decode(h, 0..<h.count, into: &d)
                        return d
                    }
                    w.flushSpace()
                    linkTextStart = w.out.count
                }
            default:
                break
            }
            i = tag.end
            textStart = i
        }
        flushText(n, &w)
        while let last = w.out.last, last == 0x20 || last == 0x0A { w.out.removeLast() }
        return w.out
    }

    /// Output with white-space collapsing, paragraph breaks and quote prefixes.
    struct Writer {
        var out: [UInt8] = []
        var pre = false
        var quoteDepth = 0
        var pendingSpace = false
        var atLineStart = true

        mutating func startLine() {
            if atLineStart {
                for _ in 0..<quoteDepth { out.append(0x3E); out.append(0x20) }
                atLineStart = false
            }
        }
        mutating func flushSpace() {
            if pendingSpace, !atLineStart { out.append(0x20) }
            pendingSpace = false
        }
        mutating func text(_ bytes: [UInt8]) {
            for b in bytes {
                if pre {
                    if b == 0x0A { out.append(b); atLineStart = true; continue }
                    startLine()
                    out.append(b)
                } else if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                    pendingSpace = true
                } else {
                    if atLineStart { pendingSpace = false }
                    startLine()
                    flushSpace()
                    out.append(b)
                }
            }
        }
        mutating func newline() {
            pendingSpace = false
            if !out.isEmpty, out.last != 0x0A { out.append(0x0A) }
            atLineStart = true
        }
        mutating func paragraph() {
            pendingSpace = false
            guard !out.isEmpty else { atLineStart = true; return }
            if out.last != 0x0A { out.append(0x0A) }
            if out.count < 2 || out[out.count - 2] != 0x0A { out.append(0x0A) }
            atLineStart = true
        }
    }

    /// One parsed tag: its lower-cased name, whether it closes, and an `href` if present.
    struct Tag {
        var name: String
        var closing: Bool
        var href: [UInt8]?
        var end: Int

        static func parse(_ b: [UInt8], at start: Int) -> Tag? {
            var i = start + 1
            let n = b.count
            var closing = false
            if i < n, b[i] == 0x2F { closing = true; i += 1 }
            let nameStart = i
            while i < n, ((b[i] | 0x20) >= 0x61 && (b[i] | 0x20) <= 0x7A) || (i > nameStart && b[i] >= 0x30 && b[i] <= 0x39) { i += 1 }
            guard i > nameStart, i - nameStart <= 10 else { return nil }
            let name = String(decoding: b[nameStart..<i].map { $0 | 0x20 }, as: UTF8.self)
            guard i < n, b[i] == 0x3E || b[i] == 0x20 || b[i] == 0x2F || b[i] == 0x0A || b[i] == 0x09 else { return nil }
            var href: [UInt8]? = nil
            // Scan attributes to the closing '>', honouring quotes.
            while i < n, b[i] != 0x3E {
                if b[i] == 0x22 || b[i] == 0x27 {
                    let q = b[i]
                    let vStart = i + 1
                    i += 1
                    while i < n, b[i] != q { i += 1 }
                    guard i < n else { return nil }
                    if name == "a", vStart - 6 >= nameStart,
                       b[(vStart - 6)..<(vStart - 1)].map({ $0 | 0x20 }) == Array("href=".utf8) {
                        href = Array(b[vStart..<i])
                    }
                }
                i += 1
                if i - start > 4096 { return nil }
            }
            guard i < n else { return nil }
            return Tag(name: name, closing: closing, href: href, end: i + 1)
        }
    }
}
