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
struct MboxReader {
    struct Message {
        var line: Int
        var bytes: [UInt8] = []
        var lineStarts: [Int] = []
        var tooLong = false
    }

    struct Mail {
        var draft: CommentDraft
        var inReplyTo: String?
        var references: [String]
    }

    func read(path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        var lines = try LineReader(path: path, maxLineBytes: context.options.maxRecordBytes)
        var mails: [Mail] = []
        var current: Message? = nil
        var previousBlank = true
        var sawAny = false
        func finish(_ m: Message?, _ context: inout ReadContext) throws {
            guard let m else { return }
            if m.tooLong {
                try context.skip(line: m.line, code: "message-too-long",
                                 "message exceeds the \(context.options.maxRecordBytes)-byte record limit; skipped")
                return
            }
            if let mail = try parse(m, context: &context) { mails.append(mail) }
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
                    try finish(current, &context)
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
        try finish(current, &context)
        if !sawAny { try context.skip(line: 0, code: "empty-file", "the file holds no messages") }
        return try thread(&mails, path: path, context: &context)
    }

    /// Headers and body of one message into a draft.
    func parse(_ m: Message, context: inout ReadContext) throws -> Mail? {
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
        if text.invalid { flagInvalid(&d, context: &context) }
        return Mail(draft: d, inReplyTo: MIME.messageIDs(header("in-reply-to")).first,
                    references: MIME.messageIDs(header("references")))
    }

    /// Parents from In-Reply-To/References, threads from each message's topmost ancestor.
    func thread(_ mails: inout [Mail], path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        var index: [String: Int] = [:]
        for (k, m) in mails.enumerated() where index[m.draft.id] == nil { index[m.draft.id] = k }
        var parent = [Int](repeating: -1, count: mails.count)
        var missingRoot = [String?](repeating: nil, count: mails.count)
        for (k, m) in mails.enumerated() {
            if let r = m.inReplyTo, let p = index[r], p != k {
                parent[k] = p
            } else if let p = m.references.reversed().lazy.compactMap({ index[$0] }).first(where: { $0 != k }) {
                parent[k] = p
            } else if let root = m.references.first ?? m.inReplyTo {
                missingRoot[k] = root
            }
        }
        // Parents are known: the header lists go now, so that the comments below reuse their memory.
        for k in mails.indices {
            mails[k].references = []
            mails[k].inReplyTo = nil
        }
        // Thread of each message: its topmost ancestor's id, or that ancestor's missing root.
        var threadOf = [String?](repeating: nil, count: mails.count)
        var chain: [Int] = []
        for k in mails.indices where threadOf[k] == nil {
            chain.removeAll(keepingCapacity: true)
            var seen = Set<Int>()
            var j = k
            while threadOf[j] == nil, parent[j] >= 0, seen.insert(j).inserted {
                chain.append(j)
                j = parent[j]
            }
            let t = threadOf[j] ?? missingRoot[j] ?? mails[j].draft.id
            threadOf[j] = t
            for p in chain { threadOf[p] = t }
        }
        var collector = ThreadCollector()
        var roots = Set<String>()
        var missingCounts: [String: (line: Int, count: Int)] = [:]
        var titles: [String: String] = [:]
        var subjects: [String: String] = [:]
        for k in mails.indices {
            var d = mails[k].draft
            // The comment keeps the body (compactly); the draft's copy goes now, not at the end.
            mails[k].draft.rawText = ""
            let t = threadOf[k] ?? d.id
            if parent[k] >= 0 {
                d.parentID = mails[parent[k]].draft.id
                d.parentLink = .explicit
            } else if let root = missingRoot[k] {
                d.parentID = root
                d.parentLink = .explicit
                roots.insert(root)
                missingCounts[root, default: (d.line, 0)].count += 1
            }
            if let title = d.title {
                // Replies repeat their subject: one stored copy per distinct subject.
                if let same = subjects[title] { d.title = same } else { subjects[title] = title }
                if titles[t] == nil { titles[t] = Self.baseSubject(title) }
            }
            collector.add(CommentFactory.make(d, threadID: t, context: &context))
        }
        for (root, info) in missingCounts.sorted(by: { $0.value.line < $1.value.line }) {
            context.warn(line: info.line, field: "In-Reply-To", code: "missing-root",
                         "thread root <\(root)> is not in the file; \(info.count) repl\(info.count == 1 ? "y" : "ies") made top-level")
        }
        var threads = try collector.threads(source: .mbox, file: path, context: &context, roots: roots)
        for k in threads.indices {
            threads[k].title = titles[threads[k].id] ?? threads[k].title
            threads[k].postedAt = threads[k].comments.first?.postedAt
        }
        return threads
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
