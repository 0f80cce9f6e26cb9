#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextProcessing
import ThreadModel

/// Why a JSON text could not be parsed, at which byte.
struct JSONError: Error, Sendable {
    enum Kind: String, Sendable { case truncated = "truncated-json", syntax = "bad-json" }
    var kind: Kind
    var offset: Int
    var message: String
}

/// A parsed JSON text as a flat tape of nodes, in document order.
///
/// Each node is a value; a container's `skip` is the index just past its last descendant, so moving to
/// the next sibling is O(1) and nothing is recursive: a 100,000-deep nesting parses with an explicit
/// stack and frees as one array. Strings and numbers are not decoded while parsing: a node keeps its
/// byte range, and readers decode only the fields they use. Objects hold key and value nodes in turn.
///
/// Design notes: `JSONSerialization` builds an `NSDictionary` per object and decodes every string,
/// about 0.85 s per 100k small objects here; it is also recursive. This tape keeps one reusable array.
struct JSONTape {
    enum Kind: UInt8 { case object, array, string, number, bool, null }
    struct Node {
        var kind: Kind
        /// Strings: whether the literal has backslash escapes. Bools: the value.
        var flag: Bool
        /// Byte range of a scalar's text (strings: without the quotes).
        var start: Int
        var end: Int
        /// Containers: index of the node after the subtree. Scalars: own index + 1.
        var skip: Int
    }

    private(set) var bytes: [UInt8] = []
    private(set) var nodes: [Node] = []
    private var stack: [Int] = []

    /// Parses `bytes[range]` as exactly one JSON value, replacing the tape's content.
    mutating func parse(_ bytes: [UInt8], _ range: Range<Int>) throws(JSONError) {
        self.bytes = bytes
        nodes.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the bytes")
        let end = range.upperBound
        var i = range.lowerBound
        var expectValue = true
        @inline(__always) func ws(_ i: inout Int) {
            while i < end {
                let c = bytes[i]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { break }
            }
        }
        func truncated(_ what: String) -> JSONError { JSONError(kind: .truncated, offset: i, message: "JSON ends inside \(what)") }
        func key(_ i: inout Int) throws(JSONError) {
            ws(&i)
            guard i < end else { throw JSONError(kind: .truncated, offset: i, message: "JSON ends inside an object") }
            guard bytes[i] == 0x22 else { throw JSONError(kind: .syntax, offset: i, message: "expected a quoted key") }
            try string(&i)
            ws(&i)
            guard i < end else { throw JSONError(kind: .truncated, offset: i, message: "JSON ends inside an object") }
            guard bytes[i] == 0x3A else { throw JSONError(kind: .syntax, offset: i, message: "expected ':' after a key") }
            i += 1
        }
        func string(_ i: inout Int) throws(JSONError) {
            let s = i + 1
            var j = s
            var escaped = false
            var closed = false
            // The next quote, then a backslash before it, each found with `memchr` (vector instructions);
            // an escape skips its next byte. The quote found stays the candidate until the scan passes it,
            // so a string with many escapes is still scanned once.
            bytes.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return }
                var quote = -1
                while j < end {
                    if quote < j {
                        guard let q = memchr(base + j, 0x22, end - j) else { return }
                        quote = base.distance(to: q.assumingMemoryBound(to: UInt8.self))
                    }
                    if let b = memchr(base + j, 0x5C, quote - j) {
                        escaped = true
                        j = base.distance(to: b.assumingMemoryBound(to: UInt8.self)) + 2
                        continue
                    }
                    j = quote
                    closed = true
                    return
                }
            }
            guard closed else { throw JSONError(kind: .truncated, offset: s - 1, message: "JSON ends inside a string") }
            nodes.append(Node(kind: .string, flag: escaped, start: s, end: j, skip: nodes.count + 1))
            i = j + 1
        }
        while true {
            if expectValue {
                ws(&i)
                guard i < end else { throw truncated(stack.isEmpty ? "an empty document" : "a value") }
                let c = bytes[i]
                switch c {
                case 0x7B, 0x5B:  // { [
                    let idx = nodes.count
                    nodes.append(Node(kind: c == 0x7B ? .object : .array, flag: false, start: i, end: i, skip: 0))
                    stack.append(idx)
                    i += 1
                    ws(&i)
                    guard i < end else { throw truncated(c == 0x7B ? "an object" : "an array") }
                    if bytes[i] == (c == 0x7B ? 0x7D : 0x5D) {
                        nodes[idx].skip = nodes.count
                        stack.removeLast()
                        i += 1
                        expectValue = false
                    } else if c == 0x7B {
                        try key(&i)
                    }
                    continue
                case 0x22:
                    try string(&i)
                case 0x2D, 0x30...0x39:
                    let s = i
                    i += 1
                    while i < end {
                        let d = bytes[i]
                        if (d >= 0x30 && d <= 0x39) || d == 0x2E || d == 0x65 || d == 0x45 || d == 0x2B || d == 0x2D { i += 1 } else { break }
                    }
                    nodes.append(Node(kind: .number, flag: false, start: s, end: i, skip: nodes.count + 1))
                case 0x74, 0x66, 0x6E:  // true false null
                    let word: [UInt8] = c == 0x74 ? [0x74, 0x72, 0x75, 0x65] : c == 0x66 ? [0x66, 0x61, 0x6C, 0x73, 0x65] : [0x6E, 0x75, 0x6C, 0x6C]
                    guard i + word.count <= end else { throw truncated("a literal") }
                    guard bytes[i..<(i + word.count)].elementsEqual(word) else {
                        throw JSONError(kind: .syntax, offset: i, message: "unexpected character '\(Character(Unicode.Scalar(c)))'")
                    }
                    nodes.append(Node(kind: c == 0x6E ? .null : .bool, flag: c == 0x74, start: i, end: i + word.count, skip: nodes.count + 1))
                    i += word.count
                default:
                    throw JSONError(kind: .syntax, offset: i, message: "unexpected character '\(Character(Unicode.Scalar(c)))'")
                }
                expectValue = false
            } else {
                guard let top = stack.last else { break }
                ws(&i)
                guard i < end else { throw truncated(nodes[top].kind == .object ? "an object" : "an array") }
                let c = bytes[i]
                let isObject = nodes[top].kind == .object
                if c == 0x2C {
                    i += 1
                    if isObject { try key(&i) }
                    expectValue = true
                } else if (isObject && c == 0x7D) || (!isObject && c == 0x5D) {
                    nodes[top].skip = nodes.count
                    nodes[top].end = i + 1
                    stack.removeLast()
                    i += 1
                } else {
                    throw JSONError(kind: .syntax, offset: i, message: isObject ? "expected ',' or '}'" : "expected ',' or ']'")
                }
            }
        }
        ws(&i)
        if i < end { throw JSONError(kind: .syntax, offset: i, message: "unexpected text after the JSON value") }
    }

    /// Drops the reference to the parsed bytes (the nodes keep their capacity): lets a line reader
    /// reuse its buffer instead of copying it.
    mutating func releaseBytes() {
        bytes = []
    }

    // MARK: Access

    var root: Int { 0 }
    func kind(_ n: Int) -> Kind { nodes[n].kind }

    /// Calls `body(key, valueIndex)` for each member of an object; keys are compared as raw bytes.
    func forEachMember(_ obj: Int, _ body: (ArraySlice<UInt8>, Int) -> Void) {
        guard nodes[obj].kind == .object else { return }
        var k = obj + 1
        let stop = nodes[obj].skip
        while k < stop {
            let key = nodes[k]
            body(bytes[key.start..<key.end], k + 1)
            k = nodes[k + 1].skip
        }
    }

    /// The value of `key` in an object, if present.
    func member(_ obj: Int, _ key: String) -> Int? {
        guard nodes[obj].kind == .object else { return nil }
        let want = Array(key.utf8)
        var k = obj + 1
        let stop = nodes[obj].skip
        while k < stop {
            let node = nodes[k]
            if node.end - node.start == want.count, bytes[node.start..<node.end].elementsEqual(want) { return k + 1 }
            k = nodes[k + 1].skip
        }
        return nil
    }

    /// The element indices of an array.
    func elements(_ arr: Int) -> [Int] {
        guard nodes[arr].kind == .array else { return [] }
        var out: [Int] = []
        var k = arr + 1
        while k < nodes[arr].skip {
            out.append(k)
            k = nodes[k].skip
        }
        return out
    }

    /// A string's decoded value (escapes resolved, invalid UTF-8 replaced and reported).
    func string(_ n: Int, invalid: inout Bool) -> String? {
        let node = nodes[n]
        guard node.kind == .string else { return nil }
        if !node.flag { return UTF8Text.decode(bytes, node.start..<node.end, invalid: &invalid) }
        var out: [UInt8] = []
        out.reserveCapacity(node.end - node.start)
        var i = node.start
        while i < node.end {
            // Copy the run up to the next backslash in one go.
            let j = UTF8Text.firstIndex(of: 0x5C, in: bytes, from: i, to: node.end) ?? node.end
            if j > i { out.append(contentsOf: bytes[i..<j]) }
            i = j
            guard i + 1 < node.end else {
                if i < node.end { out.append(bytes[i]) }
                break
            }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case 0x6E: out.append(0x0A)
            case 0x74: out.append(0x09)
            case 0x72: out.append(0x0D)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x75:
                guard var v = hex4(i, node.end) else { out.append(0x3F); continue }
                i += 4
                if v >= 0xD800, v < 0xDC00, i + 6 <= node.end, bytes[i] == 0x5C, bytes[i + 1] == 0x75,
                   let lo = hex4(i + 2, node.end), lo >= 0xDC00, lo < 0xE000 {
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                    i += 6
                }
                if let s = Unicode.Scalar(v) { HTMLEntities.appendUTF8(s, to: &out) } else {
                    invalid = true
                    HTMLEntities.appendUTF8("\u{FFFD}", to: &out)
                }
            default: out.append(e)  // \" \\ \/ and unknown escapes
            }
        }
        return UTF8Text.decode(out, 0..<out.count, invalid: &invalid)
    }

    private func hex4(_ i: Int, _ end: Int) -> UInt32? {
        guard i + 4 <= end else { return nil }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            let c = bytes[k]
            switch c {
            case 0x30...0x39: v = v << 4 | UInt32(c - 0x30)
            case 0x61...0x66: v = v << 4 | UInt32(c - 0x61 + 10)
            case 0x41...0x46: v = v << 4 | UInt32(c - 0x41 + 10)
            default: return nil
            }
        }
        return v
    }

    /// A scalar as text: strings decoded, numbers and booleans as written. Used for ids.
    func text(_ n: Int) -> String? {
        var invalid = false
        switch nodes[n].kind {
        case .string: return string(n, invalid: &invalid)
        case .number, .bool: return UTF8Text.decode(bytes, nodes[n].start..<nodes[n].end, invalid: &invalid)
        default: return nil
        }
    }

    /// A number, or a string holding one.
    func double(_ n: Int) -> Double? {
        switch nodes[n].kind {
        case .number, .string: return Double(String(decoding: bytes[nodes[n].start..<nodes[n].end], as: UTF8.self))
        default: return nil
        }
    }

    func bool(_ n: Int) -> Bool? { nodes[n].kind == .bool ? nodes[n].flag : nil }

    /// 1-based line of a byte offset (for error messages on multi-line documents).
    func line(ofOffset offset: Int, from start: Int = 0) -> Int {
        var line = 1
        var i = start
        while i < min(offset, bytes.count) {
            if bytes[i] == 0x0A { line += 1 }
            i += 1
        }
        return line
    }
}
