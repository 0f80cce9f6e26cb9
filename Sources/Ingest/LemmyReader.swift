import TextProcessing
import ThreadModel

/// Lemmy: the API's comment list of a post, `{"comments": [view, ...]}` (or a bare array of views), where
/// each view holds `comment` (`id`, `path`, `content` as Markdown, `published`, `post_id`, `deleted`,
/// `removed`), `creator` (`name`), `counts` (`score`) and `post` (`id`, `name`).
///
/// The reply tree comes from `comment.path`: `"0.12.34"` is comment 34 replying to 12; `"0.12"` is
/// top-level. A path that does not end with the comment's own id, or holds something other than ids, is
/// reported (`bad-path`) and the comment made top-level. The thread is the post (`post_id`, else
/// `post.id`, else the file name); its title is `post.name`. Deleted and removed comments are flagged
/// `deleted`. Fields of the wrong type are reported as for every JSON reader (`JSONFields`).
struct LemmyReader {
    func read(path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        guard let tape = try JSONFile.parseWhole(path: path, context: &context) else { return [] }
        let map = LineMap(tape.bytes)
        let views: [Int]
        if tape.kind(tape.root) == .array {
            views = tape.elements(tape.root)
        } else {
            views = tape.checkedArray(tape.root, "comments", line: 1, context: &context)
        }
        var collector = ThreadCollector()
        var titles: [String: String] = [:]
        for view in views {
            let line = map.line(ofOffset: tape.nodes[view].start)
            guard tape.kind(view) == .object, let c = tape.present(view, "comment"), tape.kind(c) == .object else {
                try context.skip(line: line, field: "comment", code: "missing-field",
                                 "a Lemmy comment view without a 'comment' object")
                continue
            }
            var invalid = false
            guard let id = try tape.requiredText(c, "id", line: line, what: "", context: &context, invalid: &invalid),
                  let content = try tape.requiredText(c, "content", line: line, what: "", context: &context,
                                                      invalid: &invalid) else { continue }
            var d = CommentDraft(id: id, rawText: content, line: line)
            d.markup = .markdown
            if let creator = tape.present(view, "creator") {
                d.author = tape.kind(creator) == .object ? tape.checkedString(creator, "name", line: line, context: &context) : nil
            }
            if let counts = tape.present(view, "counts"), tape.kind(counts) == .object {
                d.score = tape.checkedInt(counts, "score", line: line, context: &context)
            }
            d.postedAt = tape.checkedTime(c, "published", line: line, context: &context)
            if let p = tape.checkedString(c, "path", line: line, context: &context) {
                switch Self.parent(path: p, id: id) {
                case .some(.some(let parent)):
                    d.parentID = parent
                    d.parentLink = .explicit
                case .some(.none):
                    break
                case .none:
                    context.warn(line: line, field: "path", code: "bad-path",
                                 "path '\(p.prefix(60))' does not lead to comment \(id); made top-level")
                }
            }
            if tape.checkedBool(c, "deleted", line: line, context: &context)
                || tape.checkedBool(c, "removed", line: line, context: &context) {
                d.flags.append(.deleted)
                context.warn(line: line, code: "placeholder-deleted", "comment \(id) was deleted or removed")
            }
            if invalid { flagInvalid(&d, context: &context) }
            let post = tape.present(view, "post").flatMap { tape.kind($0) == .object ? $0 : nil }
            let thread = tape.checkedString(c, "post_id", line: line, context: &context)
                ?? post.flatMap { tape.checkedString($0, "id", line: line, context: &context) }
                ?? baseName(path)
            if titles[thread] == nil, let post, let name = tape.checkedString(post, "name", line: line, context: &context) {
                titles[thread] = name
            }
            collector.add(CommentFactory.make(d, threadID: thread, context: &context))
        }
        if views.isEmpty { try context.skip(line: 0, code: "empty-file", "the file holds no Lemmy comments") }
        var threads = try collector.threads(source: .lemmy, file: path, context: &context)
        for k in threads.indices { threads[k].title = titles[threads[k].id] ?? threads[k].title }
        return threads
    }

    /// The parent id a Lemmy path names: `.some(nil)` for a top-level comment, nil for a path that is not
    /// `0`, then ids, ending with `id`.
    static func parent(path: String, id: String) -> String?? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == "0", parts.last.map(String.init) == id,
              parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) else { return nil }
        return parts.count == 2 ? .some(nil) : .some(String(parts[parts.count - 2]))
    }
}
