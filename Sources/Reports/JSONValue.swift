/// A JSON value whose objects keep the order their members were written in.
///
/// Design notes: `JSONEncoder` with `.sortedKeys` would also be deterministic, but it writes floats in
/// shortest round-trip form (`0.30000000000000004`) and sorts keys alphabetically, which scatters related
/// fields. Writing our own tree lets every number carry a fixed number of decimals and every object list
/// its members in the documented order.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// Already formatted digits; written as is.
    case number(String)
    /// A number with a fixed number of decimals (`Format.fixed`); `null` when not finite.
    case fixed(Double, decimals: Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// The value written on one line (`{"a": 1, "b": [2, 3]}`): used for each record of a long array,
    /// so the file stays compact and diffs by record.
    case line(JSONValue)

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into h: inout Hasher) { h.combine(serialized()) }

    static func int(_ v: Int?) -> JSONValue { v.map { .number(String($0)) } ?? .null }
    static func uint(_ v: UInt64) -> JSONValue { .number(String(v)) }
    static func double(_ v: Double?, decimals: Int = 4) -> JSONValue {
        guard let v, v.isFinite else { return .null }
        return .fixed(v, decimals: decimals)
    }
    static func text(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }

    /// Pretty-printed with two-space indents and a final newline.
    public func serialized() -> String {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    static func indent(_ n: Int, _ out: inout [UInt8]) {
        for _ in 0..<(2 * n) { out.append(0x20) }
    }

    /// Appends the value as UTF-8; containers are pretty-printed at `indent` unless `oneLine`.
    func write(into out: inout [UInt8], indent level: Int, oneLine: Bool = false) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .fixed(let x, let d):
            if x.isFinite { Format.appendFixed(x, decimals: d, to: &out) } else { out.append(contentsOf: "null".utf8) }
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .line(let v): v.write(into: &out, indent: level, oneLine: true)
        case .array(let items):
            guard !items.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); if oneLine { out.append(0x20) } }
                if !oneLine { out.append(0x0A); JSONValue.indent(level + 1, &out) }
                item.write(into: &out, indent: level + 1, oneLine: oneLine)
            }
            if !oneLine { out.append(0x0A); JSONValue.indent(level, &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); if oneLine { out.append(0x20) } }
                if !oneLine { out.append(0x0A); JSONValue.indent(level + 1, &out) }
                JSONValue.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                out.append(0x20)
                value.write(into: &out, indent: level + 1, oneLine: oneLine)
            }
            if !oneLine { out.append(0x0A); JSONValue.indent(level, &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal. Control characters, `"`, `\`, the line separators U+2028/2029 and bidi
    /// controls are escaped, so the file stays one value per line in any viewer; other text stays UTF-8.
    ///
    /// Works on the UTF-8 bytes: the escaped characters outside ASCII are C1 (C2 80-9F), U+2028-202E
    /// (E2 80 A8-AE) and U+2066-2069 (E2 81 A6-A9); every other byte is copied.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        // Fast path: nothing to escape (no control byte, quote, backslash, DEL, or the lead bytes C2/E2).
        // The scan runs over the string's own contiguous bytes, not through its UTF-8 view's iterator.
        var s = s
        s.withUTF8 { bytes in
            for b in bytes where needsEscapeScan(b) {
                writeString(bytes: Array(bytes)[...], into: &out)
                return
            }
            out.append(0x22)
            out.append(contentsOf: bytes)
            out.append(0x22)
        }
    }

    /// `writeString` for UTF-8 bytes.
    static func writeString(bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
        out.append(0x22)
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            // Bytes that need no escape are copied a run at a time.
            var run = i
            while run < end, !needsEscapeScan(bytes[run]) { run += 1 }
            if run > i {
                out.append(contentsOf: bytes[i..<run])
                i = run
                if i == end { break }
            }
            let b = bytes[i]
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20, 0x7F: escape(UInt32(b), &out)
            case 0xC2 where i + 1 < end && (0x80...0x9F).contains(bytes[i + 1]):
                escape(UInt32(bytes[i + 1]), &out)
                i += 1
            case 0xE2 where i + 2 < end && ((bytes[i + 1] == 0x80 && (0xA8...0xAE).contains(bytes[i + 2]))
                                           || (bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]))):
                escape(0x2000 | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F), &out)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        out.append(0x22)
    }

    /// Whether `b` may start something `writeString` escapes (the bytes its fast path looks for).
    @inline(__always)
    static func needsEscapeScan(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xE2
    }

    /// `\uXXXX` with lower-case hex.
    static func escape(_ v: UInt32, _ out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((v >> UInt32(shift)) & 0xF)]) }
    }
}
