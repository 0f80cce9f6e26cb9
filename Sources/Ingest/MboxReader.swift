import TextProcessing
import ThreadModel

/// Mailing-list archives in mbox format (mboxo/mboxrd), streamed message by message.
///
/// A message starts at a `From ` line at the top of the file or after a blank line (a file that starts
/// with mail headers is one message); `>From ` escapes in bodies are undone. Each message is a comment:
/// id = Message-ID (without `<>`), author = the From display name (RFC 2047 words decoded), time = Date,
/// title = Subject. The body is the first `text/plain` part (else `text/html`, converted), with its
/// transfer encoding (quoted-printable, base64) and charset decoded; see `MIME`.
///
/// Threading: the parent is In-Reply-To when that message is in the file, else the last References id
/// that is. A message whose ancestors are not in the file belongs to the thread of its first References
/// id (or In-Reply-To): the missing root. Replies to it are top-level, reported once per thread as
/// `missing-root` (not as orphans: archives split by month cut threads all the time). A message longer
/// than `maxRecordBytes` is skipped.
///
/// Memory: each message becomes its finished comment as soon as its last line is read, and only its
/// reply headers (as interned numbers) wait for the end of the file (`MailThreading`); the file, the raw
/// messages and the decoded bodies are never held together.
struct MboxReader {
    struct Message {
        var line: Int
        var bytes: [UInt8] = []
        var lineStarts: [Int] = []
        /// The file line of `bytes`' first line (the `From ` line is not kept).
        var firstLine = 0
        var tooLong = false

        /// The file line holding byte `offset` of `bytes`.
        func fileLine(ofOffset offset: Int) -> Int {
            // The last line starting at or before `offset`: a binary search over the sorted starts.
            var lo = 0, hi = lineStarts.count
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if lineStarts[mid] <= offset { lo = mid } else { hi = mid }
            }
            return lineStarts.isEmpty ? line : firstLine + lo
        }
    }

    func read(path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        var threading = MailThreading()
        // The line buffer is gone once the messages are read: it is not part of the threading peak.
        if try !readMessages(path: path, into: &threading, context: &context) {
            try context.skip(line: 0, code: "empty-file", "the file holds no messages")
        }
        return try threading.threads(path: path, context: &context)
    }

    /// Reads every message into `threading` as a finished comment; returns whether there was any.
    func readMessages(path: String, into threading: inout MailThreading, context: inout ReadContext) throws -> Bool {
        // 256 KB chunks: as fast as larger ones here, and the buffer is part of the peak that mail keeps low.
        var lines = try LineReader(path: path, maxLineBytes: context.options.maxRecordBytes, chunkSize: 1 << 18)
        var current: Message? = nil
        var previousBlank = true
        var sawAny = false
        func finish(_ m: Message?, _ context: inout ReadContext, _ threading: inout MailThreading) throws {
            guard let m else { return }
            if m.tooLong {
                try context.skip(line: m.line, code: "message-too-long",
                                 "message exceeds the \(context.options.maxRecordBytes)-byte record limit; skipped")
                return
            }
            // The comment is finished now; the raw message and the draft go with this scope.
            guard var mail = try parse(m, context: &context) else { return }
            if let title = mail.draft.title { mail.draft.title = threading.sharedSubject(title) }
            threading.add(CommentFactory.make(mail.draft, threadID: "", context: &context),
                          inReplyTo: mail.inReplyTo, references: mail.references)
        }
        while let line = try lines.next() {
            switch line {
            case .tooLong(let number, _):
                if current == nil { current = Message(line: number) }
                current?.tooLong = true
                previousBlank = false
            case .text(let bytes, let range, let number):
                let isFrom = range.count >= 5 && bytes[range.lowerBound..<(range.lowerBound + 5)].elementsEqual([0x46, 0x72, 0x6F, 0x6D, 0x20])
                if isFrom, previousBlank {
                    try finish(current, &context, &threading)
                    current = Message(line: number)
                    previousBlank = false
                    sawAny = true
                    continue
                }
                if current == nil {
                    if isBlank(bytes, range) { continue }
                    current = Message(line: number)
                    sawAny = true
                }
                previousBlank = isBlank(bytes, range)
                guard var m = current, !m.tooLong else { continue }
                current = nil  // keep the buffer uniquely referenced while appending
                var r = range
                // mboxrd: ">From " and ">>From " lose one '>'.
                if r.count >= 6, bytes[r.lowerBound] == 0x3E {
                    var k = r.lowerBound
                    while k < r.upperBound, bytes[k] == 0x3E { k += 1 }
                    if r.upperBound - k >= 5, bytes[k..<(k + 5)].elementsEqual([0x46, 0x72, 0x6F, 0x6D, 0x20]) {
                        r = (r.lowerBound + 1)..<r.upperBound
                    }
                }
                if m.lineStarts.isEmpty { m.firstLine = number }
                m.lineStarts.append(m.bytes.count)
                m.bytes.append(contentsOf: bytes[r])
                m.bytes.append(0x0A)
                if m.bytes.count > context.options.maxRecordBytes {
                    m.tooLong = true
                    m.bytes = []
                    m.lineStarts = []
                }
                current = m
            }
        }
        try finish(current, &context, &threading)
        return sawAny
    }

    /// Headers and body of one message into a draft.
    func parse(_ m: Message, context: inout ReadContext) throws -> (draft: CommentDraft, inReplyTo: String?, references: [String])? {
        var headerLines: [[UInt8]] = []
        var bodyStart = m.bytes.count
        for (k, start) in m.lineStarts.enumerated() {
            let end = k + 1 < m.lineStarts.count ? m.lineStarts[k + 1] - 1 : m.bytes.count - 1
            if end <= start { bodyStart = end + 1; break }
            headerLines.append(Array(m.bytes[start..<end]))
        }
        let headers = MIME.headers(headerLines)
        func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }
        guard headers.contains(where: { $0.name == "from" || $0.name == "message-id" || $0.name == "subject" }) else {
            try context.skip(line: m.line, code: "bad-message", "no mail headers (From, Message-ID or Subject) found")
            return nil
        }
        let body = bodyStart < m.bytes.count ? Array(m.bytes[bodyStart...]) : []
        let (text, notes) = MailBody.text(headers: headers, body: body)
        for note in notes { context.warn(line: m.line, code: note.code, note.message) }
        let id = MIME.messageIDs(header("message-id")).first ?? {
            context.warn(line: m.line, field: "Message-ID", code: "missing-message-id", "no Message-ID; using the line number as id")
            return "line-\(m.line)"
        }()
        var d = CommentDraft(id: id, rawText: text.text, line: m.line)
        d.author = MIME.author(header("from"))
        d.title = header("subject").map(MIME.decodeWords)
        if let date = header("date") {
            d.postedAt = (Dates.rfc2822(date) ?? Dates.parse(date)).flatMap { Dates.plausible($0) ? $0 : nil }
            if d.postedAt == nil {
                context.warn(line: m.line, field: "Date", code: "bad-time", "'\(date.prefix(60))' is not a mail date; time left empty")
            }
        }
        if text.invalid {
            d.flags.append(.invalidUTF8)
            context.warn(line: m.fileLine(ofOffset: bodyStart + (text.invalidAt ?? 0)), field: "text", code: "invalid-utf8",
                         "invalid UTF-8 replaced with U+FFFD")
        }
        return (d, MIME.messageIDs(header("in-reply-to")).first, MIME.messageIDs(header("references")))
    }

    /// A subject without its reply and forward prefixes (`Re:`, `RE:`, `Aw:`, `Fwd:`).
    static func baseSubject(_ s: String) -> String {
        var t = Substring(s.trimmingSpaces)
        while let colon = t.firstIndex(of: ":"), ["re", "aw", "fwd", "fw", "sv", "antw"].contains(t[..<colon].lowercased()) {
            t = t[t.index(after: colon)...].drop(while: { $0 == " " })
        }
        return String(t)
    }
}
