/// One cell of a report CSV.
///
/// Text and numbers are kept apart so that only text is neutralised: `-0.5` in a number column is a
/// number, while `-0.5` typed by a commenter is text and gets the leading `'`.
public enum CSVValue: Sendable, Hashable {
    /// Free or identifier text: cleaned to one line and neutralised.
    case text(String)
    /// Already formatted by `Format` (digits, `.`, `-`, ISO dates): written as is.
    case literal(String)
    /// A missing value: an empty cell.
    case empty

    static func number(_ x: Double?, decimals: Int = 4) -> CSVValue {
        guard let x, let s = Format.fixed(x, decimals: decimals) else { return .empty }
        return .literal(s)
    }

    static func int(_ x: Int?) -> CSVValue { x.map { .literal(String($0)) } ?? .empty }

    static func optionalText(_ s: String?) -> CSVValue { s.map { .text($0) } ?? .empty }
}

/// RFC 4180 CSV with spreadsheet formula neutralising.
///
/// Choices: UTF-8 without a byte-order mark; CRLF line ends (RFC 4180's, and what spreadsheet imports
/// expect), a CRLF after the last row too; a header row; a cell is quoted only when it holds `,`, `"`, CR
/// or LF, and `"` is doubled inside quotes.
public enum CSV {
    /// Characters that make a spreadsheet read a cell as a formula when they come first; the full-width
    /// forms are included because some spreadsheets fold them to ASCII.
    static let formulaStarters: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// A text cell: a leading `'` when it starts like a formula, then quoted as needed.
    ///
    /// The text is not otherwise changed; callers clean report text with `TextCell.singleLine` first.
    public static func cell(_ value: String) -> String {
        var v = value
        if let f = v.unicodeScalars.first, formulaStarters.contains(f) { v = "'" + v }
        return quoted(v)
    }

    /// Quotes `v` when it holds a separator, a quote or a line break.
    static func quoted(_ v: String) -> String {
        guard v.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return v }
        var out = "\""
        for ch in v.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }

    /// Renders one value.
    static func render(_ value: CSVValue) -> String {
        switch value {
        case .text(let s): return cell(TextCell.singleLine(s))
        case .literal(let s): return quoted(s)
        case .empty: return ""
        }
    }

    /// The whole file: header, then rows, each ended by CRLF.
    public static func document(header: [String], rows: [[CSVValue]]) -> String {
        var out = header.map(quoted).joined(separator: ",") + "\r\n"
        out.reserveCapacity(rows.count * 16 * header.count)
        for row in rows {
            precondition(row.count == header.count, "CSV row has \(row.count) cells, header \(header.count)")
            out += row.map(render).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }
}
