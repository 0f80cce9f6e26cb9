import TextProcessing
import ThreadModel

/// The readable text of a mail body: MIME parts walked without recursion.
enum MailBody {
    struct Note { var code: String; var message: String }
    struct Text {
        var text: String
        var invalid: Bool
        /// Where the first invalid byte was, as an offset into the message body given to `text(headers:body:)`:
        /// exact for unencoded parts, the start of the decoded line for quoted-printable, the part's first
        /// line for base64.
        var invalidAt: Int? = nil
    }
    typealias Part = (headers: [(name: String, value: String)], body: [UInt8], offset: Int)

    /// The first `text/plain` part in document order, else the first `text/html` part as text.
    static func text(headers: [(name: String, value: String)], body: [UInt8]) -> (Text, [Note]) {
        var notes: [Note] = []
        var stack: [Part] = [(headers, body, 0)]
        var html: Text? = nil
        var visited = 0
        while let part = stack.popLast() {
            visited += 1
            if visited > 1000 { notes.append(Note(code: "mime-too-many-parts", message: "more than 1000 MIME parts; the rest ignored")); break }
            let ct = MIME.contentType(part.headers.first { $0.name == "content-type" }?.value)
            if ct.type.hasPrefix("multipart/") {
                guard let boundary = ct.params["boundary"], !boundary.isEmpty else {
                    notes.append(Note(code: "mime-boundary", message: "multipart message without a boundary; read as text"))
                    return (decoded(part, ct.params["charset"], &notes), notes)
                }
                let parts = split(part.body, boundary: boundary).map { ($0.headers, $0.body, $0.offset + part.offset) }
                if parts.isEmpty { notes.append(Note(code: "mime-boundary", message: "no part found for boundary '\(boundary)'")) }
                for p in parts.reversed() { stack.append(p) }
                continue
            }
            let disposition = part.headers.first { $0.name == "content-disposition" }?.value.lowercased() ?? ""
            if disposition.hasPrefix("attachment") { continue }
            if ct.type == "text/plain" {
                return (decoded(part, ct.params["charset"], &notes), notes)
            }
            if ct.type == "text/html", html == nil {
                let t = decoded(part, ct.params["charset"], &notes)
                html = Text(text: HTMLText.toText(t.text), invalid: t.invalid, invalidAt: t.invalidAt)
            }
        }
        if let html { return (html, notes) }
        notes.append(Note(code: "no-text-part", message: "no text/plain or text/html part; body left empty"))
        return (Text(text: "", invalid: false), notes)
    }

    /// A part's body with its transfer encoding and charset undone.
    static func decoded(_ part: Part, _ charset: String?, _ notes: inout [Note]) -> Text {
        let (headers, body) = (part.headers, part.body)
        let cte = headers.first { $0.name == "content-transfer-encoding" }?.value.lowercased().trimmingSpaces ?? ""
        var bytes = body
        switch cte {
        case "quoted-printable": bytes = MIME.quotedPrintable(body)
        case "base64":
            if let b = MIME.base64(body) { bytes = b } else {
                notes.append(Note(code: "bad-base64", message: "a base64 part holds characters outside base64; kept undecoded"))
            }
        default: break
        }
        var unknown = false
        var invalid = false
        let text: String
        if charset == nil || ["utf-8", "utf8", "us-ascii", "ascii"].contains(charset?.lowercased() ?? "") {
            text = UTF8Text.decode(bytes, 0..<bytes.count, invalid: &invalid)
        } else {
            text = MIME.decode(bytes, charset: charset ?? "", unknown: &unknown)
        }
        if unknown { notes.append(Note(code: "unknown-charset", message: "charset '\(charset ?? "")' is not supported; read as UTF-8")) }
        var at: Int? = nil
        if invalid, let k = bytes.withUnsafeBufferPointer({ UTF8Text.firstInvalid($0) }) {
            switch cte {
            case "quoted-printable": at = part.offset + quotedPrintableLineStart(body, decodedLine: bytes[..<k].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
            case "base64": at = part.offset
            default: at = part.offset + k
            }
        }
        return Text(text: text, invalid: invalid, invalidAt: at)
    }

    /// The offset in a quoted-printable body of the line that decodes to line `decodedLine` (0-based):
    /// soft line breaks (`=` at the end of a line) continue a decoded line on the next raw line.
    static func quotedPrintableLineStart(_ body: [UInt8], decodedLine: Int) -> Int {
        var line = 0
        var i = 0
        while line < decodedLine, let nl = UTF8Text.firstIndex(of: 0x0A, in: body, from: i, to: body.count) {
            var e = nl
            while e > i, body[e - 1] == 0x20 || body[e - 1] == 0x09 || body[e - 1] == 0x0D { e -= 1 }
            if !(e > i && body[e - 1] == 0x3D) { line += 1 }
            i = nl + 1
        }
        return min(i, body.count)
    }

    /// The parts between `--boundary` lines, each split into headers and body.
    /// Offsets are those of each part's body in `body`.
    static func split(_ body: [UInt8], boundary: String) -> [Part] {
        let marker = Array(("--" + boundary).utf8)
        var parts: [Part] = []
        var lineStart = 0
        var partStart: Int? = nil
        var i = 0
        while i <= body.count {
            if i == body.count || body[i] == 0x0A {
                let line = body[lineStart..<i]
                if line.starts(with: marker) {
                    let rest = line.dropFirst(marker.count)
                    if let s = partStart { parts.append(part(Array(body[s..<max(s, lineStart - 1)]), at: s)) }
                    if rest.starts(with: [0x2D, 0x2D]) { partStart = nil; break }
                    partStart = i + 1
                }
                lineStart = i + 1
            }
            i += 1
        }
        if let s = partStart, s < body.count { parts.append(part(Array(body[s...]), at: s)) }
        return parts
    }

    /// A part's headers and body; `offset` is where `bytes` starts in the enclosing body.
    static func part(_ bytes: [UInt8], at offset: Int) -> Part {
        var lines: [[UInt8]] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                if i == start { return (MIME.headers(lines), Array(bytes[(i + 1)...]), offset + i + 1) }
                lines.append(Array(bytes[start..<i]))
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...])) }
        return (MIME.headers(lines), [], offset + bytes.count)
    }
}
