import Foundation
import TextProcessing
import ThreadModel

/// Slashdot text dumps: a story header line, the story (possibly repeated), then comments whose
/// header line is `Subject (Score:N[, Label])`.
///
/// Comments get ids "1", "2"... in order of appearance. The reply tree is inferred by `ReplyInference`
/// (quotes, subject chains, the depth-first order of the dump), and each link records how (`ParentLink`).
/// Quoted lines are found anywhere in a reply, not only at its opening.
/// Link annotations such as `https://x.com/... [x.com]` or `showed. [substack.com]` lose the bracket.
struct SlashdotReader {
    struct Header {
        var subject: String
        var score: Int?
        var label: String?
    }

    /// Parses `Subject (Score:N)` or `Subject (Score:N, Label)`.
    static func header(_ line: String) -> Header? {
        guard line.hasSuffix(")"), let open = line.range(of: " (Score:", options: .backwards) ?? line.range(of: "(Score:", options: .backwards) else { return nil }
        let inner = line[open.upperBound..<line.index(before: line.endIndex)]
        let parts = inner.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, let score = Int(first) else { return nil }
        let label = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        if let label, !label.allSatisfy({ $0.isLetter || $0 == " " }) { return nil }
        return Header(subject: String(line[..<open.lowerBound]).trimmingSpaces, score: score, label: label)
    }

    /// Removes ` [domain.tld]` link annotations.
    static func stripLinkAnnotations(_ line: String) -> String {
        guard line.contains("[") else { return line }
        var out = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]") else { break }
            let inside = rest[rest.index(after: open)..<close]
            let isDomain = inside.contains(".") && !inside.isEmpty && inside.count <= 64
                && inside.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
            if isDomain {
                var head = rest[..<open]
                while head.last == " " { head = head.dropLast() }
                out += head
                rest = rest[rest.index(after: close)...]
            } else {
                out += rest[...open]
                rest = rest[rest.index(after: open)...]
            }
        }
        return out + rest
    }

    func read(path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        let bytes = try readWholeFile(path)
        var invalid = false
        let text = UTF8Text.decode(bytes, 0..<bytes.count, invalid: &invalid)
        if invalid { context.warn(line: 0, code: "invalid-utf8", "invalid UTF-8 replaced with U+FFFD") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if lines.last == "" { lines.removeLast() }
        guard let firstNonBlank = lines.firstIndex(where: { !$0.trimmingSpaces.isEmpty }) else {
            try context.skip(line: 0, code: "empty-file", "the file holds no story or comments")
            return []
        }
        let headers = lines.indices.compactMap { i in Self.header(lines[i]).map { (i, $0) } }
        var thread = DiscussionThread(id: baseName(path), source: .slashdot, file: path)
        // Story header: "Title (source) 86".
        let storyEnd = headers.first?.0 ?? lines.count
        if firstNonBlank < storyEnd {
            var title = lines[firstNonBlank].trimmingSpaces
            if let sp = title.lastIndex(of: " "), Int(title[title.index(after: sp)...]) != nil { title = String(title[..<sp]) }
            if title.hasSuffix(")"), let open = title.range(of: " (", options: .backwards) {
                title = String(title[..<open.lowerBound])
            }
            thread.title = title
            var seen = Set<String>()
            var body: [String] = []
            for line in lines[(firstNonBlank + 1)..<storyEnd] {
                let t = Self.stripLinkAnnotations(line.trimmingSpaces)
                if t.isEmpty { continue }
                if seen.insert(t).inserted { body.append(t) }
            }
            thread.body = body.joined(separator: "\n")
        }
        let story = Array((thread.body ?? "").utf8)
        var drafts: [CommentDraft] = []
        var raws: [String] = []
        var inference = ReplyInference(story: story)
        for (h, entry) in headers.enumerated() {
            let (lineIndex, header) = entry
            let end = h + 1 < headers.count ? headers[h + 1].0 : lines.count
            let bodyLines = lines[(lineIndex + 1)..<end].map { Self.stripLinkAnnotations($0) }
            raws.append(lines[(lineIndex + 1)..<end].joined(separator: "\n"))
            var d = CommentDraft(id: String(h + 1), rawText: "", line: lineIndex + 1)
            d.title = header.subject
            d.score = header.score
            d.moderation = header.label
            if let s = header.score, !(-1...5).contains(s) {
                context.warn(line: lineIndex + 1, field: "score", code: "bad-score", "score \(s) is outside -1...5")
            }
            let reply = inference.add(subject: header.subject, body: bodyLines)
            // Lines found in earlier comments are marked as quotes for the layout; `rawText` keeps the original.
            d.rawText = zip(bodyLines, reply.quotedLines).map { line, quoted in quoted ? "> " + line : line }
                .joined(separator: "\n")
            d.quotedIDs = reply.quoteSources.map { $0.map { String($0 + 1) } }
            if let parent = reply.parent {
                d.parentID = String(parent + 1)
                d.parentLink = reply.link
            }
            drafts.append(d)
        }
        var comments: [Comment] = []
        comments.reserveCapacity(drafts.count)
        for (k, d) in drafts.enumerated() {
            var c = CommentFactory.make(d, threadID: thread.id, context: &context)
            c.rawText = raws[k]
            comments.append(c)
        }
        thread.comments = try ThreadBuilder.resolve(comments, context: &context)
        return [thread]
    }
}
