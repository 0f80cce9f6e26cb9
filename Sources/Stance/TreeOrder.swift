import ThreadModel

/// The order in which a thread's comments are scored: every parent before its replies.
///
/// Iterative (an explicit stack), so a reply chain 100,000 deep costs no call stack.
/// Comments whose parent is missing, is the comment itself, or appears twice are roots; comments
/// on a parent cycle (which ingest should already have broken) and their replies come last, in
/// input order; each sees its parent's stance only if the parent was scored before it.
///
/// Complexity: O(n).
enum TreeOrder {
    /// Indices into `comments`, parents first; replies keep their input order among siblings.
    /// Also returns, for each comment, the index of its parent when the parent is scored first.
    static func order(_ comments: [Comment]) -> (order: [Int], parent: [Int?]) {
        var index: [String: Int] = [:]
        index.reserveCapacity(comments.count)
        for (i, c) in comments.enumerated() where index[c.id] == nil { index[c.id] = i }
        var parent = [Int?](repeating: nil, count: comments.count)
        var children = [[Int]](repeating: [], count: comments.count)
        var roots: [Int] = []
        for (i, c) in comments.enumerated() {
            if let pid = c.parentID, let p = index[pid], p != i {
                parent[i] = p
                children[p].append(i)
            } else {
                roots.append(i)
            }
        }
        var order: [Int] = []
        order.reserveCapacity(comments.count)
        var seen = [Bool](repeating: false, count: comments.count)
        var stack: [Int] = roots.reversed()
        while let i = stack.popLast() {
            guard !seen[i] else { continue }
            seen[i] = true
            order.append(i)
            for child in children[i].reversed() where !seen[child] { stack.append(child) }
        }
        // Cycles: none of their members is reachable from a root.
        for i in comments.indices where !seen[i] {
            if let p = parent[i], !seen[p] { parent[i] = nil }
            seen[i] = true
            order.append(i)
        }
        return (order, parent)
    }
}
