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
}
