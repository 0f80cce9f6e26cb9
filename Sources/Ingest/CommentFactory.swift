import TextProcessing
import ThreadModel

/// Turns a reader's draft into a cleaned `Comment`.
///
/// Order of clean-up: placeholder check (`[deleted]`, `[removed]`, `[dead]`, `[flagged]`: text left
/// empty, flag set, warning recorded); markup to text (HTML for Hacker News, Markdown for Reddit);
/// mojibake repair; then `TextLayout` for quotes, attribution, elision, signature and sentences.
/// `rawText` always keeps the original.
enum CommentFactory {
    static func make(_ d: CommentDraft, threadID: String, context: inout ReadContext) -> Comment {
        var flags = d.flags
        var comment = Comment(
            id: d.id, threadID: threadID, parentID: d.parentID, parentLink: d.parentLink,
            author: d.author, postedAt: d.postedAt, score: d.score, moderation: d.moderation, title: d.title,
            rawText: d.rawText, text: "", ownText: "", location: context.location(d.line))
        if mayBePlaceholder(d.rawText), case let trimmed = d.rawText.trimmingSpaces, trimmed.utf8.count <= 12,
           let flag = placeholderFlags[trimmed.lowercased()] {
            flags.append(flag)
            context.warn(line: d.line, code: "placeholder-\(flag.rawValue)", "comment \(d.id) is a placeholder '\(trimmed)'")
            comment.flags = normalized(flags)
            return comment
        }
        var plain: String
        switch d.markup {
        case .plain: plain = d.rawText
        case .html: plain = HTMLText.toText(d.rawText)
        case .markdown: plain = MarkdownText.toText(d.rawText)
        }
        var bytes = Array(plain.utf8)
        if Mojibake.mayContainMojibake(bytes) {
            let (repaired, repairs) = Mojibake.repair(plain)
            if repairs > 0 {
                plain = repaired
                bytes = Array(plain.utf8)
                flags.append(.mojibakeRepaired)
                context.warn(line: d.line, code: "mojibake", "repaired \(repairs) mis-decoded character(s) in comment \(d.id)")
            }
        }
        let clean = TextLayout.analyze(plain, bytes: bytes, leadingQuoteLines: d.leadingQuoteLines)
        comment.text = clean.text
        comment.ownText = clean.ownText
        comment.quotes = clean.quotes
        for (k, id) in d.quotedIDs.enumerated() where k < comment.quotes.count {
            comment.quotes[k].quotedCommentID = id
        }
        comment.sentences = clean.sentences
        if clean.text.isEmpty, !flags.contains(.deleted), !flags.contains(.dead) { flags.append(.empty) }
        comment.flags = normalized(flags)
        comment.compactTextStorage()
        return comment
    }

    /// Whether `s` holds at most 12 bytes between its leading and trailing white space (the longest
    /// placeholder is `[removed]`), found without making a trimmed copy.
    static func mayBePlaceholder(_ s: String) -> Bool {
        let u = s.utf8
        if u.count <= 12 { return true }
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var lo = u.startIndex, hi = u.endIndex
        while lo < hi, blank(u[lo]) { lo = u.index(after: lo) }
        while hi > lo, blank(u[u.index(before: hi)]) { hi = u.index(before: hi) }
        return u.distance(from: lo, to: hi) <= 12
    }

    static func normalized(_ flags: [CommentFlag]) -> [CommentFlag] {
        flags.count < 2 ? flags : Array(Set(flags)).sorted()
    }
}
