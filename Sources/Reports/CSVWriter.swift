/// One cell of a report CSV.
///
/// Text and numbers are kept apart so that only text is neutralised: `-0.5` in a number column is a
/// number, while `-0.5` typed by a commenter is text and gets the leading `'`.
public enum CSVValue: Sendable, Hashable {
    /// Free or identifier text: cleaned to one line and neutralised.
    case text(String)
    /// Already formatted (ISO dates, `true`/`false`): written as is, quoted if it must be.
    case literal(String)
    /// A number written with a fixed number of decimals (`Format.fixed`); empty when not finite.
    case fixed(Double, decimals: Int)
    case integer(Int)
    /// Seconds since 1970 as an ISO-8601 UTC timestamp; empty when out of range.
    case timestamp(Double)
    /// A missing value: an empty cell.
    case empty

    static func number(_ x: Double?, decimals: Int = 4) -> CSVValue {
        x.map { .fixed($0, decimals: decimals) } ?? .empty
    }

    static func int(_ x: Int?) -> CSVValue { x.map { .integer($0) } ?? .empty }

    static func optionalText(_ s: String?) -> CSVValue { s.map { .text($0) } ?? .empty }
}

/// RFC 4180 CSV with spreadsheet formula neutralising.
///
/// Choices: UTF-8 without a byte-order mark; CRLF line ends (RFC 4180's, and what spreadsheet imports
/// expect), a CRLF after the last row too; a header row; a cell is quoted only when it holds `,`, `"`, CR
/// or LF, and `"` is doubled inside quotes.
public enum CSV {
    /// A text cell: a leading `'` when it starts like a formula, then quoted as needed.
    ///
    /// The text is not otherwise changed; report writers clean report text with `TextCell.singleLine` first.
    public static func cell(_ value: String) -> String {
        var out: [UInt8] = []
        appendCell(Array(value.utf8), neutralise: true, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether UTF-8 `bytes` start like a formula: `= + - @`, tab, CR, or full-width `＝ ＋ － ＠`
    /// (EF BC 9D, EF BC 8B, EF BC 8D, EF BC A0), which some spreadsheets fold to ASCII.
    static func startsLikeFormula(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case 0xEF: return bytes.count >= 3 && bytes[1] == 0xBC && [0x9D, 0x8B, 0x8D, 0xA0].contains(bytes[2])
        default: return false
        }
    }

    /// Appends a cell: neutralised when asked and needed, quoted when it holds `,`, `"`, CR or LF.
    static func appendCell(_ bytes: [UInt8], neutralise: Bool, to out: inout [UInt8]) {
        let prefix = neutralise && startsLikeFormula(bytes)
        let quote = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if quote { out.append(0x22) }
        if prefix { out.append(UInt8(ascii: "'")) }
        if quote {
            for b in bytes {
                out.append(b)
                if b == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
        } else {
            out.append(contentsOf: bytes)
        }
    }

    /// Appends one value's cell.
    static func write(_ value: CSVValue, to sink: ByteSink) {
        switch value {
        case .text(let s):
            sink.scratch.removeAll(keepingCapacity: true)
            TextCell.appendSingleLine(s, to: &sink.scratch)
            let cell = sink.scratch
            sink.write { appendCell(cell, neutralise: true, to: &$0) }
        case .literal(let s): sink.write { appendCell(Array(s.utf8), neutralise: false, to: &$0) }
        case .fixed(let x, let d): sink.write { Format.appendFixed(x, decimals: d, to: &$0) }
        case .integer(let n): sink.write { Format.appendInt(n, to: &$0) }
        case .timestamp(let t): sink.write { Format.appendISOTimestamp(t, to: &$0) }
        case .empty: break
        }
    }

    /// Appends one record and its CRLF.
    static func writeRow(_ values: [CSVValue], to sink: ByteSink) {
        for (i, v) in values.enumerated() {
            if i > 0 { sink.write(byte: 0x2C) }
            write(v, to: sink)
        }
        sink.write(byte: 0x0D)
        sink.write(byte: 0x0A)
    }

    /// Appends the header record.
    static func writeHeader(_ names: [String], to sink: ByteSink) {
        writeRow(names.map { .literal($0) }, to: sink)
    }

    /// The whole file as a string: header, then rows, each ended by CRLF.
    public static func document(header: [String], rows: [[CSVValue]]) -> String {
        let sink = ByteSink()
        writeHeader(header, to: sink)
        for row in rows {
            precondition(row.count == header.count, "CSV row has \(row.count) cells, header \(header.count)")
            writeRow(row, to: sink)
        }
        return sink.text
    }
}
