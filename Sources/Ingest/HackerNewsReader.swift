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
            let line = lineOf(root)
            m.postedAt = tape.present(root, "created_at_i") != nil
                ? tape.checkedTime(root, "created_at_i", line: line, context: &context)
                : tape.checkedTime(root, "created_at", line: line, context: &context)
            metas[threadID] = m
            roots.insert(rootID)
        } else if let p = tape.str(root, "parent_id") {
            roots.insert(p)
        }
        var stack: [(node: Int, parent: String?)] = []
        let kids = isStory ? tape.checkedArray(root, "children", line: lineOf(root), context: &context) : []
        if isStory {
            for k in kids.reversed() { stack.append((k, rootID)) }
        } else {
            stack.append((root, tape.str(root, "parent_id")))
        }
        while let (node, parent) = stack.popLast() {
            let line = lineOf(node)
            guard tape.kind(node) == .object else {
                try context.skip(line: line, code: "not-object", "\(tape.typeName(node)) in 'children' where a comment object was expected")
                continue
            }
            var invalid = false
            guard let id = try tape.requiredText(node, "id", line: line, what: " in a Hacker News child", context: &context,
                                                 invalid: &invalid) else { continue }
            let text = tape.checkedString(node, "text", line: line, context: &context, invalid: &invalid)
            let author = tape.checkedString(node, "author", line: line, context: &context)
            var d = CommentDraft(id: id, rawText: text ?? "", line: line)
            d.markup = .html
            d.author = author
            d.parentID = tape.checkedString(node, "parent_id", line: line, context: &context) ?? parent
            d.parentLink = d.parentID == nil ? .none : .explicit
            d.postedAt = tape.present(node, "created_at_i") != nil
                ? tape.checkedTime(node, "created_at_i", line: line, context: &context)
                : tape.checkedTime(node, "created_at", line: line, context: &context)
            if text == nil, author == nil {
                d.flags.append(.deleted)
                context.warn(line: d.line, code: "placeholder-deleted", "comment \(id) was deleted")
            }
            if invalid { flagInvalid(&d, context: &context) }
            collector.add(CommentFactory.make(d, threadID: threadID, context: &context))
            let children = tape.checkedArray(node, "children", line: line, context: &context)
            for k in children.reversed() { stack.append((k, id)) }
        }
    }

    /// One official-API item; stories go to `metas`. Fields of the wrong type are reported (`JSONFields`).
    func officialItem(_ tape: JSONTape, line: Int, metas: inout [String: Meta],
                      context: inout ReadContext) throws -> (draft: CommentDraft, parent: String?, isStory: Bool)? {
        let o = tape.root
        var ignored = false
        guard let id = try tape.requiredText(o, "id", line: line, what: "", context: &context, invalid: &ignored) else {
            return nil
        }
        let type = tape.checkedString(o, "type", line: line, context: &context)
            ?? (tape.present(o, "parent") == nil ? "story" : "comment")
        var invalid = false
        let text = tape.checkedString(o, "text", line: line, context: &context, invalid: &invalid)
        // `kids` is not needed (parents give the tree) but a malformed one is still reported.
        for kid in tape.checkedArray(o, "kids", line: line, context: &context) where tape.kind(kid) != .number {
            context.warn(line: line, field: "kids", code: "bad-type", "\(tape.typeName(kid)) in 'kids' where an item id was expected; ignored")
        }
        if type == "story" || type == "job" || type == "poll" {
            var m = Meta(title: tape.checkedString(o, "title", line: line, context: &context),
                         url: tape.checkedString(o, "url", line: line, context: &context),
                         postedAt: tape.checkedTime(o, "time", line: line, context: &context))
            if let text { m.body = HTMLText.toText(text) }
            metas[id] = m
            return (CommentDraft(id: id, rawText: "", line: line), nil, true)
        }
        guard type == "comment" else { return nil }
        var d = CommentDraft(id: id, rawText: text ?? "", line: line)
        d.markup = .html
        d.author = tape.checkedString(o, "by", line: line, context: &context)
        d.postedAt = tape.checkedTime(o, "time", line: line, context: &context)
        d.parentID = tape.checkedString(o, "parent", line: line, context: &context)
        d.parentLink = d.parentID == nil ? .none : .explicit
        if tape.checkedBool(o, "deleted", line: line, context: &context) {
            d.flags.append(.deleted)
            context.warn(line: line, code: "placeholder-deleted", "comment \(id) was deleted")
        }
        if tape.checkedBool(o, "dead", line: line, context: &context) {
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
