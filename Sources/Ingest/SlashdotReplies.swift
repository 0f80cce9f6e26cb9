import TextProcessing
import ThreadModel

/// Infers the reply tree of a Slashdot dump, which has no parent ids, comment by comment in order.
///
/// Evidence, strongest first:
/// 1. **Quotes.** Any body line of 20+ bytes (`>` markers aside) found in an earlier comment or in the
///    story is a quote, wherever it stands in the reply. Each block of quoted lines is attributed to the
///    comment that wrote it: the nearest comment on the *spine* (below) whose own words hold its first
///    line (all of the block's lines first), else the nearest spine comment whose text holds it, else the
///    latest earlier comment whose own words (then text) hold it; lines found only in the story quote the story. The first block quoting
///    a comment makes that comment the parent (`quote`).
/// 2. **Subject chains.** A `Re:X` reply without such a quote hangs under the nearest spine comment whose
///    subject, without `Re:`, is `X` or was cut to a bare `Re:` (Slashdot titles a reply `Re:` + its
///    parent's subject, and shows long chains as bare `Re:`); failing that, under the latest top-level
///    comment titled `X` (`subject`).
/// 3. **Order.** A bare `Re:` (a subject cut to nothing) hangs under the previous comment (`subject`).
/// Subjects without `Re:` are top-level (`none`), even when they quote (the quote still names its source).
///
/// The spine: dumps list comments depth-first, so a reply follows its parent's subtree and its parent
/// is the previous comment or one of that comment's ancestors. Preferring spine comments is what keeps
/// a reply that quotes a widely quoted sentence under the comment it answers.
///
/// Complexity: O(n) byte searches over earlier comments per quoted line; threads are small.
struct ReplyInference {
    struct Reply {
        var parent: Int?
        var link: ParentLink
        /// Per body line: whether it is a quote that the layout must be told about (no `>` marker).
        var quotedLines: [Bool]
        /// Per quote block, in order: the comment quoted, or nil (the story, or unknown).
        var quoteSources: [Int?]
    }

    let story: [UInt8]
    private var texts: [[UInt8]] = []
    private var owns: [[UInt8]] = []
    private var topics: [String] = []
    private var parents: [Int?] = []

    init(story: [UInt8]) {
        self.story = story
    }

    /// The comments a new reply may answer: the previous comment and its ancestors, nearest first.
    private var spine: [Int] {
        var out: [Int] = []
        var j: Int? = texts.isEmpty ? nil : texts.count - 1
        while let k = j, out.count <= texts.count {
            out.append(k)
            j = parents[k]
        }
        return out
    }

    /// Adds the next comment and returns what was inferred for it.
    mutating func add(subject: String, body: [String]) -> Reply {
        let h = texts.count
        let isReply = subject.lowercased().hasPrefix("re:")
        let topic = isReply ? String(subject.dropFirst(3)).trimmingSpaces : subject
        let spine = self.spine
        // 1. Quoted lines and their blocks.
        var quotedLines = [Bool](repeating: false, count: body.count)
        var sources: [Int?] = []
        var block: [[UInt8]] = []  // the found lines of the current block
        var inBlock = false
        var ownLines: [Substring] = []
        func closeBlock() {
            if inBlock { sources.append(block.isEmpty ? nil : source(of: block, spine: spine)) }
            block = []
            inBlock = false
        }
        for (n, line) in body.enumerated() {
            var t = Substring(line.trimmingSpaces)
            let marked = t.first == ">"
            while t.first == ">" { t = t.dropFirst().drop(while: { $0 == " " }) }
            let needle = Array(t.utf8)
            let found = needle.count >= 20 && (texts.contains { UTF8Text.contains($0, needle) } || UTF8Text.contains(story, needle))
            if found || marked {
                inBlock = true
                if found { block.append(needle) }
                quotedLines[n] = found && !marked
            } else {
                closeBlock()
                ownLines.append(Substring(line))
            }
        }
        closeBlock()
        var parent: Int? = nil
        var link = ParentLink.none
        if let quoted = sources.lazy.compactMap({ $0 }).first {
            parent = quoted
            link = .quote
        }
        // 2 and 3. Subject chains and order.
        if parent == nil, isReply, h > 0 {
            if topic.isEmpty {
                parent = h - 1
            } else {
                // A bare `Re:` is a subject cut short on display: it may be any subject of the chain.
                parent = spine.first { topics[$0] == topic || topics[$0].isEmpty }
                    ?? topics.indices.last { parents[$0] == nil && topics[$0] == topic }
                    ?? h - 1
            }
            link = .subject
        }
        if !isReply, link == .quote {
            // A top-level subject that quotes: it stays top-level, the quote still names its source.
            parent = nil
            link = .none
        }
        texts.append(Array(body.joined(separator: "\n").utf8))
        owns.append(Array(ownLines.joined(separator: "\n").utf8))
        topics.append(topic)
        parents.append(parent)
        return Reply(parent: parent, link: link, quotedLines: quotedLines, quoteSources: sources)
    }

    /// The comment a block of quoted lines comes from (see the type's rule 1), or nil when only the story
    /// has them: the nearest spine comment whose own words hold every line, then whose text does; then
    /// the same for the block's first line; then the latest earlier comment holding it.
    private func source(of lines: [[UInt8]], spine: [Int]) -> Int? {
        func all(_ haystack: [UInt8]) -> Bool { lines.allSatisfy { UTF8Text.contains(haystack, $0) } }
        let first = lines[0]
        return spine.first { all(owns[$0]) }
            ?? spine.first { all(texts[$0]) }
            ?? spine.first { UTF8Text.contains(owns[$0], first) }
            ?? spine.first { UTF8Text.contains(texts[$0], first) }
            ?? owns.indices.last { UTF8Text.contains(owns[$0], first) }
            ?? texts.indices.last { UTF8Text.contains(texts[$0], first) }
    }
}
