import Foundation
import TextProcessing
import ThreadModel

/// A first generic JSONL reader: one comment object per line with `id`, `text` and optional
/// `parent`, `author`, `thread`, `score`, `time` fields.
struct JSONLReader {
    var strict: Bool

    func read(path: String) throws -> IngestResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(SourceLocation(file: path), code: "unreadable", "cannot read file")
        }
        var problems: [InputProblem] = []
        var byThread: [String: [Comment]] = [:]
        var order: [String] = []
        let text = String(decoding: data, as: UTF8.self)
        var lineNo = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            if line.allSatisfy({ $0.isWhitespace }) { continue }
            let loc = SourceLocation(file: path, line: lineNo)
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                let p = InputProblem(loc, .error, code: "bad-json", "not a JSON object")
                if strict { throw InputError(p) }
                problems.append(p)
                continue
            }
            func str(_ keys: String...) -> String? {
                for k in keys {
                    if let s = obj[k] as? String { return s }
                    if let n = obj[k] as? NSNumber { return n.stringValue }
                }
                return nil
            }
            guard let id = str("id") else {
                var l = loc
                l.field = "id"
                let p = InputProblem(l, .error, code: "missing-field", "field 'id' is missing")
                if strict { throw InputError(p) }
                problems.append(p)
                continue
            }
            let body = str("text", "body", "content") ?? ""
            let thread = str("thread", "thread_id", "link_id") ?? path
            var c = Comment(
                id: id, threadID: thread, parentID: str("parent", "parent_id"),
                author: str("author", "by", "user"),
                postedAt: (obj["time"] as? NSNumber)?.doubleValue,
                score: (obj["score"] as? NSNumber)?.intValue, rawText: body, location: loc)
            c.parentLink = c.parentID == nil ? .none : .explicit
            c.sentences = SentenceSplitter.split(body).map { Sentence(span: $0) }
            if byThread[thread] == nil { order.append(thread) }
            byThread[thread, default: []].append(c)
        }
        let threads = order.map { DiscussionThread(id: $0, source: .jsonl, file: path, comments: byThread[$0] ?? []) }
        return IngestResult(threads: threads, problems: problems, files: [path])
    }
}
