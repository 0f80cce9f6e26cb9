/// An interned set of lower-case words keyed by their UTF-8 bytes.
///
/// Scoring looks every token up here once; everything after that compares small integer ids, so no
/// `String` is hashed or built on the hot path (a `[String: Double]` look-up runs at ~35 MB/s on
/// these machines, a byte hash at several hundred).
///
/// Design notes: open addressing with linear probing over a power-of-two slot array, FNV-1a 64-bit
/// hashing, load factor at most 1/2. A slot holds `id + 1` in its low 32 bits and the hash's high 32 bits
/// above them, so a probe rejects a different word without touching the key arena (the look-up is
/// bound by memory latency: one slot load instead of three). Keys live end to end in one byte arena.
/// Ids are dense, in insertion order, so attribute arrays can be indexed by id.
struct WordTable: Sendable {
    /// Every key's bytes, end to end.
    private var arena: [UInt8] = []
    /// Key `k` occupies `arena[starts[k]..<starts[k + 1]]`.
    private var starts: [Int] = [0]
    /// Slot contents: `(id + 1) | hash.high32 << 32`, or 0 when empty.
    private var slots: [UInt64]
    private var mask: Int

    init(expectedCount: Int = 64) {
        var size = 16
        while size < expectedCount * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The number of distinct words.
    var count: Int { starts.count - 1 }

    /// The bytes of word `id`.
    func key(_ id: Int32) -> ArraySlice<UInt8> { arena[starts[Int(id)]..<starts[Int(id) + 1]] }

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One FNV-1a step.
    @inline(__always)
    static func step(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100_0000_01b3 }

    /// FNV-1a over `bytes[lo..<hi]`.
    @inline(__always)
    static func hash(_ bytes: [UInt8], _ lo: Int, _ hi: Int) -> UInt64 {
        var h = seed
        var i = lo
        while i < hi {
            h = step(h, bytes[i])
            i += 1
        }
        return h
    }

    @inline(__always)
    private static func slotIndex(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) }
    @inline(__always)
    private static func tag(_ h: UInt64) -> UInt64 { h & 0xFFFF_FFFF_0000_0000 }

    @inline(__always)
    private func equals(_ id: Int32, _ bytes: [UInt8], _ lo: Int, _ hi: Int) -> Bool {
        let s = starts[Int(id)], e = starts[Int(id) + 1]
        guard e - s == hi - lo else { return false }
        var i = 0
        while i < hi - lo {
            if arena[s + i] != bytes[lo + i] { return false }
            i += 1
        }
        return true
    }

    /// The id of `bytes[lo..<hi]`, or -1 when the word is not in the table.
    @inline(__always)
    func find(_ bytes: [UInt8], _ lo: Int, _ hi: Int) -> Int32 {
        let h = WordTable.hash(bytes, lo, hi)
        var slot = WordTable.slotIndex(h) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return -1 }
            let id = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
            if entry & 0xFFFF_FFFF_0000_0000 == WordTable.tag(h) && equals(id, bytes, lo, hi) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The id of the ASCII-lower-cased `bytes[lo..<hi]` whose lower-cased hash is `h` (no copy made), or -1.
    @inline(__always)
    func findLowercasingASCII(_ bytes: [UInt8], _ lo: Int, _ hi: Int, hash h: UInt64) -> Int32 {
        var slot = WordTable.slotIndex(h) & mask
        let tag = WordTable.tag(h)
        while true {
            let entry = slots[slot]
            if entry == 0 { return -1 }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                let s = starts[id], e = starts[id + 1]
                if e - s == hi - lo {
                    var k = 0
                    while k < hi - lo && arena[s + k] == WordTable.lower(bytes[lo + k]) { k += 1 }
                    if k == hi - lo { return Int32(id) }
                }
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    func find(_ word: String) -> Int32 {
        let b = Array(word.utf8)
        return find(b, 0, b.count)
    }

    /// Adds a word (if new) and returns its id.
    @discardableResult
    mutating func insert(_ word: String) -> Int32 {
        let b = Array(word.utf8)
        let found = find(b, 0, b.count)
        if found >= 0 { return found }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        arena.append(contentsOf: b)
        starts.append(arena.count)
        place(id, hash: WordTable.hash(b, 0, b.count))
        return id
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        var slot = WordTable.slotIndex(hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt64(id + 1) | WordTable.tag(hash)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for k in 0..<count {
            place(Int32(k), hash: WordTable.hash(arena, starts[k], starts[k + 1]))
        }
    }
}
