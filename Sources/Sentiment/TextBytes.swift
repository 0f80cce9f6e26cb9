/// Read-only UTF-8 bytes as the scoring code sees them.
///
/// Scoring works on the text's own storage (`String.utf8.withContiguousStorageIfAvailable`) and on
/// scratch buffers from `withUnsafeTemporaryAllocation`, never on a copy per sentence: an unsafe buffer
/// indexes without the bounds checks that cost the tokeniser's byte loops a third of their time, and a
/// temporary allocation lives on the stack for sentence-sized text. Every index the scoring code uses
/// stays inside `lo..<hi` of the buffer it was given; ``SentimentAnalyzer`` is the one place that obtains
/// these pointers from a `String` or an array, and they never escape the call that made them.
typealias Bytes = UnsafeBufferPointer<UInt8>

/// Byte-level helpers over UTF-8 text: Python's white space and punctuation, scalar decoding and
/// lower-casing with an ASCII fast path (String lower-casing runs at ~13 MB/s once any non-ASCII
/// character is present; the byte loop takes the slow path only for tokens that need it).
enum TextBytes {
    /// Decodes the scalar starting at `i` (valid UTF-8 assumed, as it comes from a `String`).
    @inline(__always)
    static func decode(_ b: Bytes, _ i: Int, _ hi: Int) -> (UInt32, Int) {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0, i + 1 < hi { return ((b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if b0 < 0xF0, i + 2 < hi {
            return ((b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
        }
        if i + 3 < hi {
            return ((b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                    | UInt32(b[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// Byte width of the white-space character at `i` in Python's sense (`str.split()`), or 0.
    @inline(__always)
    static func whitespaceWidth(_ b: Bytes, _ i: Int, _ hi: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) ? 1 : 0 }
        guard c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 else { return 0 }
        let (s, n) = decode(b, i, hi)
        switch s {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return n
        default: return 0
        }
    }

    /// Bits 7, 15, ... set for each of 8 packed bytes (little-endian) that may matter to the tokeniser's
    /// word scan (``ByteClass/special``): below 0x22 (ASCII white space and "!", with other control
    /// characters), "?" or non-ASCII. Exact per byte: no carry crosses bytes.
    @inline(__always)
    static func maySpecial(_ w: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, ones: UInt64 = 0x0101_0101_0101_0101
        let x = w & low                                  // each byte <= 0x7F
        let below22 = ~(x &+ ones &* 0x5E) & high        // x + 0x5E reaches 0x80 exactly when x >= 0x22
        let y = x ^ (ones &* 0x3F)
        let question = ~((y &+ low) | y) & high          // y + 0x7F reaches 0x80 exactly when y != 0
        return below22 | question | (w & high)
    }

    /// Python's `string.punctuation`.
    @inline(__always)
    static func isASCIIPunctuation(_ c: UInt8) -> Bool {
        (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
    }

    /// Width of the punctuation character at the start (or, with `atEnd`, the end) of `b[lo..<hi]`, or nil.
    /// `extended` adds curly quotes and the ellipsis.
    @inline(__always)
    static func punctuationWidth(_ b: Bytes, _ lo: Int, _ hi: Int, atEnd: Bool, extended: Bool) -> Int? {
        let c = atEnd ? b[hi - 1] : b[lo]
        if c < 0x80 { return isASCIIPunctuation(c) ? 1 : nil }
        guard extended, hi - lo >= 3 else { return nil }
        let s = atEnd ? hi - 3 : lo
        guard b[s] == 0xE2, b[s + 1] == 0x80 else { return nil }
        switch b[s + 2] {
        case 0x98, 0x99, 0x9C, 0x9D, 0xA6: return 3  // ‘ ’ “ ” …
        default: return nil
        }
    }

    /// Number of Unicode scalars in `b[lo..<hi]` (Python's `len`).
    @inline(__always)
    static func scalarCount(_ b: Bytes, _ lo: Int, _ hi: Int) -> Int {
        var n = 0
        for i in lo..<hi where b[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    struct Shape {
        /// Python's `str.isupper()`: some cased character and no lower- or title-case one.
        var isUpper: Bool
        /// Number of letters; for an ASCII token with a lower-case letter only 1 (it has letters, and no
        /// rule asks how many: counting costs).
        var letters: Int
        /// Has an ASCII apostrophe (so it may contain "n't").
        var hasApostrophe = true
        /// The first 8 lower-cased bytes packed little-endian, zero-padded (ASCII tokens only): a token of
        /// up to 8 bytes is compared with a table key in one integer comparison.
        var head: UInt64 = 0
    }

    /// The shape of an ASCII token and the ``WordTable`` hash of its lower-cased bytes, in one pass;
    /// nil when `b[lo..<hi]` has a non-ASCII byte.
    ///
    /// Works 8 bytes at a time (SWAR): a little-endian 64-bit load is exactly the word ``ByteHasher``
    /// packs, so the hash equals `WordTable.hash` of the lower-cased bytes (`WordTableTests` checks it for
    /// every length). A short token is read with one load when the buffer has 8 bytes from its start, the
    /// bytes past its end masked off; only a token at the very end of the buffer is gathered byte by byte.
    @inline(__always)
    static func asciiShape(_ b: Bytes, _ lo: Int, _ hi: Int) -> (Shape, UInt64)? {
        var upper = 0, lowerSeen = false, apostrophe = false
        var h = ByteHasher()
        var i = lo
        var head: UInt64 = 0
        let raw = UnsafeRawPointer(b.baseAddress!)
        while i + 8 <= hi {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            guard let lw = lowercaseWord(w, &upper, &lowerSeen, &apostrophe) else { return nil }
            if i == lo { head = lw }
            h.addWord(lw)
            i += 8
        }
        let rest = hi - i
        if rest > 0 {
            var w: UInt64 = 0
            if i + 8 <= b.count {
                w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & (~0 >> UInt64(64 - 8 * rest))
            } else {
                for k in 0..<rest { w |= UInt64(b[i + k]) << UInt64(8 * k) }
            }
            guard let lw = lowercaseWord(w, &upper, &lowerSeen, &apostrophe) else { return nil }
            if i == lo { head = lw }
            h.setTail(lw)
        }
        let isUpper = upper > 0 && !lowerSeen
        return (Shape(isUpper: isUpper, letters: lowerSeen ? 1 : upper, hasApostrophe: apostrophe, head: head),
                h.finish(length: hi - lo))
    }

    /// Lower-cases the ASCII letters of 8 packed bytes, notes lower-case letters and apostrophes and,
    /// until a lower-case letter is seen, counts upper-case ones; nil when a byte is not ASCII. Zero
    /// padding bytes count as nothing. (Counting bits costs a dozen instructions without a popcount
    /// instruction, which the baseline x86-64 target lacks: only an all-capitals token needs the count.)
    @inline(__always)
    static func lowercaseWord(_ w: UInt64, _ upper: inout Int, _ lowerSeen: inout Bool, _ apostrophe: inout Bool) -> UInt64? {
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        if w & high != 0 { return nil }
        // Every byte is below 0x80, so adding up to 0x3F never carries into the next byte: the top bit of
        // each byte of w + (0x80 - x) says whether that byte is >= x.
        let isUpper = (w &+ ones &* 0x3F) & ~(w &+ ones &* 0x25) & high   // 0x41...0x5A
        let isLower = (w &+ ones &* 0x1F) & ~(w &+ ones &* 0x05) & high   // 0x61...0x7A
        if isLower != 0 { lowerSeen = true } else if !lowerSeen && isUpper != 0 { upper += isUpper.nonzeroBitCount }
        let q = w ^ (ones &* 0x27)
        if (q &- ones) & ~q & high != 0 { apostrophe = true }  // some byte is "'"
        return w | (isUpper >> 2)
    }

    /// Whether `b[lo..<hi]` contains "n't" in any case (for ASCII text, as after lower-casing).
    @inline(__always)
    static func containsNTIgnoringCase(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        var i = lo
        while i + 2 < hi {
            if b[i + 1] == 0x27 && b[i] | 0x20 == 0x6E && b[i + 2] | 0x20 == 0x74 { return true }
            i += 1
        }
        return false
    }

    /// Writes the lower-cased bytes of a token with non-ASCII characters into `out` and returns its shape.
    static func lowercase(_ b: Bytes, _ lo: Int, _ hi: Int, into out: inout [UInt8],
                          curlyApostrophes: Bool) -> Shape {
        var upper = 0, lower = 0, letters = 0
        let token = String(decoding: b[lo..<hi], as: UTF8.self)
        for s in token.unicodeScalars {
            let p = s.properties
            if p.isLowercase || p.generalCategory == .titlecaseLetter { lower += 1 } else if p.isUppercase { upper += 1 }
            if p.isAlphabetic { letters += 1 }
        }
        out.removeAll(keepingCapacity: true)
        for s in token.lowercased().unicodeScalars {
            if curlyApostrophes && (s.value == 0x2019 || s.value == 0x2018 || s.value == 0x2BC) {
                out.append(0x27)
            } else {
                out.append(contentsOf: String(s).utf8)
            }
        }
        return Shape(isUpper: upper > 0 && lower == 0, letters: letters)
    }
}
