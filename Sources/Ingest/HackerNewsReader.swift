import TextProcessing
import ThreadModel

/// Hacker News, in its two shapes:
/// - Algolia items API JSON: a story (or comment) with nested `children`, `author`, `text` (HTML),
///   `created_at_i`/`created_at`, `parent_id`; one document per file, or one per line;
/// - official API items, one JSON object per line: `id`, `type`, `by`, `time`, `text` (HTML), `parent`,
///   `kids`, `dead`, `deleted`, and for stories `title`, `url`.
///
/// A story becomes the thread (title, url, body from its `text`); comments keep HN ids as written.
/// Official items are grouped by the story their parent chain reaches; when that story is not in the
/// file, the topmost missing parent id names the thread and its replies are top-level (not orphans:
/// a comment dump without its story is normal). HN has no comment scores. `deleted` items and null
/// authors with null text are flagged `deleted`, `dead` items `dead`; placeholders `[dead]`,
/// `[flagged]`, `[deleted]` in the text are flagged too.
struct HackerNewsReader {
    struct Meta {
        var title: String?
        var url: String?
        var body: String?
        var postedAt: Double?
    }

    func read(path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        var collector = ThreadCollector()
        var metas: [String: Meta] = [:]
        var roots = Set<String>()
        if JSONFile.isLineDelimited(path: path, maxLineBytes: context.options.maxRecordBytes) {
            var items: [(draft: CommentDraft, parent: String?, isStory: Bool)] = []
            try JSONFile.forEachLine(path: path, context: &context) { tape, line, context in
                if tape.member(tape.root, "children") != nil {
                    try readAlgolia(tape, tape.root, lineOf: { _ in line }, collector: &collector, metas: &metas, roots: &roots,
                                    context: &context)
                    return
                }
                guard let item = try officialItem(tape, line: line, metas: &metas, context: &context) else { return }
                items.append(item)
            }
            try groupOfficial(items, collector: &collector, roots: &roots, context: &context)
        } else if let tape = try JSONFile.parseWhole(path: path, context: &context) {
            let docs = tape.kind(tape.root) == .array ? tape.elements(tape.root) : [tape.root]
            let map = LineMap(tape.bytes)
            for doc in docs {
                try readAlgolia(tape, doc, lineOf: { map.line(ofOffset: tape.nodes[$0].start) }, collector: &collector,
                                metas: &metas, roots: &roots, context: &context)
            }
        }
        var threads = try collector.threads(source: .hackernews, file: path, context: &context, roots: roots)
        for k in threads.indices {
            if let m = metas[threads[k].id] {
                threads[k].title = m.title ?? threads[k].title
                threads[k].url = m.url
                threads[k].body = m.body
                threads[k].postedAt = m.postedAt
            }
        }
        // A story with no comments in the file is still a thread.
        for (id, m) in metas.sorted(by: { $0.key < $1.key }) where !threads.contains(where: { $0.id == id }) {
            threads.append(DiscussionThread(id: id, source: .hackernews, title: m.title, url: m.url, body: m.body,
                                            postedAt: m.postedAt, file: path))
        }
        return threads
    }

    /// An Algolia tree: pre-order walk with an explicit stack (deep trees do not recurse).
    func readAlgolia(_ tape: JSONTape, _ root: Int, lineOf: (Int) -> Int, collector: inout ThreadCollector,
                     metas: inout [String: Meta], roots: inout Set<String>, context: inout ReadContext) throws {
        guard tape.kind(root) == .object, let rootID = tape.str(root, "id") else {
            try context.skip(line: lineOf(root), field: "id", code: "missing-field", "field 'id' is missing in the Hacker News item")
            return
        }
        let isStory = tape.str(root, "type") != "comment" && tape.member(root, "parent_id").map({ tape.kind($0) == .null }) ?? true
        let threadID = isStory ? rootID : (tape.str(root, "story_id") ?? tape.str(root, "parent_id") ?? rootID)
        if isStory {
            var m = Meta(title: tape.str(root, "title"), url: tape.str(root, "url"))
            if let text = tape.str(root, "text") { m.body = HTMLText.toText(text) }
            m.postedAt = (tape.num(root, "created_at_i") ?? tape.str(root, "created_at").flatMap(Dates.parse)).flatMap { Dates.plausible($0) ? $0 : nil }
            metas[threadID] = m
            roots.insert(rootID)
        } else if let p = tape.str(root, "parent_id") {
            roots.insert(p)
        }
        var stack: [(node: Int, parent: String?)] = []
        let kids = tape.member(root, "children").map { tape.elements($0) } ?? []
        if isStory {
            for k in kids.reversed() { stack.append((k, rootID)) }
        } else {
            stack.append((root, tape.str(root, "parent_id")))
        }
        while let (node, parent) = stack.popLast() {
            guard tape.kind(node) == .object, let id = tape.str(node, "id") else {
                try context.skip(line: lineOf(node), field: "id", code: "missing-field",
                                 "a Hacker News child has no 'id'")
                continue
            }
            var invalid = false
            let text = tape.str(node, "text", invalid: &invalid)
            let author = tape.str(node, "author")
            var d = CommentDraft(id: id, rawText: text ?? "", line: lineOf(node))
            d.markup = .html
            d.author = author
            d.parentID = tape.str(node, "parent_id") ?? parent
            d.parentLink = d.parentID == nil ? .none : .explicit
            d.postedAt = checkedTime(tape.num(node, "created_at_i") ?? tape.str(node, "created_at").flatMap(Dates.parse),
                                     line: d.line, field: "created_at_i", context: &context)
            if text == nil, author == nil {
                d.flags.append(.deleted)
                context.warn(line: d.line, code: "placeholder-deleted", "comment \(id) was deleted")
            }
            if invalid { flagInvalid(&d, context: &context) }
            collector.add(CommentFactory.make(d, threadID: threadID, context: &context))
            let children = tape.member(node, "children").map { tape.elements($0) } ?? []
            for k in children.reversed() { stack.append((k, id)) }
        }
    }

    /// One official-API item; stories go to `metas`.
    func officialItem(_ tape: JSONTape, line: Int, metas: inout [String: Meta],
                      context: inout ReadContext) throws -> (draft: CommentDraft, parent: String?, isStory: Bool)? {
        let o = tape.root
        guard let id = tape.str(o, "id") else {
            try context.skip(line: line, field: "id", code: "missing-field", "field 'id' is missing")
            return nil
        }
        let type = tape.str(o, "type") ?? (tape.member(o, "parent") == nil ? "story" : "comment")
        var invalid = false
        let text = tape.str(o, "text", invalid: &invalid)
        if type == "story" || type == "job" || type == "poll" {
            var m = Meta(title: tape.str(o, "title"), url: tape.str(o, "url"),
                         postedAt: tape.num(o, "time").flatMap { Dates.plausible($0) ? $0 : nil })
            if let text { m.body = HTMLText.toText(text) }
            metas[id] = m
            return (CommentDraft(id: id, rawText: "", line: line), nil, true)
        }
        guard type == "comment" else { return nil }
        var d = CommentDraft(id: id, rawText: text ?? "", line: line)
        d.markup = .html
        d.author = tape.str(o, "by")
        d.postedAt = checkedTime(tape.num(o, "time"), line: line, field: "time", context: &context)
        d.parentID = tape.str(o, "parent")
        d.parentLink = d.parentID == nil ? .none : .explicit
        if tape.flag(o, "deleted") {
            d.flags.append(.deleted)
            context.warn(line: line, code: "placeholder-deleted", "comment \(id) was deleted")
        }
        if tape.flag(o, "dead") {
            d.flags.append(.dead)
            context.warn(line: line, code: "placeholder-dead", "comment \(id) is dead")
        }
        if invalid { flagInvalid(&d, context: &context) }
        return (d, d.parentID, false)
    }

    /// Groups official comments under the story their parent chain reaches (iteratively, memoised).
    func groupOfficial(_ items: [(draft: CommentDraft, parent: String?, isStory: Bool)], collector: inout ThreadCollector,
                       roots: inout Set<String>, context: inout ReadContext) throws {
        var parentOf: [String: String] = [:]
        var stories = Set<String>()
        for item in items {
            if item.isStory { stories.insert(item.draft.id) } else if let p = item.parent, parentOf[item.draft.id] == nil {
                parentOf[item.draft.id] = p
            }
        }
        var threadOf: [String: String] = [:]
        func thread(of id: String) -> String {
            var path: [String] = []
            var seen = Set<String>()
            var cur = id
            while threadOf[cur] == nil, !stories.contains(cur), let p = parentOf[cur], seen.insert(cur).inserted {
                path.append(cur)
                cur = p
            }
            let t = threadOf[cur] ?? cur
            for k in path { threadOf[k] = t }
            return t
        }
        for item in items where !item.isStory {
            let t = thread(of: item.draft.id)
            if !stories.contains(t) { roots.insert(t) }
            roots.formUnion(stories)
            collector.add(CommentFactory.make(item.draft, threadID: t, context: &context))
        }
        roots.formUnion(stories)
    }
}

func flagInvalid(_ d: inout CommentDraft, context: inout ReadContext) {
    d.flags.append(.invalidUTF8)
    context.warn(line: d.line, field: "text", code: "invalid-utf8", "invalid UTF-8 replaced with U+FFFD")
}
