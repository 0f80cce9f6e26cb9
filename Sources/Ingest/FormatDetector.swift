import Foundation
import ThreadModel

/// Recognises a file's format from its first 64 KB.
///
/// In order: JSON (`{` or `[` first) is Reddit when it holds a `Listing` or comment records with
/// `t1_`/`t3_` parent ids, Hacker News when it holds official items (`by`, `kids`) or Algolia items
/// (`children` with `author`, `type`, `points`...), generic JSONL otherwise; a first line `From ` or a
/// mail header is mbox; a line
/// `Subject (Score:N...)` is Slashdot; a first line of comma-separated generic field names is CSV;
/// anything else is an article. `IngestOptions.format` overrides all of this.
enum FormatDetector {
    static let headLength = 1 << 16

    static func detect(path: String) throws -> SourceFormat? {
        detect(head: try head(path: path))
    }

    /// The first 64 KB of a file, without a UTF-8 byte-order mark.
    static func head(path: String) throws -> [UInt8] {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw InputError(SourceLocation(file: path), code: "unreadable", "cannot open file")
        }
        defer { try? h.close() }
        var head = [UInt8](try h.read(upToCount: headLength) ?? Data())
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        return head
    }

    static func detect(head: [UInt8]) -> SourceFormat? {
        var i = 0
        while i < head.count, head[i] == 0x20 || head[i] == 0x0A || head[i] == 0x0D || head[i] == 0x09 { i += 1 }
        guard i < head.count else { return nil }
        let text = String(decoding: head[i...], as: UTF8.self)
        let firstLine = text.prefix(while: { $0 != "\n" && $0 != "\r\n" })
        if head[i] == 0x7B || head[i] == 0x5B {
            return detectJSON(text, firstLine: String(firstLine))
        }
        if firstLine.hasPrefix("From ") { return .mbox }
        let mailHeaders = ["return-path:", "received:", "from:", "message-id:", "date:", "subject:", "delivered-to:", "mime-version:"]
        let lower = firstLine.lowercased()
        if mailHeaders.contains(where: { lower.hasPrefix($0) }),
           text.lowercased().contains("\nmessage-id:") || text.lowercased().contains("\nfrom:") || lower.hasPrefix("from:") {
            return .mbox
        }
        var count = 0
        for line in text.split(separator: "\n") {
            if SlashdotReader.header(String(line.hasSuffix("\r") ? line.dropLast() : line)) != nil { return .slashdot }
            count += 1
            if count > 2000 { break }
        }
        let names = firstLine.split(separator: firstLine.contains(",") ? "," : "\t").map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"\r")).lowercased()
        }
        if names.count >= 2, names.contains("id"), names.filter({ GenericField.byName[$0] != nil }).count >= 2 {
            return .csv
        }
        return .article
    }

    static func detectJSON(_ text: String, firstLine: String) -> SourceFormat {
        // Lemmy's comment list: views holding a `comment` with a `path` and a `creator`.
        if text.contains("\"comment\""), text.contains("\"path\""), text.contains("\"creator\"") { return .lemmy }
        var tape = JSONTape()
        let line = Array(firstLine.utf8)
        if (try? tape.parse(line, 0..<line.count)) != nil, tape.kind(tape.root) == .object {
            // One object per line.
            var names = Set<String>()
            tape.forEachMember(tape.root) { k, _ in names.insert(String(decoding: k, as: UTF8.self)) }
            if names.contains("kind"), names.contains("data") { return .reddit }
            if names.contains("link_id") || names.contains("parent_id"), let p = tape.member(tape.root, "parent_id") ?? tape.member(tape.root, "link_id"),
               let v = tape.text(p), v.hasPrefix("t1_") || v.hasPrefix("t3_") {
                return .reddit
            }
            if names.contains("subreddit") { return .reddit }
            if names.contains("by") || names.contains("kids") || names.contains("descendants") { return .hackernews }
            if names.contains("children"), !names.isDisjoint(with: ["created_at_i", "story_id", "points", "author", "type"]) {
                return .hackernews
            }
            return .jsonl
        }
        // A first line longer than the head, or a pretty-printed document: look for telling keys.
        if text.contains("\"Listing\"") || text.contains("\"t3\"") || text.contains("\"t3_") { return .reddit }
        if text.contains("\"by\""), text.contains("\"type\"") || text.contains("\"kids\"") { return .hackernews }
        if text.contains("\"children\""),
           ["\"created_at_i\"", "\"story_id\"", "\"points\"", "\"author\"", "\"type\""].contains(where: { text.contains($0) }) {
            return .hackernews
        }
        return .jsonl
    }
}
