/// Decoding bytes that should be UTF-8 but might not be.
public enum UTF8Text {
    /// Decodes `bytes[range]`; invalid sequences become U+FFFD and set `invalid`.
    ///
    /// ASCII-only input (the common case) takes a fast path with no second validation pass.
    @inlinable
    public static func decode(_ bytes: [UInt8], _ range: Range<Int>, invalid: inout Bool) -> String {
        var ascii = true
        for i in range where bytes[i] >= 0x80 {
            ascii = false
            break
        }
        if ascii { return String(decoding: bytes[range], as: UTF8.self) }
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
    /// was the hottest function of ingest; a first-byte scan with a compare is enough for quote lookups.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        let n = needle.count
        guard haystack.count >= n else { return false }
        var i = 0
        let last = haystack.count - n
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < n, haystack[i + k] == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }
}
