/// Decoding bytes that should be UTF-8 but might not be.
public enum UTF8Text {
    /// Decodes `bytes[range]`; invalid sequences become U+FFFD and set `invalid`.
    ///
    /// One validating pass (the standard library's, with its own ASCII fast path) in the common case;
    /// a second, repairing pass only for invalid input. A separate ASCII pre-scan cost a third pass.
    @inlinable
    public static func decode(_ bytes: [UInt8], _ range: Range<Int>, invalid: inout Bool) -> String {
        if let s = String(validating: bytes[range], as: UTF8.self) { return s }
        invalid = true
        return String(decoding: bytes[range], as: UTF8.self)
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
