#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding bytes that should be UTF-8 but might not be.
public enum UTF8Text {
    /// Decodes `bytes[range]`; invalid sequences become U+FFFD and set `invalid`.
    ///
    /// Validated once, by `check` (ASCII skipped eight bytes at a time, only high bytes tested one by
    /// one), and then copied into a `String` without a second validation. Input with a malformed
    /// sequence goes through the standard library's repairing decode (U+FFFD per maximal subpart).
    ///
    /// Design notes: every `String` initialiser that takes bytes validates them, and the standard
    /// library's validation goes byte by byte through the whole buffer once it meets one non-ASCII byte
    /// (about 10 instructions a byte where `check` spends about 2 on text with a few accented
    /// letters or dashes). `String(copying: UTF8Span)` of a span made with `UTF8Span(unchecked:)` is a
    /// plain copy. The earlier route, `String(decoding:)` with a `memcmp` to learn whether it repaired
    /// anything, cost about a sixth of all ingest instructions.
    public static func decode(_ bytes: [UInt8], _ range: Range<Int>, invalid: inout Bool) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the bytes")
        var repaired = false
        let s = bytes.withUnsafeBufferPointer { all -> String in
            let p = UnsafeBufferPointer(rebasing: all[range])
            let (bad, ascii) = check(p)
            guard bad == nil else {
                repaired = true
                return String(decoding: p, as: UTF8.self)
            }
            return copyValid(p, isASCII: ascii)
        }
        if repaired { invalid = true }
        return s
    }

    /// `bytes` as a `String`, invalid sequences replaced with U+FFFD, validated once (see `decode`).
    public static func string(_ bytes: [UInt8]) -> String {
        var ignored = false
        return decode(bytes, 0..<bytes.count, invalid: &ignored)
    }

    /// A `String` holding a copy of `p`, which `check` found well-formed (`isASCII`: no byte >= 0x80).
    ///
    /// The one place where bytes become a `String` unvalidated: callers pass only what `check` accepted.
    /// Debug builds (the tests) validate again with the standard library and stop on any disagreement.
    private static func copyValid(_ p: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
        assert(String(validating: p, as: UTF8.self) != nil, "check accepted malformed UTF-8")
        if p.isEmpty { return "" }
        // `UTF8Span` is in the Linux toolchain; older Apple systems take the validating initialiser.
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            return String(copying: unsafe UTF8Span(unchecked: p.span, isKnownASCII: isASCII))
        }
        return String(decoding: p, as: UTF8.self)
    }

    /// The offset of the first byte of `p` that does not belong to a well-formed UTF-8 sequence (an
    /// unexpected continuation byte, an overlong form, a surrogate, a value above U+10FFFF, or a sequence
    /// cut short by the end), or nil when all of `p` is well-formed UTF-8.
    public static func firstInvalid(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        check(p).firstInvalid
    }

    /// `firstInvalid`, and whether every byte before it (all of `p` when it is well-formed) is ASCII.
    ///
    /// ASCII is skipped eight bytes at a time; only bytes at or above 0x80 are checked one by one, against
    /// the ranges of Unicode's table of well-formed byte sequences (Table 3-7).
    static func check(_ p: UnsafeBufferPointer<UInt8>) -> (firstInvalid: Int?, isASCII: Bool) {
        guard let base = p.baseAddress else { return (nil, true) }
        let n = p.count
        var i = 0
        var ascii = true
        while i < n {
            while i + 8 <= n {
                let high = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
                if high != 0 {
                    i += UInt64(littleEndian: high).trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            guard i < n else { return (nil, ascii) }
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            ascii = false
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            let more: Int
            switch b {
            case 0xC2...0xDF: more = 1
            case 0xE0: more = 2; lo = 0xA0            // no overlong three-byte forms
            case 0xED: more = 2; hi = 0x9F            // no surrogates
            case 0xE1...0xEF: more = 2
            case 0xF0: more = 3; lo = 0x90            // no overlong four-byte forms
            case 0xF4: more = 3; hi = 0x8F            // nothing above U+10FFFF
            case 0xF1...0xF3: more = 3
            default: return (i, false)                // continuation byte, C0, C1, F5...FF
            }
            guard i + more < n else { return (i, false) }
            let c = base[i + 1]
            guard c >= lo, c <= hi else { return (i, false) }
            if more >= 2, base[i + 2] & 0xC0 != 0x80 { return (i, false) }
            if more == 3, base[i + 3] & 0xC0 != 0x80 { return (i, false) }
            i += more + 1
        }
        return (nil, ascii)
    }

    /// Whether `bytes[range]` is pure ASCII.
    @inlinable
    public static func isASCII(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        for i in range where bytes[i] >= 0x80 { return false }
        return true
    }

    /// Whether `needle` occurs in `haystack` (byte-wise; UTF-8 makes that a character-wise match).
    ///
    /// The C library's `memchr` finds each candidate first byte (quotes open with a capital or a rarer
    /// letter, so candidates are few), then `memcmp` compares the rest.
    ///
    /// Design notes: Foundation's `String.contains(_:)` goes through `NSString` and UTF-16 on Linux and
    /// was the hottest function of ingest. Tried and dropped: testing eight candidate starts at a time for
    /// both the first and the last byte of the needle (twice the instructions of this scan: the last byte
    /// is often a full stop). `memmem` is a GNU extension that Swift does not import.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count
        if n == 0 { return true }
        guard haystack.count >= n else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { q in
                let hb = h.baseAddress!, nb = q.baseAddress!
                let first = Int32(nb[0])
                var i = 0
                let starts = h.count - n + 1  // candidate starts 0..<starts
                while i < starts, let hit = memchr(hb + i, first, starts - i) {
                    let k = hb.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hb + k + 1, nb + 1, n - 1) == 0 { return true }
                    i = k + 1
                }
                return false
            }
        }
    }

    /// The index of the first `byte` in `bytes[from..<to]`, or nil.
    ///
    /// The C library's `memchr` (vector instructions where the machine has them, 32 bytes a step here).
    ///
    /// Design notes: the previous scan read eight bytes at a time with the has-zero-byte bit trick, about
    /// 4x a checked byte loop; `memchr` took a fifth of its instructions on 650-byte comments and 4 MB
    /// chunks, and costs one call on short lines.
    public static func firstIndex(of byte: UInt8, in bytes: [UInt8], from: Int, to: Int) -> Int? {
        precondition(from >= 0 && to <= bytes.count, "range outside the bytes")
        guard from < to else { return nil }
        return bytes.withUnsafeBufferPointer { p -> Int? in
            let base = p.baseAddress!
            guard let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }
}
