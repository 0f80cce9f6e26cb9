import TextProcessing
import ThreadModel

/// Reddit, in its two shapes:
/// - a thread's `.json`: a two-element array of listings, the post (`t3`) then the comments (`t1`) with
///   nested `replies` listings and `more` stubs;
/// - comment dumps as NDJSON, one comment per line (bare, or wrapped as `{"kind":"t1","data":{...}}`):
///   `id`, `parent_id` and `link_id` with `t1_`/`t3_` prefixes, `author`, `body`, `created_utc`, `score`.
///   Lines with a `title` and no `parent_id` are posts and give the thread's title, url and body.
///
/// Comments keep Reddit's bare ids (`abc123`); a `t1_` parent names a comment, a `t3_` parent makes the
/// comment top-level. The thread id is the post id. Bodies are Markdown with HTML entities. A `more`
/// stub cannot be expanded offline: it is reported as a warning with the number of comments it hides.
struct RedditReader {
    struct Meta {
        var title: String?
        var url: String?
        var body: String?
        var postedAt: Double?
    }

    static func bare(_ id: String) -> String {
        id.count > 3 && id.hasPrefix("t") && id.dropFirst(2).first == "_" && id.dropFirst().first?.isNumber == true
            ? String(id.dropFirst(3)) : id
    }

    /// Whether the first non-blank byte is `[`: a thread document, never an NDJSON dump of comments.
    static func opensWithArray(path: String) -> Bool {
        guard let head = try? FormatDetector.head(path: path) else { return false }
        return head.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == 0x5B
    }

    func read(path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        var collector = ThreadCollector()
        var metas: [String: Meta] = [:]
        var roots = Set<String>()
        // A thread's `.json` as Reddit serves it is one line holding the listing pair: still a document.
        if JSONFile.isLineDelimited(path: path, maxLineBytes: context.options.maxRecordBytes), !Self.opensWithArray(path: path) {
            try JSONFile.forEachLine(path: path, context: &context) { tape, line, context in
                var node = tape.root
                if let data = tape.member(node, "data"), tape.kind(data) == .object { node = data }
                if tape.member(node, "parent_id") == nil, tape.member(node, "title") != nil {
                    if let id = tape.str(node, "id") { metas[id] = meta(tape, node, line: line, context: &context) }
                    return
                }
                try comment(tape, node, line: line, collector: &collector, roots: &roots, context: &context)
            }
        } else if let tape = try JSONFile.parseWhole(path: path, context: &context) {
            let map = LineMap(tape.bytes)
            let listings = tape.kind(tape.root) == .array ? tape.elements(tape.root) : [tape.root]
            var stack: [Int] = []
            for listing in listings {
                for child in things(tape, listing).reversed() { stack.append(child) }
            }
            while let thing = stack.popLast() {
                let line = map.line(ofOffset: tape.nodes[thing].start)
                let kind = tape.str(thing, "kind")
                guard let data = tape.member(thing, "data") else { continue }
                switch kind {
                case "t3":
                    if let id = tape.str(data, "id") {
                        metas[id] = meta(tape, data, line: line, context: &context)
                        roots.insert(id)
                    }
                case "t1":
                    try comment(tape, data, line: line, collector: &collector, roots: &roots, context: &context)
                    if let replies = tape.present(data, "replies") {
                        // Reddit writes "no replies" as an empty string.
                        if tape.kind(replies) == .object {
                            for child in things(tape, replies).reversed() { stack.append(child) }
                        } else if !(tape.kind(replies) == .string && tape.nodes[replies].start == tape.nodes[replies].end) {
                            context.warn(line: line, field: "replies", code: "bad-type",
                                         "\(tape.typeName(replies)) where a listing was expected; replies ignored")
                        }
                    }
                case "more":
                    let count = tape.checkedInt(data, "count", code: "bad-type", line: line, context: &context) ?? 0
                    let parent = tape.str(data, "parent_id") ?? "?"
                    context.warn(line: line, code: "more-stub",
                                 "\(count) comment(s) under \(parent) were not loaded (a 'more' stub); fetch them to include them")
                default:
                    try context.skip(line: line, field: "kind", code: "unknown-kind", "unknown Reddit thing kind '\(kind ?? "null")'")
                }
            }
        }
        var threads = try collector.threads(source: .reddit, file: path, context: &context, roots: roots)
        for k in threads.indices {
            if let m = metas[threads[k].id] {
                threads[k].title = m.title
                threads[k].url = m.url
                threads[k].body = m.body
                threads[k].postedAt = m.postedAt
            }
        }
        for (id, m) in metas.sorted(by: { $0.key < $1.key }) where !threads.contains(where: { $0.id == id }) {
            threads.append(DiscussionThread(id: id, source: .reddit, title: m.title, url: m.url, body: m.body,
                                            postedAt: m.postedAt, file: path))
        }
        return threads
    }

    /// The `children` of a listing.
    func things(_ tape: JSONTape, _ listing: Int) -> [Int] {
        guard tape.kind(listing) == .object, let data = tape.member(listing, "data"),
              let children = tape.member(data, "children") else { return [] }
        return tape.elements(children)
    }

    func meta(_ tape: JSONTape, _ post: Int, line: Int, context: inout ReadContext) -> Meta {
        var m = Meta(title: tape.checkedString(post, "title", line: line, context: &context),
                     url: tape.checkedString(post, "url", line: line, context: &context))
        m.postedAt = tape.checkedTime(post, "created_utc", line: line, context: &context)
        if let body = tape.checkedString(post, "selftext", line: line, context: &context), !body.isEmpty {
            m.body = MarkdownText.toText(body)
        }
        return m
    }

    /// One comment; fields of the wrong type are reported (`JSONFields`).
    func comment(_ tape: JSONTape, _ node: Int, line: Int, collector: inout ThreadCollector, roots: inout Set<String>,
                 context: inout ReadContext) throws {
        var invalid = false
        guard let id = try tape.requiredText(node, "id", line: line, what: "", context: &context, invalid: &invalid),
              let body = try tape.requiredText(node, "body", line: line, what: "", context: &context, invalid: &invalid) else {
            return
        }
        let link = tape.checkedString(node, "link_id", line: line, context: &context).map(Self.bare)
        var d = CommentDraft(id: id, rawText: body, line: line)
        d.markup = .markdown
        d.author = tape.checkedString(node, "author", line: line, context: &context)
        d.postedAt = tape.checkedTime(node, "created_utc", line: line, context: &context)
        d.score = tape.checkedInt(node, "score", line: line, context: &context)
        let parentID = tape.checkedString(node, "parent_id", line: line, context: &context)
        if let p = parentID {
            if p.hasPrefix("t3_") {
                roots.insert(Self.bare(p))
            } else {
                d.parentID = Self.bare(p)
                d.parentLink = .explicit
            }
        }
        if invalid { flagInvalid(&d, context: &context) }
        let thread = link ?? parentID.map(Self.bare) ?? baseName(context.file)
        collector.add(CommentFactory.make(d, threadID: thread, context: &context))
    }
}

/// A finite whole-number value as `Int`; nil for NaN, infinities, fractions or out-of-range values.
func exactInt(_ d: Double) -> Int? {
    d.isFinite ? Int(exactly: d.rounded()) : nil
}
