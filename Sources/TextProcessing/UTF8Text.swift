#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding bytes that should be UTF-8 but might not be.
public enum UTF8Text {
    /// Decodes `bytes[range]`; invalid sequences become U+FFFD and set `invalid`.
    ///
    /// One pass of the standard library's validation over a contiguous buffer (its own ASCII fast path,
    /// then a repairing decode), and a `memcmp` of the result against the input: a repair always changes
    /// the bytes at the first bad sequence, so an identical result of the same length was valid input.
    ///
    /// Design notes: `String(validating:)` on an `ArraySlice` went through the generic sequence path and
    /// cost about twice the buffer-pointer decode here; validating first with our own scan and then
    /// decoding (which validates again) was two passes.
    public static func decode(_ bytes: [UInt8], _ range: Range<Int>, invalid: inout Bool) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the bytes")
        var repaired = false
        let s = bytes.withUnsafeBufferPointer { all -> String in
            let p = UnsafeBufferPointer(rebasing: all[range])
            var s = String(decoding: p, as: UTF8.self)
            repaired = !s.withUTF8 { q in
                q.count == p.count && (p.isEmpty || memcmp(q.baseAddress!, p.baseAddress!, p.count) == 0)
            }
            return s
        }
        if repaired { invalid = true }
        return s
    }

    /// `bytes` as a `String`, invalid sequences replaced with U+FFFD, through the contiguous fast path.
    public static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// The offset of the first byte of `p` that does not belong to a well-formed UTF-8 sequence (an
    /// unexpected continuation byte, an overlong form, a surrogate, a value above U+10FFFF, or a sequence
    /// cut short by the end), or nil when all of `p` is well-formed UTF-8.
    ///
    /// ASCII is skipped eight bytes at a time; only bytes at or above 0x80 are checked one by one, against
    /// the ranges of Unicode's table of well-formed byte sequences (Table 3-7).
    public static func firstInvalid(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = p.baseAddress else { return nil }
        let n = p.count
        var i = 0
        while i < n {
            while i + 8 <= n {
                let high = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
                if high != 0 {
                    i += UInt64(littleEndian: high).trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            guard i < n else { return nil }
            let b = base[i]
            if b < 0x80 { i += 1; continue }
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
            default: return i                         // continuation byte, C0, C1, F5...FF
            }
            guard i + more < n else { return i }
            let c = base[i + 1]
            guard c >= lo, c <= hi else { return i }
            if more >= 2, base[i + 2] & 0xC0 != 0x80 { return i }
            if more == 3, base[i + 3] & 0xC0 != 0x80 { return i }
            i += more + 1
        }
        return nil
    }

    /// Whether `bytes[range]` is pure ASCII.
    @inlinable
    public static func isASCII(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        for i in range where bytes[i] >= 0x80 { return false }
        return true
    }

    /// Whether `needle` occurs in `haystack` (byte-wise; UTF-8 makes that a character-wise match).
    ///
    /// Design notes: Foundation's `String.contains(_:)` goes through `NSString` and UTF-16 on Linux and
    /// was the hottest function of ingest; a first-byte scan (`firstIndex`) with a compare is enough for
    /// quote lookups.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        let n = needle.count
        guard haystack.count >= n else { return false }
        let last = haystack.count - n
        var i = 0
        while i <= last, let k = firstIndex(of: first, in: haystack, from: i, to: last + 1) {
            var m = 1
            while m < n, haystack[k + m] == needle[m] { m += 1 }
            if m == n { return true }
            i = k + 1
        }
        return false
    }

    /// The index of the first `byte` in `bytes[from..<to]`, or nil.
    ///
    /// Reads eight bytes at a time and tests them for the byte with the classic has-zero-byte bit trick
    /// (`(x - 0x01..01) & ~x & 0x80..80` after XOR with the byte repeated): plain integer code, about
    /// 4x the speed of a checked byte loop on long texts. Reads stay inside `from..<to`.
    public static func firstIndex(of byte: UInt8, in bytes: [UInt8], from: Int, to: Int) -> Int? {
        precondition(from >= 0 && to <= bytes.count, "range outside the bytes")
        guard from < to else { return nil }
        return bytes.withUnsafeBufferPointer { p -> Int? in
            let base = p.baseAddress!
            var i = from
            let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
            while i + 8 <= to {
                let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) ^ pattern
                let m = (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
                // The lowest flagged byte is always a true match (a borrow only flags bytes above one).
                if m != 0 { return i + m.trailingZeroBitCount >> 3 }
                i += 8
            }
            while i < to {
                if base[i] == byte { return i }
                i += 1
            }
            return nil
        }
    }
}
