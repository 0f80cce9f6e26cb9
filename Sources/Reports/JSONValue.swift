/// A JSON value whose objects keep the order their members were written in.
///
/// Design notes: `JSONEncoder` with `.sortedKeys` would also be deterministic, but it writes floats in
/// shortest round-trip form (`0.30000000000000004`) and sorts keys alphabetically, which scatters related
/// fields. Writing our own tree lets every number carry a fixed number of decimals and every object list
/// its members in the documented order.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// Already formatted digits (see `Format.fixed`); written as is.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into h: inout Hasher) { h.combine(serialized()) }

    static func int(_ v: Int?) -> JSONValue { v.map { .number(String($0)) } ?? .null }
    static func uint(_ v: UInt64) -> JSONValue { .number(String(v)) }
    static func double(_ v: Double?, decimals: Int = 4) -> JSONValue {
        guard let v, let s = Format.fixed(v, decimals: decimals) else { return .null }
        return .number(s)
    }
    static func text(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }

    /// Pretty-printed with two-space indents and a final newline.
    public func serialized() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                JSONValue.writeString(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 1)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// A JSON string literal. Control characters, `"`, `\`, the line separators U+2028/2029 and bidi
    /// controls are escaped, so the file stays one value per line in any viewer; other text stays UTF-8.
    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = u.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029
                    || TextCell.isBidiControl(v) {
                    let hex = String(v, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
