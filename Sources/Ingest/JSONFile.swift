import TextProcessing
import ThreadModel

/// Reading JSON files: line-delimited (JSONL/NDJSON, streamed) or one whole document.
enum JSONFile {
    /// Calls `body` with each non-blank line parsed into `tape`; bad lines are reported and skipped.
    /// Returns whether the file held any non-blank line.
    @discardableResult
    static func forEachLine(path: String, context: inout ReadContext,
                            _ body: (JSONTape, Int, inout ReadContext) throws -> Void) throws -> Bool {
        var lines = try LineReader(path: path, maxLineBytes: context.options.maxRecordBytes)
        var tape = JSONTape()
        var sawRecord = false
        while let line = try lines.next() {
            switch line {
            case .tooLong(let number, let bytes):
                sawRecord = true
                try context.skip(line: number, code: "line-too-long",
                                 "line of \(bytes) bytes exceeds the \(context.options.maxRecordBytes)-byte record limit; skipped")
            case .text(let bytes, var range, let number):
                defer { tape.releaseBytes() }
                if isBlank(bytes, range) { continue }
                if number == 1, range.count >= 3, bytes[range.lowerBound] == 0xEF, bytes[range.lowerBound + 1] == 0xBB,
                   bytes[range.lowerBound + 2] == 0xBF {
                    range = (range.lowerBound + 3)..<range.upperBound
                }
                sawRecord = true
                do {
                    try tape.parse(bytes, range)
                } catch {
                    try context.skip(line: number, code: error.kind.rawValue,
                                     "\(error.message) (column \(error.offset - range.lowerBound + 1))")
                    continue
                }
                guard tape.kind(tape.root) == .object else {
                    try context.skip(line: number, code: "not-object", "expected a JSON object, found \(tape.kind(tape.root))")
                    continue
                }
                try body(tape, number, &context)
            }
        }
        if !sawRecord {
            try context.skip(line: 0, code: "empty-file", "the file holds no records")
        }
        return sawRecord
    }

    /// Parses a whole file as one JSON document; nil (after reporting) when it is malformed.
    static func parseWhole(path: String, context: inout ReadContext) throws -> JSONTape? {
        var bytes = try readWholeFile(path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard !isBlank(bytes, 0..<bytes.count) else {
            try context.skip(line: 0, code: "empty-file", "the file holds no records")
            return nil
        }
        var tape = JSONTape()
        do {
            try tape.parse(bytes, 0..<bytes.count)
        } catch {
            let line = tape.line(ofOffset: error.offset)
            try context.skip(line: line, code: error.kind.rawValue, "\(error.message); the whole document is skipped")
            return nil
        }
        return tape
    }

    /// Whether one of the file's first three non-blank lines is a complete JSON value (line-delimited
    /// JSON: a broken first record does not turn the file into one malformed document).
    static func isLineDelimited(path: String, maxLineBytes: Int) -> Bool {
        guard var lines = try? LineReader(path: path, maxLineBytes: maxLineBytes) else { return false }
        var tried = 0
        while tried < 3, let line = try? lines.next() {
            guard case .text(let bytes, var range, _) = line else { tried += 1; continue }
            if isBlank(bytes, range) { continue }
            tried += 1
            if range.count >= 3, bytes[range.lowerBound] == 0xEF, bytes[range.lowerBound + 1] == 0xBB,
               bytes[range.lowerBound + 2] == 0xBF {
                range = (range.lowerBound + 3)..<range.upperBound
            }
            var tape = JSONTape()
            if (try? tape.parse(bytes, range)) != nil { return true }
        }
        return false
    }
}

extension JSONTape {
    /// A member's string (or number) value; nil when absent or null. Invalid UTF-8 sets `invalid`.
    func str(_ obj: Int, _ key: String, invalid: inout Bool) -> String? {
        guard let v = member(obj, key) else { return nil }
        switch kind(v) {
        case .string: return string(v, invalid: &invalid)
        case .number, .bool: return text(v)
        default: return nil
        }
    }

    func str(_ obj: Int, _ key: String) -> String? {
        var ignored = false
        return str(obj, key, invalid: &ignored)
    }

    func num(_ obj: Int, _ key: String) -> Double? {
        member(obj, key).flatMap { double($0) }
    }

    func flag(_ obj: Int, _ key: String) -> Bool {
        member(obj, key).flatMap { bool($0) } ?? false
    }
}

/// Maps byte offsets of a document to 1-based lines by binary search over its line starts.
struct LineMap {
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        for i in bytes.indices where bytes[i] == 0x0A { starts.append(i + 1) }
    }

    func line(ofOffset offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }
}
