import ThreadModel

/// What one word of a pattern asks of a token: the token's folded form (or, when `caseSensitive`,
/// its text without a possessive `'s`) equals `word`, or starts with it when `prefix`.
struct WordTest: Hashable, Sendable {
    var word: String
    var caseSensitive: Bool
    var prefix: Bool

    /// Whether `token` passes the test anywhere in a pattern.
    func accepts(_ token: Token) -> Bool {
        let key = caseSensitive ? TermPattern.stripPossessive(token.text) : token.folded
        return prefix ? key.hasPrefix(word) : key == word
    }

    /// Whether `token` can start a pattern whose first word is this test. A pattern is looked up by
    /// its first word folded, a one-word prefix pattern by the first `PatternIndex.keyLength`
    /// characters of its word folded; a token must reach the pattern that way before its words are
    /// compared. For ASCII words this follows from `accepts`; it is kept for the rest so that
    /// every text matches as it always has.
    func starts(_ token: Token) -> Bool {
        guard accepts(token) else { return false }
        let lowered = word.lowercased()
        guard prefix else { return token.folded == lowered }
        let key = String(lowered.prefix(PatternIndex.keyLength))
        var head = ""
        for ch in token.folded.prefix(PatternIndex.keyLength) {
            head.append(ch)
            if head == key { return true }
        }
        return false
    }
}

/// Several lists of patterns compiled into one index, matched in one pass over a comment's tokens.
///
/// Each distinct pattern word becomes a `WordTest` with an id. A token is first turned into the ids
/// of the tests it passes (`hits`); then a trie of the patterns over test ids is walked from every
/// token, so a comment costs one look-up per token plus a step per token of each phrase that
/// really begins there, whatever the number of patterns and lists.
///
/// Token look-up: when every pattern word is ASCII, an ASCII token walks two byte tries (one of
/// the folded words, one of the case-sensitive words) from its bytes, collecting exact and prefix
/// words on the way, with no hashing and no string built. A token holding a non-ASCII scalar (or
/// ending in a capital `'S`, whose folded and case-kept forms drop different suffixes) takes the
/// general path: dictionary look-ups and `String` comparisons with Unicode canonical equivalence,
/// the semantics `TermPattern` documents. Both paths give the same ids; the tests check them
/// against a direct reading of the pattern syntax.
///
/// Complexity: building O(total pattern length); matching O(tokens × (token length + hits)).
final class PatternIndex: Sendable {
    /// Characters of a one-word prefix pattern by which it is looked up.
    static let keyLength = 3

    let tests: [WordTest]
    let groupCount: Int
    // General path.
    private let exactFolded: [String: Int32]
    private let exactCased: [String: Int32]
    private let prefixTests: [Int32]
    // Fast path.
    private let asciiWords: Bool
    private let folded: ByteTrie
    private let cased: ByteTrie
    private let anyCased: Bool
    // Pattern trie over test ids; node 0 is the root.
    private let rootChild: [Int32]
    private let edgeStart: [Int32]
    private let edgeTest: [Int32]
    private let edgeNode: [Int32]
    private let terminalStart: [Int32]
    private let terminalGroup: [Int32]
    private let terminalPattern: [Int32]

    /// The test id of each of the extra words given to `init`.
    let wordIDs: [Int32]

    /// - Parameters:
    ///   - groups: lists of patterns; matches are reported per list.
    ///   - words: single words (folded) to recognise in tokens without being patterns: their test ids
    ///     are `wordIDs`, in order.
    init(groups: [[TermPattern]], words: [String] = []) {
        groupCount = groups.count
        var ids: [WordTest: Int32] = [:]
        var tests: [WordTest] = []
        func id(_ t: WordTest) -> Int32 {
            if let i = ids[t] { return i }
            let i = Int32(tests.count)
            ids[t] = i
            tests.append(t)
            return i
        }
        var children: [[Int32: Int32]] = [[:]]
        var terminals: [[(Int32, Int32)]] = [[]]
        for (g, patterns) in groups.enumerated() {
            for (p, pattern) in patterns.enumerated() {
                var node = 0
                for (k, word) in pattern.words.enumerated() {
                    let test = id(WordTest(word: word, caseSensitive: pattern.caseSensitive,
                                           prefix: pattern.prefix && k == pattern.words.count - 1))
                    if let next = children[node][test] {
                        node = Int(next)
                    } else {
                        children[node][test] = Int32(children.count)
                        node = children.count
                        children.append([:])
                        terminals.append([])
                    }
                }
                terminals[node].append((Int32(g), Int32(p)))
            }
        }
        wordIDs = words.map { id(WordTest(word: $0, caseSensitive: false, prefix: false)) }
        self.tests = tests
        var exactFolded: [String: Int32] = [:], exactCased: [String: Int32] = [:], prefixTests: [Int32] = []
        for (i, t) in tests.enumerated() {
            if t.prefix { prefixTests.append(Int32(i)) } else if t.caseSensitive { exactCased[t.word] = Int32(i) } else {
                exactFolded[t.word] = Int32(i)
            }
        }
        self.exactFolded = exactFolded
        self.exactCased = exactCased
        self.prefixTests = prefixTests
        asciiWords = tests.allSatisfy { $0.word.utf8.allSatisfy { $0 < 0x80 } }
        let entries = tests.enumerated().map { (word: $0.element.word, test: Int32($0.offset), prefix: $0.element.prefix) }
        folded = ByteTrie(entries.filter { !tests[Int($0.test)].caseSensitive })
        cased = ByteTrie(entries.filter { tests[Int($0.test)].caseSensitive })
        anyCased = tests.contains { $0.caseSensitive }

        var rootChild = [Int32](repeating: -1, count: tests.count)
        for (test, node) in children[0] { rootChild[Int(test)] = node }
        self.rootChild = rootChild
        var edgeStart: [Int32] = [0], edgeTest: [Int32] = [], edgeNode: [Int32] = []
        var terminalStart: [Int32] = [0], terminalGroup: [Int32] = [], terminalPattern: [Int32] = []
        for n in children.indices {
            for (test, node) in children[n].sorted(by: { $0.key < $1.key }) where n > 0 {
                edgeTest.append(test)
                edgeNode.append(node)
            }
            edgeStart.append(Int32(edgeTest.count))
            for (g, p) in terminals[n] {
                terminalGroup.append(g)
                terminalPattern.append(p)
            }
            terminalStart.append(Int32(terminalGroup.count))
        }
        self.edgeStart = edgeStart
        self.edgeTest = edgeTest
        self.edgeNode = edgeNode
        self.terminalStart = terminalStart
        self.terminalGroup = terminalGroup
        self.terminalPattern = terminalPattern
    }

    /// The tests each token passes: `ids[start[t]..<start[t + 1]]`, of which the first
    /// `firstCount[t]` also let the token start a pattern (`WordTest.starts`).
    struct Hits {
        var start: [Int32]
        var firstCount: [Int32]
        var ids: [Int32]
    }

    /// Hits of `tokens`, whose spans index `text` (the bytes they were cut from); with `text` nil,
    /// each token's own text is read instead.
    func hits(_ tokens: [Token], text: [UInt8]?) -> Hits {
        var h = Hits(start: [0], firstCount: [], ids: [])
        h.start.reserveCapacity(tokens.count + 1)
        h.firstCount.reserveCapacity(tokens.count)
        h.ids.reserveCapacity(tokens.count)
        for token in tokens {
            let before = h.ids.count
            var fast = false
            if asciiWords {
                if let text {
                    fast = fastHits(text, token.span.start, token.span.end, into: &h.ids)
                } else {
                    let own = Array(token.text.utf8)
                    fast = fastHits(own, 0, own.count, into: &h.ids)
                }
            }
            if fast {
                h.firstCount.append(Int32(h.ids.count - before))
            } else {
                h.firstCount.append(Int32(generalHits(token, into: &h.ids)))
            }
            h.start.append(Int32(h.ids.count))
        }
        return h
    }

    /// Tests passed by the ASCII token `b[lo..<hi]`, found by walking the byte tries; false (and
    /// nothing appended) when the token is not for this path.
    @inline(__always)
    private func fastHits(_ b: [UInt8], _ lo: Int, _ hi: Int, into ids: inout [Int32]) -> Bool {
        for k in lo..<hi where b[k] >= 0x80 { return false }
        var end = hi
        if hi - lo > 2, b[hi - 2] == 0x27 {
            if b[hi - 1] == 0x73 { end -= 2 } else if b[hi - 1] == 0x53 { return false }
        }
        folded.walk(b, lo, end, lower: true, into: &ids)
        if anyCased { cased.walk(b, lo, end, lower: false, into: &ids) }
        return true
    }

    /// Tests passed by `token`, by the definitions; those that can start a pattern first.
    /// Returns how many can start one.
    private func generalHits(_ token: Token, into ids: inout [Int32]) -> Int {
        var accepted: [Int32] = []
        if let i = exactFolded[token.folded] { accepted.append(i) }
        if anyCased, let i = exactCased[TermPattern.stripPossessive(token.text)] { accepted.append(i) }
        for i in prefixTests where tests[Int(i)].accepts(token) { accepted.append(i) }
        let first = accepted.filter { tests[Int($0)].starts(token) }
        ids += first
        ids += accepted.filter { !first.contains($0) }
        return first.count
    }

    /// Every match of every group, each group's ordered by start, then longest first, then pattern.
    func matches(_ tokens: [Token], _ h: Hits) -> [[PhraseMatch]] {
        var found = [[PhraseMatch]](repeating: [], count: groupCount)
        for t in tokens.indices {
            let s = Int(h.start[t])
            for j in s..<(s + Int(h.firstCount[t])) {
                let node = rootChild[Int(h.ids[j])]
                if node >= 0 { extend(Int(node), from: t, length: 1, tokens, h, &found) }
            }
        }
        for g in found.indices where found[g].count > 1 {
            found[g].sort {
                ($0.tokens.lowerBound, -$0.tokens.count, $0.pattern) < ($1.tokens.lowerBound, -$1.tokens.count, $1.pattern)
            }
        }
        return found
    }

    /// Records the patterns ending at `node` (their words cover `from..<from + length`) and follows
    /// the next token's hits.
    private func extend(_ node: Int, from t: Int, length: Int, _ tokens: [Token], _ h: Hits,
                        _ found: inout [[PhraseMatch]]) {
        let end = t + length
        for k in Int(terminalStart[node])..<Int(terminalStart[node + 1]) {
            found[Int(terminalGroup[k])].append(PhraseMatch(
                pattern: Int(terminalPattern[k]), tokens: t..<end,
                span: Span(tokens[t].span.start, tokens[end - 1].span.end)))
        }
        let edges = Int(edgeStart[node])..<Int(edgeStart[node + 1])
        guard end < tokens.count, !edges.isEmpty else { return }
        for j in Int(h.start[end])..<Int(h.start[end + 1]) {
            let test = h.ids[j]
            for e in edges where edgeTest[e] == test {
                extend(Int(edgeNode[e]), from: t, length: length + 1, tokens, h, &found)
            }
        }
    }
}

/// A trie of ASCII words over bytes, for looking tokens up from their bytes. Each node knows the
/// exact-word test ending there and the prefix-word tests ending there.
///
/// Layout: nodes are numbered breadth-first, so the first levels, where every look-up passes, sit
/// together, and a node's children are consecutive: the node's edge bytes are a short run of
/// `edgeByte`, and edge `e` leads to node `e + 1` (every node but the root has one edge in).
/// A node is 8 bytes; the root's children are also a table by byte.
///
/// Design note: a dense table (a row of every byte for every node) was tried first; on a profile of a
/// few thousand nodes it outgrew the caches and most steps missed.
struct ByteTrie: Sendable {
    private struct Node {
        var firstEdge: Int32 = 0
        var edgeCount: UInt8 = 0
        var hasPrefixes = false
    }
    private var nodes: [Node] = []
    private var rootChild = [Int32](repeating: -1, count: 128)
    private var edgeByte: [UInt8] = []
    private var exact: [Int32] = []
    /// Prefix tests of node n: `prefixTests[prefixStart[n]..<prefixStart[n + 1]]`.
    private var prefixStart: [Int32] = [0]
    private var prefixTests: [Int32] = []

    /// - Parameter words: (word, test, prefix); words that are not ASCII are left out.
    init(_ words: [(word: String, test: Int32, prefix: Bool)] = []) {
        var children: [[UInt8: Int]] = [[:]]
        var exactOf: [Int32] = [-1]
        var prefixesOf: [[Int32]] = [[]]
        for (word, test, prefix) in words {
            let bytes = Array(word.utf8)
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) else { continue }
            var node = 0
            for x in bytes {
                if let next = children[node][x] {
                    node = next
                } else {
                    children[node][x] = children.count
                    node = children.count
                    children.append([:])
                    exactOf.append(-1)
                    prefixesOf.append([])
                }
            }
            if prefix { prefixesOf[node].append(test) } else { exactOf[node] = test }
        }
        // Breadth-first order; children in byte order.
        var order = [0]
        var k = 0
        while k < order.count {
            order += children[order[k]].sorted(by: { $0.key < $1.key }).map(\.value)
            k += 1
        }
        for old in order {
            let edges = children[old].sorted(by: { $0.key < $1.key })
            precondition(edges.count <= Int(UInt8.max), "ByteTrie: more children than ASCII bytes")
            if old == 0 {
                for (e, edge) in edges.enumerated() { rootChild[Int(edge.key)] = Int32(edgeByte.count + e + 1) }
            }
            nodes.append(Node(firstEdge: Int32(edgeByte.count), edgeCount: UInt8(edges.count),
                              hasPrefixes: !prefixesOf[old].isEmpty))
            edgeByte += edges.map(\.key)
            exact.append(exactOf[old])
            prefixTests += prefixesOf[old]
            prefixStart.append(Int32(prefixTests.count))
        }
    }

    /// Appends the tests passed by the ASCII key `b[lo..<hi]` (lower-cased first when `lower`).
    @inline(__always)
    func walk(_ b: [UInt8], _ lo: Int, _ hi: Int, lower: Bool, into ids: inout [Int32]) {
        guard nodes.count > 1, lo < hi else { return }
        var first = b[lo]
        if lower, first >= 0x41, first <= 0x5A { first += 32 }
        var node = Int(rootChild[Int(first)])
        if node < 0 { return }
        var k = lo + 1
        while true {
            let n = nodes[node]
            if n.hasPrefixes {
                for p in Int(prefixStart[node])..<Int(prefixStart[node + 1]) { ids.append(prefixTests[p]) }
            }
            if k == hi { break }
            var x = b[k]
            if lower, x >= 0x41, x <= 0x5A { x += 32 }
            var e = Int(n.firstEdge)
            let end = e + Int(n.edgeCount)
            while e < end, edgeByte[e] != x { e += 1 }
            if e == end { return }
            node = e + 1
            k += 1
        }
        if exact[node] >= 0 { ids.append(exact[node]) }
    }
}
