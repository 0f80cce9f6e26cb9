/// Repairs UTF-8 that was decoded as Windows-1252 (or Latin-1) and re-encoded: `didnâ€™t` → `didn’t`.
///
/// Rule: map each character back to the cp1252 byte it came from; where a run of such bytes forms one
/// complete, valid multi-byte UTF-8 sequence (a lead byte C2...F4 followed by the right number of
/// continuation bytes 80...BF), replace the run with the character it encodes. Anything else is left
/// alone, so genuine Latin-1 text such as `café` or `NÃO` is untouched: a lead character followed by
/// letters is not a valid sequence. That is what "where unambiguous" means here.
///
/// Design notes: a statistical detector (as in ftfy) would catch more cases, such as double encoding,
/// but can also damage correct text; sequence-level repair has no false positives we know of in
/// natural language, because `Ã` followed by `©` or `â€` followed by `™` do not occur in real words.
public enum Mojibake {
    /// The cp1252 code points 0x80...0x9F that are not the same as the Unicode scalar.
    static let cp1252: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// The Windows-1252 table: Unicode scalar value to byte, for 0x80...0x9F.
    public static var cp1252Table: [UInt32: UInt8] { cp1252 }

    static func byte(_ s: Unicode.Scalar) -> UInt8? {
        let v = s.value
        if v < 0x100 { return UInt8(v) }
        return cp1252[v]
    }

    /// Fast byte test: a lead character Â...ô (UTF-8 `C3 82`...`C3 B4`) directly followed by a character
    /// that stands for a continuation byte (U+0080...U+00BF is `C2 xx`; the cp1252 punctuation starts
    /// with `C5`, `C6`, `CB` or `E2`). Correct Latin-1 text such as `café` never has that pair.
    public static func mayContainMojibake(_ bytes: [UInt8]) -> Bool {
        var from = 0
        while let k = UTF8Text.firstIndex(of: 0xC3, in: bytes, from: from, to: bytes.count) {
            guard k + 2 < bytes.count else { return false }
            let lead = bytes[k + 1], next = bytes[k + 2]
            if lead >= 0x82, lead <= 0xB4, next == 0xC2 || next == 0xC5 || next == 0xC6 || next == 0xCB || next == 0xE2 {
                return true
            }
            from = k + 1
        }
        return false
    }

    /// Returns the repaired text and how many sequences were repaired (0 leaves `text` unchanged).
    public static func repair(_ text: String) -> (text: String, repairs: Int) {
        guard mayContainMojibake(Array(text.utf8)) else { return (text, 0) }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var repairs = 0
        var k = 0
        while k < scalars.count {
            let s = scalars[k]
            if let lead = byte(s), lead >= 0xC2, lead <= 0xF4 {
                let need = lead >= 0xF0 ? 3 : (lead >= 0xE0 ? 2 : 1)
                if k + need < scalars.count {
                    var bytes: [UInt8] = [lead]
                    for j in 1...need {
                        guard let c = byte(scalars[k + j]), c >= 0x80, c <= 0xBF else { break }
                        bytes.append(c)
                    }
                    if bytes.count == need + 1, let decoded = String(validating: bytes, as: UTF8.self),
                       let scalar = decoded.unicodeScalars.first {
                        out.append(scalar)
                        repairs += 1
                        k += need + 1
                        continue
                    }
                }
            }
            out.append(s)
            k += 1
        }
        return repairs == 0 ? (text, 0) : (String(out), repairs)
    }
}
