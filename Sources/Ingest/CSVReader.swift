import TextProcessing
import ThreadModel

/// Generic CSV (RFC 4180): a header row naming `GenericField` columns, then one comment per row.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; a record's line is the line it
/// starts on. A row whose column count differs from the header's, or a quote left open at the end of
/// the file, is skipped and counted. The separator is a comma, or a tab when the header has tabs and
/// no commas. Unknown columns are ignored.
///
/// Design notes: the file is read whole (CSV records can span lines, so a line reader does not
/// help); CSV exports are small next to JSONL and mbox archives, which are streamed.
struct CSVReader {
    func read(path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        var bytes = try readWholeFile(path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var parser = CSVParser(bytes: bytes)
        guard let header = parser.nextRecord() else {
            try context.skip(line: 0, code: "empty-file", "the file holds no records")
            return []
        }
        var invalid = false
        let names = header.fields.map {
            UTF8Text.decode(bytes, $0, invalid: &invalid).trimmingSpaces.lowercased()
        }
        var columns: [(index: Int, field: GenericField, name: String)] = []
        for (k, name) in names.enumerated() {
            if let f = GenericField.byName[name], !columns.contains(where: { $0.field == f }) {
                columns.append((k, f, name))
            }
        }
        guard columns.contains(where: { $0.field == .id }) else {
            try context.skip(line: header.line, field: "id", code: "missing-column",
                             "the header has no 'id' column (found: \(names.joined(separator: ", ")))")
            return []
        }
        var collector = ThreadCollector()
        let defaultThread = baseName(path)
        var sawRow = false
        while let record = parser.nextRecord() {
            if record.unterminated {
                try context.skip(line: record.line, code: "csv-quote", "a quoted field is not closed before the end of the file")
                break
            }
            if record.fields.count == 1, record.fields[0].isEmpty { continue }  // blank line
            sawRow = true
            guard record.fields.count == names.count else {
                try context.skip(line: record.line, code: "csv-columns",
                                 "expected \(names.count) columns, found \(record.fields.count)")
                continue
            }
            var values = GenericValues()
            var badFields: [String] = []
            for col in columns {
                var bad = false
                let v = parser.field(record.fields[col.index], invalid: &bad)
                if bad { badFields.append(col.name) }
                if !v.isEmpty { values[col.field] = (v, col.name) }
            }
            if values[.text] == nil, let textCol = columns.first(where: { $0.field == .text }) {
                values[.text] = ("", textCol.name)  // an empty cell is an empty comment, not a missing column
            }
            guard case (var draft, let thread)? = try genericDraft(values, line: record.line, defaultThread: defaultThread,
                                                         context: &context) else { continue }
            for f in badFields {
                draft.flags.append(.invalidUTF8)
                context.warn(line: record.line, field: f, code: "invalid-utf8", "invalid UTF-8 replaced with U+FFFD")
            }
            collector.add(CommentFactory.make(draft, threadID: thread, context: &context))
        }
        if !sawRow { try context.skip(line: 0, code: "empty-file", "the file holds a header but no records") }
        return try collector.threads(source: .csv, file: path, context: &context)
    }
}

/// An RFC 4180 record scanner over bytes: fields are byte ranges, decoded on demand.
struct CSVParser {
    struct Record {
        var fields: [Range<Int>]
        var line: Int
        var unterminated = false
    }

    let bytes: [UInt8]
    var pos = 0
    var line = 1
    var separator: UInt8 = 0x2C

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var i = 0
        var commas = 0, tabs = 0
        while i < bytes.count, bytes[i] != 0x0A {
            if bytes[i] == 0x2C { commas += 1 } else if bytes[i] == 0x09 { tabs += 1 }
            i += 1
        }
        if commas == 0, tabs > 0 { separator = 0x09 }
    }

    mutating func nextRecord() -> Record? {
        guard pos < bytes.count else { return nil }
        var record = Record(fields: [], line: line)
        var start = pos
        var inQuotes = false
        var quoted = false
        while pos < bytes.count {
            let c = bytes[pos]
            if inQuotes {
                if c == 0x22 {
                    if pos + 1 < bytes.count, bytes[pos + 1] == 0x22 { pos += 2; continue }
                    inQuotes = false
                } else if c == 0x0A {
                    line += 1
                }
                pos += 1
                continue
            }
            if c == 0x22, pos == start { inQuotes = true; quoted = true; pos += 1; continue }
            if c == separator {
                record.fields.append(start..<pos)
                pos += 1
                start = pos
                quoted = false
                continue
            }
            if c == 0x0A {
                var end = pos
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                record.fields.append(start..<end)
                pos += 1
                line += 1
                return record
            }
            pos += 1
        }
        _ = quoted
        if inQuotes { record.unterminated = true }
        var end = pos
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        record.fields.append(start..<end)
        return record
    }

    /// A field's value: surrounding quotes removed, doubled quotes undone.
    func field(_ r: Range<Int>, invalid: inout Bool) -> String {
        guard r.count >= 2, bytes[r.lowerBound] == 0x22 else { return UTF8Text.decode(bytes, r, invalid: &invalid) }
        var inner = (r.lowerBound + 1)..<r.upperBound
        if bytes[r.upperBound - 1] == 0x22 { inner = (r.lowerBound + 1)..<(r.upperBound - 1) }
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var i = inner.lowerBound
        while i < inner.upperBound {
            out.append(bytes[i])
            i += (bytes[i] == 0x22 && i + 1 < inner.upperBound && bytes[i + 1] == 0x22) ? 2 : 1
        }
        return UTF8Text.decode(out, 0..<out.count, invalid: &invalid)
    }
}
