import Foundation
import TextProcessing
import ThreadModel

/// Slashdot text dumps: a story header line, the story (possibly repeated), then comments whose
/// header line is `Subject (Score:N[, Label])`.
///
/// Comments get ids "1", "2"... in order of appearance. The reply tree is inferred, and each link
/// records how (`ParentLink`):
/// 1. `quote`: the reply's opening lines (each at least 20 bytes, `>` markers allowed) occur in an
///    earlier comment; the parent is the latest comment containing all of them (else the first), and
///    those lines become a quote of that comment. Opening lines found only in the story are a quote of
///    the story (no `quotedCommentID`) and give no parent.
/// 2. `subject`: a reply (`Re:X`, `Re: X`, bare `Re:`) with no quote hangs under the previous comment when
///    that one belongs to the same top-level comment as `X` names (or `X` is empty); otherwise under the
///    latest top-level comment titled `X`. Slashdot lists comments depth-first, so the previous comment is
///    the parent or a sibling's descendant; choosing it is right for first replies and chains.
/// 3. `none`: a subject without `Re:` is a top-level comment.
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
        var texts: [[UInt8]] = []  // bodies as bytes: byte search, not Foundation's NSString path
        var rootOf: [Int] = []
        var subjects: [String] = []
        for (h, entry) in headers.enumerated() {
            let (lineIndex, header) = entry
            let end = h + 1 < headers.count ? headers[h + 1].0 : lines.count
            let bodyLines = lines[(lineIndex + 1)..<end].map { Self.stripLinkAnnotations($0) }
            let id = String(h + 1)
            let body = bodyLines.joined(separator: "\n")
            raws.append(lines[(lineIndex + 1)..<end].joined(separator: "\n"))
            var d = CommentDraft(id: id, rawText: body, line: lineIndex + 1)
            d.title = header.subject
            d.score = header.score
            d.moderation = header.label
            if let s = header.score, !(-1...5).contains(s) {
                context.warn(line: lineIndex + 1, field: "score", code: "bad-score", "score \(s) is outside -1...5")
            }
            let isReply = header.subject.lowercased().hasPrefix("re:")
            let topic = isReply ? String(header.subject.dropFirst(3)).trimmingSpaces : header.subject
            // 1. Quoted opening lines.
            var quoted: [[UInt8]] = []
            for line in bodyLines {
                var t = Substring(line.trimmingSpaces)
                while t.first == ">" { t = t.dropFirst().drop(while: { $0 == " " }) }
                let needle = Array(t.utf8)
                guard needle.count >= 20,
                      texts.contains(where: { UTF8Text.contains($0, needle) }) || UTF8Text.contains(story, needle) else { break }
                quoted.append(needle)
            }
            var parent: Int? = nil
            var link = ParentLink.none
            if !quoted.isEmpty {
                d.leadingQuoteLines = quoted.count
                if let p = texts.lastIndex(where: { t in quoted.allSatisfy { UTF8Text.contains(t, $0) } })
                    ?? texts.lastIndex(where: { UTF8Text.contains($0, quoted[0]) }) {
                    parent = p
                    link = .quote
                    d.quotedIDs = [String(p + 1)]
                } else {
                    d.quotedIDs = [nil]
                }
            }
            // 2. Subject and order.
            if parent == nil, isReply, h > 0 {
                let named = topic.isEmpty ? nil : subjects.indices.last(where: { rootOf[$0] == $0 && subjects[$0] == topic })
                if let named, rootOf[h - 1] != named { parent = named } else { parent = h - 1 }
                link = .subject
            }
            if !isReply, parent != nil, link == .quote {
                // A top-level subject that quotes: keep it top-level, the quote still names its source.
                parent = nil
                link = .none
            }
            if let parent {
                d.parentID = String(parent + 1)
                d.parentLink = link
            }
            drafts.append(d)
            texts.append(Array(body.utf8))
            rootOf.append(parent.map { rootOf[$0] } ?? h)
            subjects.append(topic)
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
