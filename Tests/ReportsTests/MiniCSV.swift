/// An RFC 4180 reader for tests: quoted cells, doubled quotes, CRLF or LF records.
enum MiniCSV {
    struct ParseError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false, wasQuoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { cell.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else {
                    cell.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard cell.isEmpty, !wasQuoted else { throw ParseError(message: "quote inside an unquoted cell in row \(rows.count + 1)") }
                quoted = true
                wasQuoted = true
            case ",":
                row.append(cell); cell = ""; wasQuoted = false
            case "\r":
                guard scalars.first == "\n" else { throw ParseError(message: "bare CR in row \(rows.count + 1)") }
            case "\n":
                row.append(cell); rows.append(row); row = []; cell = ""; wasQuoted = false
            default:
                guard !wasQuoted else { throw ParseError(message: "text after a closing quote in row \(rows.count + 1)") }
                cell.unicodeScalars.append(c)
            }
        }
        guard !quoted else { throw ParseError(message: "unterminated quoted cell") }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
