/// Encodes generated comments as JSONL records, mbox messages or plain lines, appending to `buffer`.
struct RecordEncoder {
    let format: CorpusFormat
    var buffer: [UInt8] = []

    init(format: CorpusFormat) {
        self.format = format
        buffer.reserveCapacity(5 << 20)
    }

    mutating func append(_ c: DraftComment, in thread: DraftThread) {
        switch format {
        case .jsonl: appendJSONL(c, thread)
        case .mbox: appendMbox(c, thread)
        case .lines:
            for b in c.text { buffer.append(b == 0x0A ? 0x20 : b) }
            buffer.append(0x0A)
        }
    }

    private mutating func put(_ s: String) { buffer += s.utf8 }

    private mutating func appendJSONL(_ c: DraftComment, _ t: DraftThread) {
        put("{\"thread\":\"t\(t.index)\",\"id\":\"\(c.id)\"")
        if let p = c.parent { put(",\"parent\":\"\(p)\"") }
        put(",\"author\":\"\(Self.handle(c.author))\",\"time\":\(c.time),\"score\":\(c.score)")
        if c.id == t.firstID { put(",\"title\":\"\(t.title)\"") }
        put(",\"text\":\"")
        for b in c.text {
            switch b {
            case UInt8(ascii: "\""): buffer += [0x5C, 0x22]
            case UInt8(ascii: "\\"): buffer += [0x5C, 0x5C]
            case 0x0A: buffer += [0x5C, UInt8(ascii: "n")]
            default: buffer.append(b)
            }
        }
        put("\"}\n")
    }

    /// One message: From line, headers (Subject, Date, Message-ID, In-Reply-To, References), an
    /// attribution line before a quote, the body wrapped at 72 columns, `>From ` escaping.
    private mutating func appendMbox(_ c: DraftComment, _ t: DraftThread) {
        let root = t.firstID
        let handle = Self.handle(c.author)
        put("From \(handle)@example.org \(MailDate.fromLine(c.time))\n")
        put("From: \(Self.displayName(c.author)) <\(handle)@example.org>\n")
        put("Subject: \(c.id == root ? "" : "Re: ")\(t.title) [\(t.index)]\n")
        put("Date: \(MailDate.rfc2822(c.time))\n")
        put("Message-ID: <\(c.id)@bench.example.org>\n")
        if c.id != root {
            // Top-level comments answer the thread's first message, so the mail thread holds them all.
            let parent = c.parent ?? root
            put("In-Reply-To: <\(parent)@bench.example.org>\n")
            put("References: <\(root)@bench.example.org>\(parent == root ? "" : " <\(parent)@bench.example.org>")\n")
        }
        put("\n")
        if c.quotesParent { put("On \(MailDate.rfc2822(c.time - 60)), someone wrote:\n") }
        var lineStart = true
        var inQuote = false
        var column = 0
        var lastSpace: Int?
        let from = Array("From ".utf8)
        for (i, b) in c.text.enumerated() {
            if lineStart {
                // A body line starting "From " would end the message: escape it as mbox does. (No phrase
                // holds " From ", so lines made by wrapping never start with it.)
                if c.text[i...].starts(with: from) { buffer.append(UInt8(ascii: ">")) }
                inQuote = b == UInt8(ascii: ">")
                lineStart = false
            }
            if b == 0x0A {
                buffer.append(b)
                lineStart = true
                column = 0
                lastSpace = nil
                continue
            }
            buffer.append(b)
            column += 1
            if b == 0x20 { lastSpace = buffer.count - 1 }
            if column > 72, let s = lastSpace {
                buffer[s] = 0x0A
                // A wrapped quote line stays a quote line.
                if inQuote { buffer.insert(contentsOf: [UInt8(ascii: ">"), 0x20], at: s + 1) }
                column = buffer.count - 1 - s
                lastSpace = nil
            }
        }
        put("\n\n")
    }

    static func handle(_ author: Int) -> String { "u\(author)" }

    static func displayName(_ author: Int) -> String {
        let given = Phrases.givenNames[author % Phrases.givenNames.count]
        let family = Phrases.familyNames[(author / Phrases.givenNames.count) % Phrases.familyNames.count]
        return "\(given) \(family)"
    }
}

/// Mail dates from epoch seconds, without Foundation's formatters (which are slow and locale-bound).
enum MailDate {
    static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func parts(_ t: Int) -> (String, Int, String, Int, String) {
        let dayCount = t / 86_400, s = t % 86_400
        let (y, m, d) = civil(dayCount)
        return (days[dayCount % 7], d, months[m - 1], y, "\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))")
    }

    /// `Thu, 11 Dec 2025 10:10:00 +0000`
    static func rfc2822(_ t: Int) -> String {
        let (w, d, m, y, hms) = parts(t)
        return "\(w), \(d) \(m) \(y) \(hms) +0000"
    }

    /// `Thu Dec 11 10:10:00 2025` (the mbox From line).
    static func fromLine(_ t: Int) -> String {
        let (w, d, m, y, hms) = parts(t)
        return "\(w) \(m) \(two(d)) \(hms) \(y)"
    }
}
