/// One CSV record built straight into bytes: cells are appended in column order, then `end()`.
///
/// Design notes: the comments file has a row per comment, so the per-cell cost matters at a million
/// rows. Appending into one reused byte buffer avoids an array of cell values and a `String` per cell.
struct CSVRecord {
    private(set) var bytes: [UInt8] = []
    private var scratch: [UInt8] = []
    private var cells = 0

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        cells = 0
    }

    private mutating func separate() {
        if cells > 0 { bytes.append(0x2C) }
        cells += 1
    }

    /// Free or identifier text: cleaned to one line, neutralised, quoted as needed; nil is empty.
    mutating func text(_ s: String?) {
        separate()
        guard let s else { return }
        scratch.removeAll(keepingCapacity: true)
        TextCell.appendSingleLine(s, to: &scratch)
        CSV.appendCell(scratch, neutralise: true, to: &bytes)
    }

    /// `TextCell.excerpt(text, limit)`, neutralised and quoted as needed; nil is empty.
    mutating func excerpt(_ text: String?, limit: Int) {
        separate()
        guard let text else { return }
        scratch.removeAll(keepingCapacity: true)
        TextCell.appendExcerpt(text, limit: limit, to: &scratch)
        CSV.appendCell(scratch, neutralise: true, to: &bytes)
    }

    mutating func number(_ x: Double?, decimals: Int = 4) {
        separate()
        if let x { Format.appendFixed(x, decimals: decimals, to: &bytes) }
    }

    mutating func int(_ x: Int?) {
        separate()
        if let x { Format.appendInt(x, to: &bytes) }
    }

    mutating func timestamp(_ t: Double?) {
        separate()
        if let t { Format.appendISOTimestamp(t, to: &bytes) }
    }

    /// `true` / `false`; nil is empty.
    mutating func bool(_ b: Bool?) {
        separate()
        if let b { bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    }

    mutating func value(_ v: CSVValue) {
        switch v {
        case .text(let s): text(s)
        case .literal(let s):
            separate()
            CSV.appendCell(Array(s.utf8), neutralise: false, to: &bytes)
        case .fixed(let x, let d): number(x.isFinite ? x : nil, decimals: d)
        case .integer(let n): int(n)
        case .timestamp(let t): timestamp(t)
        case .empty: separate()
        }
    }

    /// Ends the record with CRLF.
    mutating func end() {
        bytes.append(0x0D)
        bytes.append(0x0A)
    }
}

/// One JSON object written on one line straight into bytes (`{"a": 1, "b": null}`), for the records of
/// long arrays. Members are written in call order; `null` stands for nil.
struct JSONLineWriter {
    private(set) var bytes: [UInt8] = []
    private var scratch: [UInt8] = []
    /// Whether the current container (innermost last) has a member yet.
    private var started: [Bool] = []

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        started.removeAll(keepingCapacity: true)
    }

    private mutating func comma() {
        guard let last = started.last else { return }
        if last { bytes.append(contentsOf: [0x2C, 0x20]) }
        started[started.count - 1] = true
    }

    /// Keys are literals of the writer's callers (plain ASCII names), so they are copied as they
    /// are, without the scan for characters to escape that every value gets.
    mutating func key(_ k: StaticString) {
        comma()
        bytes.append(0x22)
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [0x22, 0x3A, 0x20])
    }

    mutating func beginObject(_ k: StaticString? = nil) { open(k, 0x7B) }
    mutating func beginArray(_ k: StaticString? = nil) { open(k, 0x5B) }
    mutating func endObject() { close(0x7D) }
    mutating func endArray() { close(0x5D) }

    private mutating func open(_ k: StaticString?, _ bracket: UInt8) {
        if let k { key(k) } else { comma() }
        bytes.append(bracket)
        started.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        started.removeLast()
    }

    mutating func null(_ k: StaticString) {
        key(k)
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func string(_ k: StaticString, _ v: String?) {
        key(k)
        if let v { JSONValue.writeString(v, into: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    /// `TextCell.excerpt(text, limit)` as a string.
    mutating func excerpt(_ k: StaticString, _ text: String, limit: Int) {
        key(k)
        scratch.removeAll(keepingCapacity: true)
        TextCell.appendExcerpt(text, limit: limit, to: &scratch)
        JSONValue.writeString(bytes: scratch[...], into: &bytes)
    }

    /// An ISO-8601 timestamp string, or null.
    mutating func timestamp(_ k: StaticString, _ t: Double?) {
        key(k)
        scratch.removeAll(keepingCapacity: true)
        if let t, Format.appendISOTimestamp(t, to: &scratch) {
            JSONValue.writeString(bytes: scratch[...], into: &bytes)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    /// An array element.
    mutating func element(_ v: String) {
        comma()
        JSONValue.writeString(v, into: &bytes)
    }

    mutating func number(_ k: StaticString, _ v: Double?, decimals: Int = 4) {
        key(k)
        if let v, v.isFinite { Format.appendFixed(v, decimals: decimals, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func int(_ k: StaticString, _ v: Int?) {
        key(k)
        if let v { Format.appendInt(v, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func bool(_ k: StaticString, _ v: Bool) {
        key(k)
        bytes.append(contentsOf: (v ? "true" : "false").utf8)
    }

    /// A member whose value is already a `JSONValue`, written on one line.
    mutating func value(_ k: StaticString, _ v: JSONValue) {
        key(k)
        v.write(into: &bytes, indent: 0, oneLine: true)
    }
}
