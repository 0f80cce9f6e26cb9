/// Decodes HTML character references (`&amp;`, `&#39;`, `&#x2019;`, `&rsquo;`...) in UTF-8 bytes.
///
/// Design notes: only the named entities that occur in discussion dumps are known (about fifty);
/// an unknown name such as `&foo;` is left as it is rather than guessed. Numeric references outside
/// Unicode, or naming a surrogate, become U+FFFD.
public enum HTMLEntities {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "sbquo": "\u{201A}",
        "bdquo": "\u{201E}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "bull": "\u{2022}",
        "middot": "\u{00B7}", "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}",
        "euro": "\u{20AC}", "pound": "\u{00A3}", "yen": "\u{00A5}", "cent": "\u{00A2}",
        "sect": "\u{00A7}", "deg": "\u{00B0}", "plusmn": "\u{00B1}", "times": "\u{00D7}",
        "divide": "\u{00F7}", "frac12": "\u{00BD}", "larr": "\u{2190}", "rarr": "\u{2192}",
        "harr": "\u{2194}", "uarr": "\u{2191}", "darr": "\u{2193}", "ne": "\u{2260}", "le": "\u{2264}",
        "ge": "\u{2265}", "shy": "\u{00AD}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â",
        "atilde": "ã", "ccedil": "ç", "iacute": "í", "oacute": "ó", "otilde": "õ", "uacute": "ú",
        "ntilde": "ñ", "Eacute": "É", "Ccedil": "Ç",
    ]

    /// Whether `bytes` contain a `&` at all (the fast path skips decoding).
    @inlinable
    public static func mayContainEntity(_ bytes: [UInt8]) -> Bool {
        bytes.contains(0x26)
    }

    /// Decodes every known reference in `bytes[range]`, appending the result to `out`.
    public static func decode(_ bytes: [UInt8], _ range: Range<Int>, into out: inout [UInt8]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            if b != 0x26 {
                out.append(b)
                i += 1
                continue
            }
            // Find the terminating ';' within a short window.
            var j = i + 1
            while j < end, j - i <= 32, bytes[j] != 0x3B, bytes[j] != 0x26, bytes[j] != 0x20 { j += 1 }
            guard j < end, bytes[j] == 0x3B, j > i + 1 else {
                out.append(b)
                i += 1
                continue
            }
            if let scalar = scalar(bytes, i + 1, j) {
                appendUTF8(scalar, to: &out)
                i = j + 1
            } else {
                out.append(b)
                i += 1
            }
        }
    }

    /// Decodes the references in a string.
    public static func decode(_ s: String) -> String {
        let bytes = Array(s.utf8)
        guard mayContainEntity(bytes) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        decode(bytes, 0..<bytes.count, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func scalar(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Unicode.Scalar? {
        if bytes[start] == 0x23 {  // '#'
            var value: UInt32 = 0
            var k = start + 1
            var hex = false
            if k < end, bytes[k] == 0x78 || bytes[k] == 0x58 { hex = true; k += 1 }
            guard k < end else { return nil }
            while k < end {
                let c = bytes[k]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x61...0x66 where hex: d = UInt32(c - 0x61 + 10)
                case 0x41...0x46 where hex: d = UInt32(c - 0x41 + 10)
                default: return nil
                }
                value = value &* (hex ? 16 : 10) &+ d
                if value > 0x10FFFF { return "\u{FFFD}" }
                k += 1
            }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
        let name = String(decoding: bytes[start..<end], as: UTF8.self)
        return named[name]
    }

    /// Appends the UTF-8 encoding of a scalar.
    @inlinable
    public static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
