import TextProcessing
import ThreadModel

/// Resolves a thread's reply tree from the parent ids its readers found.
///
/// In order: a second comment with an id already used is skipped (an error, counted) and the first
/// is flagged `duplicateID`; a parent id naming no comment of the thread makes the comment top-level,
/// flagged `orphan` (a warning), unless the reader declared that id the thread's missing root;
/// a parent chain that loops is cut at the comment where the walk met it again (`cycleBroken`);
/// depths are then computed. Quotes get `quotedCommentID` when an ancestor's text (up to three
/// levels up) contains the quote's opening.
///
/// Every walk is iterative with an explicit path: a 100,000-deep chain costs O(n) time and no stack.
enum ThreadBuilder {
    /// - Parameter input: taken over: when the caller passes its last reference, the comments are
    ///   updated in place instead of copied.
    static func resolve(_ input: consuming [Comment], rootIDs: Set<String> = [], context: inout ReadContext) throws -> [Comment] {
        var index: [String: Int] = [:]
        index.reserveCapacity(input.count)
        var comments = input
        var unique = true
        for k in comments.indices {
            let id = comments[k].id
            if index[id] != nil { unique = false; break }
            index[id] = k
        }
        if !unique {
            // Duplicate ids: keep the first of each, flag it, skip (and count) the others.
            let all = comments
            comments = []
            comments.reserveCapacity(all.count)
            index.removeAll(keepingCapacity: true)
            for c in all {
                if let first = index[c.id] {
                    try context.skip(line: c.location.line, field: "id", code: "duplicate-id",
                                     "id '\(c.id)' is already used at line \(comments[first].location.line); record skipped")
                    if !comments[first].flags.contains(.duplicateID) {
                        comments[first].flags = CommentFactory.normalized(comments[first].flags + [.duplicateID])
                    }
                    continue
                }
                index[c.id] = comments.count
                comments.append(c)
            }
        }
        let n = comments.count
        var parent = [Int](repeating: -1, count: n)
        for i in 0..<n {
            guard let p = comments[i].parentID else { continue }
            if let j = index[p], j != i {
                parent[i] = j
            } else if rootIDs.contains(p) {
                // Replies to a root that is not in the input (a story, an absent first mail).
                comments[i].parentID = nil
                comments[i].parentLink = .none
            } else if index[p] == i {
                cut(&comments[i], flag: .cycleBroken, context: &context, code: "parent-cycle",
                    "comment \(comments[i].id) names itself as parent; made top-level")
            } else {
                cut(&comments[i], flag: .orphan, context: &context, code: "orphan",
                    "parent '\(p)' of comment \(comments[i].id) is not in the input; made top-level")
            }
        }
        // Cycles: walk up from each unvisited comment; meeting the current path again is a loop.
        var state = [UInt8](repeating: 0, count: n)  // 0 new, 1 on path, 2 done
        var path: [Int] = []
        for i in 0..<n where state[i] == 0 {
            path.removeAll(keepingCapacity: true)
            var j = i
            while j != -1, state[j] == 0 {
                state[j] = 1
                path.append(j)
                j = parent[j]
            }
            if j != -1, state[j] == 1 {
                parent[j] = -1
                let loopParent = comments[j].parentID ?? ""
                cut(&comments[j], flag: .cycleBroken, context: &context, code: "parent-cycle",
                    "the parent chain of comment \(comments[j].id) loops back through '\(loopParent)'; link cut, made top-level")
            }
            for k in path { state[k] = 2 }
        }
        // Depths: walk up to a known depth, then assign on the way back.
        var depth = [Int](repeating: -1, count: n)
        for i in 0..<n where depth[i] < 0 {
            path.removeAll(keepingCapacity: true)
            var j = i
            while j != -1, depth[j] < 0 {
                path.append(j)
                j = parent[j]
            }
            var d = j == -1 ? -1 : depth[j]
            for k in path.reversed() {
                d += 1
                depth[k] = d
            }
        }
        // Each ancestor's bytes are made once per thread however many replies quote it.
        var own: [Int: [UInt8]] = [:]
        var full: [Int: [UInt8]] = [:]
        for i in 0..<n {
            comments[i].depth = depth[i]
            guard !comments[i].quotes.isEmpty, parent[i] >= 0 else { continue }
            attributeQuotes(i, in: &comments, ancestors: ancestors(i, parent, limit: 3), own: &own, full: &full)
        }
        return comments
    }

    static func cut(_ c: inout Comment, flag: CommentFlag, context: inout ReadContext, code: String, _ message: String) {
        c.parentID = nil
        c.parentLink = .none
        c.flags = CommentFactory.normalized(c.flags + [flag])
        context.warn(line: c.location.line, field: "parent", code: code, message)
    }

    static func ancestors(_ i: Int, _ parent: [Int], limit: Int) -> [Int] {
        var out: [Int] = []
        var j = parent[i]
        while j >= 0, out.count < limit {
            out.append(j)
            j = parent[j]
        }
        return out
    }

    /// Sets `quotedCommentID` on the quotes of `comments[i]` whose opening words appear in an ancestor's
    /// own text (or, failing that, anywhere in its text). `own` and `full` cache ancestors' bytes by index.
    static func attributeQuotes(_ i: Int, in comments: inout [Comment], ancestors: [Int],
                                own: inout [Int: [UInt8]], full: inout [Int: [UInt8]]) {
        guard !ancestors.isEmpty else { return }
        let textBytes = Array(comments[i].text.utf8)
        for q in comments[i].quotes.indices where comments[i].quotes[q].quotedCommentID == nil {
            let needle = opening(textBytes, comments[i].quotes[q].span)
            guard needle.count >= 8 else { continue }
            var found: Int? = nil
            for a in ancestors {
                if own[a] == nil { own[a] = comments[a].withOwnTextUTF8 { Array($0) } }
                if let h = own[a], UTF8Text.contains(h, needle) { found = a; break }
            }
            if found == nil {
                for a in ancestors {
                    if full[a] == nil { full[a] = Array(comments[a].text.utf8) }
                    if let h = full[a], UTF8Text.contains(h, needle) { found = a; break }
                }
            }
            if let found { comments[i].quotes[q].quotedCommentID = comments[found].id }
        }
    }

    /// The first line of a quote, at most 80 bytes (cut at a character boundary), trimmed.
    static func opening(_ text: [UInt8], _ span: Span) -> [UInt8] {
        var s = max(0, span.start)
        let limit = min(span.end, text.count)
        while s < limit, text[s] == 0x20 || text[s] == 0x09 { s += 1 }
        var e = s
        while e < limit, e - s < 80, text[e] != 0x0A { e += 1 }
        if e < limit, e - s == 80 {
            while e > s, text[e] & 0xC0 == 0x80 { e -= 1 }  // do not split a character
        }
        while e > s, text[e - 1] == 0x20 || text[e - 1] == 0x09 || text[e - 1] == 0x0D { e -= 1 }
        return Array(text[s..<e])
    }
}
