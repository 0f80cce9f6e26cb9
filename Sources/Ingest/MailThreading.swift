import ThreadModel

/// The threads of an mbox, built while it is read.
///
/// Each mail is added as its finished `Comment` as soon as it is parsed, so neither the raw message
/// nor the decoded draft outlives it; only the reply headers wait for the end of the file, as numbers:
/// every distinct message id (a mail's own or one it names) is interned once, and References lists
/// become runs of 4-byte numbers in one flat array. At the end parents and threads are resolved:
///
/// - the parent is In-Reply-To when that message is in the file, else the last References id that is;
/// - a mail whose ancestors are not in the file belongs to the thread of its first References id (or
///   In-Reply-To): the missing root. Replies to it are top-level, reported once per thread
///   (`missing-root`);
/// - the thread id is the topmost ancestor's id (or its missing root), its title that of the thread's
///   first titled mail without `Re:` prefixes.
///
/// Complexity: O(n + r) time for n mails and r References entries; the walks up the parent chains are
/// iterative and remember their results, so a 100,000-deep chain costs no stack.
struct MailThreading {
    /// Message id → its number: an open-addressing table of numbers (-1: empty slot), a power of two at
    /// least twice the ids in size, probed linearly from the id's hash. A `[String: Int32]` spent 20 bytes a
    /// bucket on a copy of the key; this spends 4 and compares with `idOf`.
    private var slots = [Int32](repeating: -1, count: 1024)
    /// Number → the id (the same string storage as the comment's `id` where there is one).
    private var idOf: [String] = []
    /// Number → the first comment with that id, or -1.
    private var owner: [Int32] = []
    /// Comments in file order, in blocks of `blockSize`: no array of all comments is ever copied to grow,
    /// and at the end each block is freed once its comments have moved into their threads.
    private var blocks: [[Comment]] = []
    private var n = 0
    static let blockSize = 1024
    /// Per comment: the number of its own id, of its In-Reply-To id (-1: none), its References run in `refs`.
    private var ownNumber: [Int32] = []
    private var inReplyTo: [Int32] = []
    private var refEnd: [Int] = []
    private var refs: [Int32] = []
    /// Replies repeat their subject: one stored copy per distinct subject.
    private var subjects: [String: String] = [:]

    var count: Int { n }

    private mutating func intern(_ id: String) -> Int32 {
        let mask = slots.count - 1
        var k = id.hashValue & mask
        while slots[k] >= 0 {
            if idOf[Int(slots[k])] == id { return slots[k] }
            k = (k + 1) & mask
        }
        let n = Int32(idOf.count)
        slots[k] = n
        idOf.append(id)
        owner.append(-1)
        if idOf.count * 2 > slots.count { grow() }
        return n
    }

    /// Doubles the table and places every id again.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (n, id) in idOf.enumerated() {
            var k = id.hashValue & mask
            while slots[k] >= 0 { k = (k + 1) & mask }
            slots[k] = Int32(n)
        }
    }

    /// The stored copy of a subject equal to `s`.
    mutating func sharedSubject(_ s: String) -> String {
        if let same = subjects[s] { return same }
        subjects[s] = s
        return s
    }

    /// Adds a finished comment (its `threadID`, `parentID` and `parentLink` are set at the end) with its
    /// reply headers.
    mutating func add(_ c: Comment, inReplyTo irt: String?, references: [String]) {
        let own = intern(c.id)
        if owner[Int(own)] < 0 { owner[Int(own)] = Int32(n) }
        if n % Self.blockSize == 0 {
            blocks.append([])
            blocks[blocks.count - 1].reserveCapacity(Self.blockSize)
        }
        blocks[blocks.count - 1].append(c)
        n += 1
        ownNumber.append(own)
        inReplyTo.append(irt.map { intern($0) } ?? -1)
        for r in references { refs.append(intern(r)) }
        refEnd.append(refs.count)
    }

    /// The comment of the last id of `refs[run]` that is in the file (other than comment `k`).
    private func lastPresent(_ run: Range<Int>, except k: Int) -> Int32? {
        for r in run.reversed() {
            let p = owner[Int(refs[r])]
            if p >= 0, p != Int32(k) { return p }
        }
        return nil
    }

    /// Resolves parents and threads and returns the threads in order of their first mail.
    mutating func threads(path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        var parent = [Int32](repeating: -1, count: n)
        var missingRoot = [Int32](repeating: -1, count: n)
        for k in 0..<n {
            let refRun = (k == 0 ? 0 : refEnd[k - 1])..<refEnd[k]
            let irt = inReplyTo[k]
            if irt >= 0, owner[Int(irt)] >= 0, owner[Int(irt)] != Int32(k) {
                parent[k] = owner[Int(irt)]
            } else if let p = lastPresent(refRun, except: k) {
                parent[k] = p
            } else if !refRun.isEmpty {
                missingRoot[k] = refs[refRun.lowerBound]
            } else if irt >= 0 {
                missingRoot[k] = irt
            }
        }
        // Parents are known: the reply headers and the id table go now, before the threads are assembled.
        inReplyTo = []
        refEnd = []
        refs = []
        owner = []
        slots = []
        subjects = [:]
        // Thread of each mail (an id number): its topmost ancestor's id, or that ancestor's missing root.
        var threadOf = [Int32](repeating: -1, count: n)
        var chain: [Int] = []
        var onChain = [Bool](repeating: false, count: n)
        for k in 0..<n where threadOf[k] < 0 {
            chain.removeAll(keepingCapacity: true)
            var j = k
            while threadOf[j] < 0, parent[j] >= 0, !onChain[j] {
                onChain[j] = true
                chain.append(j)
                j = Int(parent[j])
            }
            let t = threadOf[j] >= 0 ? threadOf[j] : missingRoot[j] >= 0 ? missingRoot[j] : ownNumber[j]
            threadOf[j] = t
            for p in chain {
                threadOf[p] = t
                onChain[p] = false
            }
        }
        // Threads in order of their first mail, each with its size known before any comment moves.
        var position: [Int32: Int] = [:]
        var sizes: [Int] = []
        var order: [Int32] = []
        for k in 0..<n {
            let t = threadOf[k]
            if let p = position[t] { sizes[p] += 1 } else {
                position[t] = order.count
                order.append(t)
                sizes.append(1)
            }
        }
        // Each thread's array is allocated at its first comment, at its final size, so the structs are held
        // about once: the blocks already passed are freed while the threads fill.
        var lists = [[Comment]](repeating: [], count: order.count)
        // Links, thread ids and titles; each block is freed once its comments have moved.
        var roots = Set<String>()
        var missingCounts: [Int32: (line: Int, count: Int)] = [:]
        var titles: [Int32: String] = [:]
        for b in blocks.indices {
            let block = blocks[b]
            blocks[b] = []
            for (i, var c) in block.enumerated() {
                let k = b * Self.blockSize + i
                let t = threadOf[k]
                c.threadID = idOf[Int(t)]
                if parent[k] >= 0 {
                    c.parentID = idOf[Int(ownNumber[Int(parent[k])])]
                    c.parentLink = .explicit
                } else if missingRoot[k] >= 0 {
                    let root = idOf[Int(missingRoot[k])]
                    c.parentID = root
                    c.parentLink = .explicit
                    roots.insert(root)
                    missingCounts[missingRoot[k], default: (c.location.line, 0)].count += 1
                }
                if titles[t] == nil, let title = c.title { titles[t] = MboxReader.baseSubject(title) }
                let p = position[t] ?? 0
                if lists[p].capacity == 0 { lists[p].reserveCapacity(sizes[p]) }
                lists[p].append(c)
            }
        }
        blocks = []
        for (root, info) in missingCounts.sorted(by: { $0.value.line < $1.value.line }) {
            let count = info.count
            context.warn(line: info.line, field: "In-Reply-To", code: "missing-root",
                         "thread root <\(idOf[Int(root)])> is not in the file; \(count) repl\(count == 1 ? "y" : "ies") made top-level")
        }
        ownNumber = []
        var out: [DiscussionThread] = []
        out.reserveCapacity(order.count)
        for (p, t) in order.enumerated() {
            let list = lists[p]
            lists[p] = []
            let resolved = try ThreadBuilder.resolve(list, rootIDs: roots, context: &context)
            var thread = DiscussionThread(id: idOf[Int(t)], source: .mbox, file: path, comments: resolved)
            thread.title = titles[t] ?? resolved.first(where: { $0.depth == 0 && $0.title != nil })?.title
            thread.postedAt = resolved.first?.postedAt
            out.append(thread)
        }
        return out
    }
}
