/// An interned set of lower-case words keyed by their UTF-8 bytes.
///
/// Scoring looks every token up here once; everything after that compares small integer ids, so no
/// `String` is hashed or built on the hot path (a `[String: Double]` look-up runs at ~35 MB/s on
/// these machines, a byte hash at several hundred).
///
/// Design notes: open addressing with linear probing over a power-of-two slot array, load factor at
/// most 1/2, hashing 8 bytes per multiply (``ByteHasher``). A slot packs `id + 1` (bits 0-19), the key's
/// length (bits 20-27, 255 for 255 bytes or more), a byte of payload (bits 28-35, ``setPayloads(_:)``:
/// the vocabulary keeps each word's flags there) and the hash's high 28 bits (36-63), so a probe rejects a
/// different word without touching the key arena, and a hit on a word of up to 8 bytes reads one key
/// array (``heads``) besides the slot. Most tokens are not in the table: a 64 Kbit filter (8 KB, stays
/// in L1 cache) answers "absent" for about 88% of them without touching the 128 KB slot array, whose loads dominated the look-up.
/// Keys live end to end in one byte arena. Ids are dense, in insertion order, so attribute arrays can be
/// indexed by id.
struct WordTable: Sendable {
    /// Every key's bytes, end to end.
    private var arena: [UInt8] = []
    /// Key `k` occupies `arena[starts[k]..<starts[k + 1]]`.
    private var starts: [Int] = [0]
    /// By id: the key's first 8 bytes packed little-endian, zero-padded (see ``TextBytes/Shape/head``).
    private var heads: [UInt64] = []
    /// Slot contents (see the type's notes), or 0 when empty.
    private var slots: [UInt64]
    /// By id: the byte each slot of the word carries (0 until ``setPayloads(_:)``).
    private var payloads: [UInt8] = []
    private var mask: Int
    /// One bit per hash value's bits 16...31: set for every key.
    private var filter: [UInt64] = Array(repeating: 0, count: 1024)

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

    /// The hash of `bytes[lo..<hi]`.
    @inline(__always)
    static func hash(_ bytes: Bytes, _ lo: Int, _ hi: Int) -> UInt64 {
        var h = ByteHasher()
        for i in lo..<hi { h.add(bytes[i]) }
        return h.finish(length: hi - lo)
    }

    @inline(__always)
    private func mayContain(_ h: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: (h >> 16) & 0xFFFF)
        return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    @inline(__always)
    private static func slotIndex(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h) }
    /// Slot fields: `id + 1`, key length (capped), payload, hash tag.
    static let idBits: UInt64 = 20
    private static let idMask: UInt64 = (1 << idBits) - 1
    private static let lengthShift: UInt64 = 20, payloadShift: UInt64 = 28
    private static let tagMask: UInt64 = 0xFFFF_FFF0_0000_0000
    /// The most words a table holds.
    static let capacity = Int(idMask) - 1
    @inline(__always)
    private static func tag(_ h: UInt64) -> UInt64 { h & tagMask }
    /// The length field of a key of `n` bytes: tag and length compared in one step.
    @inline(__always)
    private static func lengthField(_ n: Int) -> UInt64 { UInt64(min(n, 255)) << lengthShift }

    /// The id in a slot entry (`-1` for 0, the empty entry).
    @inline(__always)
    static func id(_ entry: UInt64) -> Int32 { Int32(truncatingIfNeeded: entry & idMask) - 1 }
    /// The payload byte in a slot entry.
    @inline(__always)
    static func payload(_ entry: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: entry >> payloadShift) }

    @inline(__always)
    private func equals(_ id: Int32, _ bytes: Bytes, _ lo: Int, _ hi: Int) -> Bool {
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
    func find(_ bytes: Bytes, _ lo: Int, _ hi: Int) -> Int32 {
        let h = WordTable.hash(bytes, lo, hi)
        guard mayContain(h) else { return -1 }
        var slot = WordTable.slotIndex(h) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return -1 }
            let id = WordTable.id(entry)
            if entry & WordTable.tagMask == WordTable.tag(h) && equals(id, bytes, lo, hi) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The id of the ASCII-lower-cased `bytes[lo..<hi]` whose lower-cased hash is `h` (no copy made), or -1.
    /// With `head` (the packed first 8 lower-cased bytes), a word of up to 8 bytes is compared in one step.
    @inline(__always)
    func findLowercasingASCII(_ bytes: Bytes, _ lo: Int, _ hi: Int, hash h: UInt64, head: UInt64? = nil) -> Int32 {
        WordTable.id(entryLowercasingASCII(bytes, lo, hi, hash: h, head: head))
    }

    /// The slot entry of the ASCII-lower-cased `bytes[lo..<hi]` (read its id with ``id(_:)`` and its payload
    /// with ``payload(_:)``), or 0 when the word is not in the table. See ``findLowercasingASCII``.
    ///
    /// Reads the slot and filter arrays unchecked: every index is masked to their (power-of-two) sizes,
    /// and ids come from the table's own slots.
    @inline(__always)
    func entryLowercasingASCII(_ bytes: Bytes, _ lo: Int, _ hi: Int, hash h: UInt64, head: UInt64? = nil) -> UInt64 {
        let bit = Int(truncatingIfNeeded: (h >> 16) & 0xFFFF)
        let word = filter.withUnsafeBufferPointer { $0[bit >> 6] }  // 1024 words, bit >> 6 < 1024
        guard word & (1 << UInt64(bit & 63)) != 0 else { return 0 }
        let key = WordTable.tag(h) | WordTable.lengthField(hi - lo)
        let keyMask = WordTable.tagMask | 0xFF << WordTable.lengthShift
        return slots.withUnsafeBufferPointer { slots in
            var slot = WordTable.slotIndex(h) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return 0 }
                if entry & keyMask == key {
                    let id = Int(truncatingIfNeeded: entry & WordTable.idMask) - 1
                    if hi - lo <= 8, let head {
                        if heads.withUnsafeBufferPointer({ $0[id] }) == head { return entry }
                    } else {
                        let s = starts[id], e = starts[id + 1]
                        if e - s == hi - lo {
                            var k = 0
                            while k < hi - lo && arena[s + k] == WordTable.lower(bytes[lo + k]) { k += 1 }
                            if k == hi - lo { return entry }
                        }
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    func find(_ word: String) -> Int32 {
        Array(word.utf8).withUnsafeBufferPointer { find($0, 0, $0.count) }
    }

    /// Adds a word (if new) and returns its id.
    @discardableResult
    mutating func insert(_ word: String) -> Int32 {
        let b = Array(word.utf8)
        let found = find(word)
        if found >= 0 { return found }
        precondition(count < WordTable.capacity, "a word table holds at most \(WordTable.capacity) words")
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        arena.append(contentsOf: b)
        starts.append(arena.count)
        var head: UInt64 = 0
        for (k, byte) in b.prefix(8).enumerated() { head |= UInt64(byte) << UInt64(8 * k) }
        heads.append(head)
        payloads.append(0)
        place(id, hash: b.withUnsafeBufferPointer { WordTable.hash($0, 0, $0.count) })
        return id
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        var slot = WordTable.slotIndex(hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt64(id + 1) | WordTable.lengthField(starts[Int(id) + 1] - starts[Int(id)])
            | UInt64(payloads[Int(id)]) << WordTable.payloadShift | WordTable.tag(hash)
        let bit = Int(truncatingIfNeeded: (hash >> 16) & 0xFFFF)
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Sets the payload byte of every word, by id (`payloads.count == count`); look-ups through
    /// ``entryLowercasingASCII`` then return it with the id, without another array read.
    mutating func setPayloads(_ payloads: [UInt8]) {
        precondition(payloads.count == count, "one payload per word")
        self.payloads = payloads
        for k in slots.indices where slots[k] != 0 {
            let id = Int(WordTable.id(slots[k]))
            slots[k] = slots[k] & ~(0xFF << WordTable.payloadShift) | UInt64(payloads[id]) << WordTable.payloadShift
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        let hashes = arena.withUnsafeBufferPointer { a in
            (0..<count).map { k in WordTable.hash(a, starts[k], starts[k + 1]) }
        }
        for k in 0..<count { place(Int32(k), hash: hashes[k]) }
    }
}

/// A word hash that takes 8 bytes per multiply: bytes are packed into a 64-bit word, each full word is
/// folded in with a multiply-xorshift step, and the length and remaining bytes finish it (SplitMix64's
/// finaliser constants). Streaming, so the tokeniser hashes a token while it scans it.
struct ByteHasher {
    private var h: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var acc: UInt64 = 0
    private var shift: UInt64 = 0

    @inline(__always)
    mutating func add(_ b: UInt8) {
        acc |= UInt64(b) << shift
        shift += 8
        if shift == 64 {
            h = (h ^ acc) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            acc = 0
            shift = 0
        }
    }

    /// Folds in 8 bytes at once (little-endian packed), as eight `add` calls at a word boundary would.
    @inline(__always)
    mutating func addWord(_ w: UInt64) {
        h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
    }

    /// Sets the last, partial word (fewer than 8 bytes, zero-padded) after whole words only.
    @inline(__always)
    mutating func setTail(_ w: UInt64) { acc = w }

    @inline(__always)
    func finish(length: Int) -> UInt64 {
        var x = (h ^ acc) &* 0x94D0_49BB_1331_11EB
        x ^= x >> 29 ^ UInt64(truncatingIfNeeded: length)
        x = x &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 32)
    }
}
