import TextProcessing
import ThreadModel

/// Generic JSONL: one comment object per line, with the field names of `GenericField`.
///
/// Streamed with `LineReader`; each line is parsed into a reused `JSONTape`. Blank lines are
/// ignored; a line that is not a JSON object, is truncated, or lacks `id` or text is skipped and
/// counted (fatal with `--strict`).
struct JSONLReader {
    func read(path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        var lines = try LineReader(path: path, maxLineBytes: context.options.maxRecordBytes)
        var tape = JSONTape()
        var collector = ThreadCollector()
        let defaultThread = baseName(path)
        var sawRecord = false
        while let line = try lines.next() {
            switch line {
            case .tooLong(let number, let bytes):
                try context.skip(line: number, code: "line-too-long",
                                 "line of \(bytes) bytes exceeds the \(context.options.maxRecordBytes)-byte record limit; skipped")
            case .text(let bytes, let range, let number):
                if isBlank(bytes, range) { continue }
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
                var values: [GenericField: (value: String, field: String)] = [:]
                var invalidFields: [String] = []
                tape.forEachMember(tape.root) { key, v in
                    let name = String(decoding: key, as: UTF8.self)
                    guard let field = GenericField.byName[name], values[field] == nil else { return }
                    var invalid = false
                    let value: String?
                    switch tape.kind(v) {
                    case .string: value = tape.string(v, invalid: &invalid)
                    case .number, .bool: value = tape.text(v)
                    default: value = nil
                    }
                    if invalid { invalidFields.append(name) }
                    if let value { values[field] = (value, name) }
                }
                guard case (var draft, let thread)? = try genericDraft(values, line: number, defaultThread: defaultThread,
                                                             context: &context) else { continue }
                for f in invalidFields {
                    draft.flags.append(.invalidUTF8)
                    context.warn(line: number, field: f, code: "invalid-utf8", "invalid UTF-8 replaced with U+FFFD")
                }
                collector.add(CommentFactory.make(draft, threadID: thread, context: &context))
            }
        }
        if !sawRecord {
            try context.skip(line: 0, code: "empty-file", "the file holds no records")
        }
        return try collector.threads(source: .jsonl, file: path, context: &context)
    }
}

func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    for i in range where !(bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D) { return false }
    return true
}
