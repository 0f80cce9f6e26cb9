/// An interning table from terms (as UTF-8 bytes) to dense ids 0, 1, 2... in insertion order.
///
/// Keys are bytes, not `String`s: Swift's `String` equality is canonical equivalence (it would merge
/// "café" written with U+00E9 and with "e" + U+0301), where scikit-learn compares code points.
/// Open addressing with linear probing over a power-of-two slot array; FNV-1a hashes. A `[String: Int]`
/// runs at about 35 MB/s here because String hashing dominates: this table hashes raw bytes. A slot holds the
/// id and the hash's high 32 bits, so a probe compares bytes only on a likely match and never reads the
/// hash array (a cache miss of its own on large tables: a fifth of the look-up time on news articles).
struct TermTable: Sendable {
    /// All terms' bytes, back to back; term i is `bytes[starts[i] ..< starts[i + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Per slot: the hash's high 32 bits | (term id + 1); 0 marks an empty slot.
    private var slots: [UInt64] = [UInt64](repeating: 0, count: 1024)

    @inline(__always) static func tag(_ h: UInt64) -> UInt64 { h & 0xFFFF_FFFF_0000_0000 }

    var count: Int { starts.count - 1 }

    init() {}

    /// A table holding `terms` with ids in the given order (duplicates keep their first id).
    init<S: Sequence>(_ terms: S) where S.Element == String {
        for t in terms { _ = intern(Array(t.utf8)[...]) }
    }

    @inline(__always) static func hash(_ key: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    @inline(__always) private func equals(_ id: Int, _ key: ArraySlice<UInt8>) -> Bool {
        let s = starts[id], e = starts[id + 1]
        guard e - s == key.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            key.withUnsafeBufferPointer { probe in
                for i in 0..<probe.count where stored[s + i] != probe[i] { return false }
                return true
            }
        }
    }

    /// The id of `key`, or nil.
    func find(_ key: ArraySlice<UInt8>) -> Int? {
        let h = Self.hash(key), tag = Self.tag(h)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let v = slots[slot]
            if v == 0 { return nil }
            let id = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
            if v & 0xFFFF_FFFF_0000_0000 == tag && equals(id, key) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The id of `key`, inserting it with the next id if new.
    mutating func intern(_ key: ArraySlice<UInt8>) -> Int {
        let h = Self.hash(key), tag = Self.tag(h)
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let v = slots[slot]
            if v == 0 { break }
            let id = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
            if v & 0xFFFF_FFFF_0000_0000 == tag && equals(id, key) { return id }
            slot = (slot + 1) & mask
        }
        let id = count
        precondition(id < 0xFFFF_FFFF, "TermTable: more than 2³² − 2 terms")
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        hashes.append(h)
        if (id + 1) * 2 > slots.count {
            grow()
            mask = slots.count - 1
            slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
        }
        slots[slot] = tag | UInt64(id + 1)
        return id
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for id in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Self.tag(hashes[id]) | UInt64(id + 1)
        }
        slots = bigger
    }

    /// The bytes of term `id`.
    func term(_ id: Int) -> ArraySlice<UInt8> { bytes[starts[id]..<starts[id + 1]] }

    /// Term `id` as a String (its scalars unchanged).
    func string(_ id: Int) -> String { String(decoding: term(id), as: UTF8.self) }
}
