/// Single-scalar emoji and the UTF-8 bytes of their descriptions, for the tokeniser's emoji pass.
///
/// Every non-ASCII scalar of a text is looked up here, so the look-up must be cheap: open addressing over
/// a power-of-two array of scalar keys (load factor at most 1/2, multiplicative hash), descriptions end to
/// end in one byte arena. A `[UInt32: [UInt8]]` dictionary did the same job through the generic hasher at
/// several times the cost, and its value arrays needed a retain per hit.
struct EmojiTable: Sendable {
    /// Slot keys (scalar values; 0 marks an empty slot, and U+0000 is never an emoji).
    private var keys: [UInt32]
    /// Slot `k`'s description is `arena[starts[k]..<ends[k]]`.
    private var starts: [Int32]
    private var ends: [Int32]
    private var arena: [UInt8] = []
    private var shift: UInt32
    /// The longest description in bytes.
    private(set) var longest = 0
    private(set) var count = 0
    /// Whether some key is an ASCII character (none in the bundled lexicon): only then are ASCII bytes looked up.
    private(set) var hasASCII = false

    init(_ entries: [(UInt32, [UInt8])]) {
        var size = 16, bits: UInt32 = 4
        while size < entries.count * 2 { size <<= 1; bits += 1 }
        keys = Array(repeating: 0, count: size)
        starts = Array(repeating: 0, count: size)
        ends = Array(repeating: 0, count: size)
        shift = 32 - bits
        for (scalar, description) in entries where scalar != 0 {
            var slot = slotIndex(scalar)
            while keys[slot] != 0 && keys[slot] != scalar { slot = (slot + 1) & (size - 1) }
            if keys[slot] == 0 { count += 1 }
            keys[slot] = scalar
            starts[slot] = Int32(arena.count)
            arena.append(contentsOf: description)
            ends[slot] = Int32(arena.count)
            longest = max(longest, description.count)
            if scalar < 0x80 { hasASCII = true }
        }
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    private func slotIndex(_ scalar: UInt32) -> Int { Int((scalar &* 0x9E37_79B1) >> shift) }

    /// The slot holding `scalar`, or -1.
    @inline(__always)
    func find(_ scalar: UInt32) -> Int {
        let mask = keys.count - 1
        var slot = slotIndex(scalar)
        while true {
            let k = keys[slot]
            if k == scalar { return slot }
            if k == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// Byte length of the description in `slot`.
    @inline(__always)
    func length(_ slot: Int) -> Int { Int(ends[slot] - starts[slot]) }

    /// Copies the description in `slot` to `out` and returns the bytes written.
    @inline(__always)
    func copy(_ slot: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let s = Int(starts[slot]), n = Int(ends[slot]) - s
        arena.withUnsafeBufferPointer { a in out.update(from: a.baseAddress! + s, count: n) }
        return n
    }

    /// The description in `slot`, as a String (for tests and messages).
    func description(_ slot: Int) -> String {
        String(decoding: arena[Int(starts[slot])..<Int(ends[slot])], as: UTF8.self)
    }
}
