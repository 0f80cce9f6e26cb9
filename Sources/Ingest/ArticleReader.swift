import TextProcessing
import ThreadModel

/// Plain-text or Markdown articles: one document, no comments.
///
/// The title is the first non-blank line (a Markdown `#` heading or a `Title:` prefix removed); the
/// body is the rest, with Markdown markers removed when the file is Markdown. The thread id is the
/// file name without extension.
struct ArticleReader {
    func read(path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        let bytes = try readWholeFile(path)
        var invalid = false
        var text = UTF8Text.decode(bytes, 0..<bytes.count, invalid: &invalid)
        if invalid { context.warn(line: 0, code: "invalid-utf8", "invalid UTF-8 replaced with U+FFFD") }
        let (repaired, repairs) = Mojibake.repair(text)
        if repairs > 0 {
            text = repaired
            context.warn(line: 0, code: "mojibake", "repaired \(repairs) mis-decoded character(s)")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard let first = lines.firstIndex(where: { !$0.trimmingSpaces.isEmpty }) else {
            try context.skip(line: 0, code: "empty-file", "the file holds no text")
            return []
        }
        var title = lines[first].trimmingSpaces
        let markdown = path.lowercased().hasSuffix(".md") || path.lowercased().hasSuffix(".markdown") || title.hasPrefix("#")
        while title.hasPrefix("#") { title.removeFirst() }
        if title.lowercased().hasPrefix("title:") { title = String(title.dropFirst(6)) }
        var body = lines[(first + 1)...].joined(separator: "\n").trimmingSpaces
        if markdown { body = MarkdownText.toText(body) }
        var thread = DiscussionThread(id: baseName(path), source: .article, file: path)
        thread.title = title.trimmingSpaces
        thread.body = body
        return [thread]
    }
}
