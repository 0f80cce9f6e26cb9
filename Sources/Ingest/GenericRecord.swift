import Foundation
import ThreadModel

/// The generic record shared by JSONL and CSV: the usual field names of thread dumps.
///
/// | meaning | accepted names |
/// |---|---|
/// | id | `id` |
/// | parent | `parent`, `parent_id` |
/// | author | `author`, `by`, `user` |
/// | time | `time`, `created_at`, `created_utc`, `timestamp` (ISO-8601 or epoch seconds) |
/// | score | `score`, `points` |
/// | title | `title`, `subject` |
/// | text | `text`, `body`, `content` |
/// | thread | `thread`, `thread_id`, `link_id` (default: the file name without extension) |
///
/// Ids are kept exactly as written (a JSON number keeps its literal text). Empty values count as absent.
enum GenericField: String, CaseIterable {
    case id, parent, author, time, score, title, text, thread

    static let byName: [String: GenericField] = [
        "id": .id, "parent": .parent, "parent_id": .parent, "author": .author, "by": .author, "user": .author,
        "time": .time, "created_at": .time, "created_utc": .time, "timestamp": .time, "score": .score,
        "points": .score, "title": .title, "subject": .title, "text": .text, "body": .text, "content": .text,
        "thread": .thread, "thread_id": .thread, "link_id": .thread,
    ]
    static let textNames = "text, body or content"

    /// The field a key's bytes stand for: the hot path of JSONL, which sees every key of every record.
    /// Compares bytes against the accepted names of that length: no `String` per key.
    /// Returns the field and its accepted name (a stored string, so no `String` is made per key).
    static func named(_ bytes: [UInt8], _ r: Range<Int>) -> (field: GenericField, name: String)? {
        guard r.count >= 2, r.count <= 11, r.lowerBound >= 0, r.upperBound <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { p in
            for entry in byLength[r.count] where memcmp(p.baseAddress! + r.lowerBound, entry.bytes, r.count) == 0 {
                return (entry.field, entry.name)
            }
            return nil
        }
    }

    /// The accepted names as bytes, by length.
    static let byLength: [[(bytes: [UInt8], field: GenericField, name: String)]] = {
        var table = [[(bytes: [UInt8], field: GenericField, name: String)]](repeating: [], count: 12)
        for (name, field) in byName.sorted(by: { $0.key < $1.key }) where name.utf8.count < 12 {
            table[name.utf8.count].append((Array(name.utf8), field, name))
        }
        return table
    }()

    /// The field a name stands for, without hashing (called for every key of every record).
    static func named(_ name: String) -> GenericField? {
        switch name {
        case "id": return .id
        case "text", "body", "content": return .text
        case "parent", "parent_id": return .parent
        case "author", "by", "user": return .author
        case "time", "created_at", "created_utc", "timestamp": return .time
        case "score", "points": return .score
        case "title", "subject": return .title
        case "thread", "thread_id", "link_id": return .thread
        default: return nil
        }
    }
}

/// One record's values by field, each with the name it was found under (for messages).
///
/// Eight stored slots rather than an array: JSONL makes one per line, and an array is a heap block.
struct GenericValues {
    typealias Value = (value: String, field: String)
    private var id, parent, author, time, score, title, text, thread: Value?

    subscript(_ f: GenericField) -> Value? {
        get {
            switch f {
            case .id: return id
            case .parent: return parent
            case .author: return author
            case .time: return time
            case .score: return score
            case .title: return title
            case .text: return text
            case .thread: return thread
            }
        }
        set {
            switch f {
            case .id: id = newValue
            case .parent: parent = newValue
            case .author: author = newValue
            case .time: time = newValue
            case .score: score = newValue
            case .title: title = newValue
            case .text: text = newValue
            case .thread: thread = newValue
            }
        }
    }
}

/// Builds a draft from generic field values, reporting bad values. Returns nil when the record is
/// skipped (no id, no text).
func genericDraft(_ values: GenericValues, line: Int, defaultThread: String,
                  context: inout ReadContext) throws -> (draft: CommentDraft, thread: String)? {
    guard let id = values[.id], !id.value.isEmpty else {
        try context.skip(line: line, field: "id", code: "missing-field", "field 'id' is missing")
        return nil
    }
    guard let text = values[.text] else {
        try context.skip(line: line, field: "text", code: "missing-field",
                         "field 'text' is missing (expected \(GenericField.textNames))")
        return nil
    }
    var d = CommentDraft(id: id.value, rawText: text.value, line: line)
    if let p = values[.parent]?.value, !p.isEmpty {
        d.parentID = p
        d.parentLink = .explicit
    }
    d.author = values[.author]?.value
    d.title = values[.title]?.value
    if let t = values[.time] {
        if let v = Dates.parse(t.value), Dates.plausible(v) { d.postedAt = v } else {
            context.warn(line: line, field: t.field, code: "bad-time",
                         "'\(t.value.prefix(40))' is not an ISO-8601 time or epoch seconds in years 1970...2200; time left empty")
        }
    }
    if let s = values[.score] {
        if let v = Int(s.value) ?? Double(s.value).flatMap({ $0.isFinite ? Int(exactly: $0.rounded()) : nil }) { d.score = v } else {
            context.warn(line: line, field: s.field, code: "bad-score", "'\(s.value.prefix(40))' is not a number; score left empty")
        }
    }
    let thread = values[.thread]?.value ?? defaultThread
    return (d, thread.isEmpty ? defaultThread : thread)
}

/// Collects comments per thread in order of first appearance, then resolves each thread's tree.
struct ThreadCollector {
    var order: [String] = []
    var comments: [String: [Comment]] = [:]
    /// The thread of the previous comment: dumps list a thread's comments together, so most comments
    /// skip the hash lookup.
    private var lastThread: String? = nil
    private var pending: [Comment] = []

    /// Takes the comment over (no copy of its fields).
    mutating func add(_ c: consuming Comment) {
        if c.threadID != lastThread {
            flush()
            lastThread = c.threadID
            if comments[c.threadID] == nil {
                order.append(c.threadID)
                comments[c.threadID] = []
            }
        }
        pending.append(c)
    }

    /// Moves the pending run of one thread's comments into its list.
    private mutating func flush() {
        guard let t = lastThread, !pending.isEmpty else { return }
        if comments[t]?.isEmpty ?? true { comments[t] = pending } else { comments[t]?.append(contentsOf: pending) }
        pending = []
    }

    mutating func threads(source: SourceFormat, file: String, context: inout ReadContext,
                          roots: Set<String> = []) throws -> [DiscussionThread] {
        flush()
        lastThread = nil
        var out: [DiscussionThread] = []
        for id in order {
            // Taken out of the table first, so that resolving updates the comments in place.
            let list = comments.removeValue(forKey: id) ?? []
            let resolved = try ThreadBuilder.resolve(list, rootIDs: roots, context: &context)
            var t = DiscussionThread(id: id, source: source, file: file, comments: resolved)
            t.title = resolved.first(where: { $0.depth == 0 && $0.title != nil })?.title
            out.append(t)
        }
        return out
    }
}

/// The file name without directory and extension: the default thread id.
func baseName(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
    return name
}
