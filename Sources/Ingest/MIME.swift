import TextProcessing
import ThreadModel

/// Mail decoding: header unfolding, RFC 2047 encoded words, transfer encodings and charsets.
///
/// Charsets: UTF-8 and US-ASCII, ISO-8859-1 (Latin-1), ISO-8859-15, Windows-1252; anything else is
/// decoded as UTF-8 with replacement and reported. Transfer encodings: 7bit, 8bit, binary,
/// quoted-printable (`=XX`, soft breaks `=` at line end), base64 (white space ignored).
enum MIME {
    /// Header fields in order, names lower-cased, continuation lines unfolded.
    static func headers(_ lines: [[UInt8]]) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        for line in lines {
            if let f = line.first, f == 0x20 || f == 0x09 {
                if !out.isEmpty {
                    var invalid = false
                    out[out.count - 1].value += " " + UTF8Text.decode(line, 0..<line.count, invalid: &invalid).trimmingSpaces
                }
                continue
            }
            guard let colon = line.firstIndex(of: 0x3A) else { continue }
            var invalid = false
            let name = String(decoding: line[..<colon], as: UTF8.self).trimmingSpaces.lowercased()
            let value = UTF8Text.decode(line, (colon + 1)..<line.count, invalid: &invalid).trimmingSpaces
            out.append((name, value))
        }
        return out
    }

    /// Decodes `=?charset?B|Q?text?=` words in a header value.
    static func decodeWords(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var out = ""
        var rest = Substring(value)
        var lastWasWord = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let parts = after.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, parts[3].hasPrefix("="), let decoded = decodeWord(String(parts[0]), String(parts[1]), String(parts[2])) else {
                out += rest[..<start.upperBound]
                rest = after
                lastWasWord = false
                continue
            }
            // White space between two encoded words is dropped (RFC 2047, 6.2).
            if !(lastWasWord && before.allSatisfy({ $0 == " " || $0 == "\t" })) { out += before }
            out += decoded
            lastWasWord = true
            rest = parts[3].dropFirst()
        }
        return out + rest
    }

    static func decodeWord(_ charset: String, _ encoding: String, _ text: String) -> String? {
        let bytes: [UInt8]?
        switch encoding.uppercased() {
        case "B": bytes = base64(Array(text.utf8))
        case "Q": bytes = quotedPrintable(Array(text.utf8).map { $0 == 0x5F ? 0x20 : $0 })
        default: bytes = nil
        }
        guard let bytes else { return nil }
        var unknown = false
        return decode(bytes, charset: charset, unknown: &unknown)
    }

    static func quotedPrintable(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x3D {
                if i + 1 < b.count, b[i + 1] == 0x0A { i += 2; continue }
                if i + 2 < b.count, b[i + 1] == 0x0D, b[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) {
                    out.append(h << 4 | l)
                    i += 3
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// Base64 with white space ignored; nil on a character outside the alphabet.
    static func base64(_ b: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(b.count * 3 / 4)
        var acc: UInt32 = 0
        var bits = 0
        for c in b {
            let v: UInt32
            switch c {
            case 0x41...0x5A: v = UInt32(c - 0x41)
            case 0x61...0x7A: v = UInt32(c - 0x61 + 26)
            case 0x30...0x39: v = UInt32(c - 0x30 + 52)
            case 0x2B, 0x2D: v = 62
            case 0x2F, 0x5F: v = 63
            case 0x3D: return out
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: return nil
            }
            acc = acc << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((acc >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }

    /// Text in a charset; `unknown` is set when the charset is not one we know.
    static func decode(_ bytes: [UInt8], charset: String, unknown: inout Bool) -> String {
        let cs = charset.lowercased().trimmingSpaces.replacingQuotes
        switch cs {
        case "", "utf-8", "utf8", "us-ascii", "ascii":
            var invalid = false
            return UTF8Text.decode(bytes, 0..<bytes.count, invalid: &invalid)
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "iso-8859-15", "latin9", "windows-1252", "cp1252":
            var scalars = String.UnicodeScalarView()
            let is1252 = cs == "windows-1252" || cs == "cp1252"
            let is15 = cs == "iso-8859-15" || cs == "latin9"
            for b in bytes {
                if is1252, b >= 0x80, b <= 0x9F, let s = cp1252Scalar[b] { scalars.append(s); continue }
                if is15, b == 0xA4 { scalars.append("\u{20AC}"); continue }
                scalars.append(Unicode.Scalar(b))
            }
            return String(scalars)
        default:
            unknown = true
            var invalid = false
            return UTF8Text.decode(bytes, 0..<bytes.count, invalid: &invalid)
        }
    }

    static let cp1252Scalar: [UInt8: Unicode.Scalar] = {
        var m: [UInt8: Unicode.Scalar] = [:]
        for (scalar, byte) in Mojibake.cp1252Table { if let s = Unicode.Scalar(scalar) { m[byte] = s } }
        return m
    }()

    /// `type/subtype; key=value; key="value"` split into the lower-cased type and parameters.
    static func contentType(_ value: String?) -> (type: String, params: [String: String]) {
        guard let value else { return ("text/plain", [:]) }
        let parts = value.split(separator: ";").map { String($0).trimmingSpaces }
        var params: [String: String] = [:]
        for p in parts.dropFirst() {
            guard let eq = p.firstIndex(of: "=") else { continue }
            let key = String(p[..<eq]).trimmingSpaces.lowercased()
            params[key] = String(p[p.index(after: eq)...]).trimmingSpaces.replacingQuotes
        }
        return ((parts.first ?? "text/plain").lowercased(), params)
    }

    /// Ids in angle brackets, in order: `<a@x> <b@y>` → ["a@x", "b@y"].
    static func messageIDs(_ value: String?) -> [String] {
        guard let value else { return [] }
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = String(rest[rest.index(after: open)..<close]).trimmingSpaces
            if !id.isEmpty { ids.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty, !value.trimmingSpaces.isEmpty, !value.contains(" ") { ids.append(value.trimmingSpaces) }
        return ids
    }

    /// The display name of a From header, else the address.
    static func author(_ from: String?) -> String? {
        guard let from = from.map(decodeWords), !from.isEmpty else { return nil }
        if let open = from.firstIndex(of: "<") {
            let name = String(from[..<open]).trimmingSpaces.replacingQuotes
            if !name.isEmpty { return name }
            let addr = from[from.index(after: open)...].prefix(while: { $0 != ">" })
            return String(addr)
        }
        if let paren = from.firstIndex(of: "("), let close = from.lastIndex(of: ")"), paren < close {
            return String(from[from.index(after: paren)..<close])
        }
        return from
    }
}

extension String {
    /// Without one pair of surrounding double quotes.
    var replacingQuotes: String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}
