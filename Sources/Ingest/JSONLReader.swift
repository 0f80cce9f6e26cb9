import TextProcessing
import ThreadModel

/// Generic JSONL: one comment object per line, with the field names of `GenericField`.
///
/// Streamed with `LineReader`; each line is parsed into a reused `JSONTape`. Blank lines are
/// ignored; a line that is not a JSON object, is truncated, or lacks `id` or text is skipped and
/// counted (fatal with `--strict`).
struct JSONLReader {
    func read(path: String, context: inout ReadContext) throws -> [DiscussionThread] {
        var collector = ThreadCollector()
        let defaultThread = baseName(path)
        try JSONFile.forEachLine(path: path, context: &context) { tape, number, context in
            var values = GenericValues()
            var invalidFields: [String] = []
            var k = tape.root + 1
            let stop = tape.nodes[tape.root].skip
            while k < stop {
                let v = k + 1
                let keyNode = tape.nodes[k]
                k = tape.nodes[v].skip
                guard let (field, name) = GenericField.named(tape.bytes, keyNode.start..<keyNode.end), values[field] == nil else { continue }
                var invalid = false
                let value: String?
                switch tape.kind(v) {
                case .string: value = tape.string(v, invalid: &invalid)
                case .number, .bool: value = tape.text(v)
                case .null: value = nil
                case .object, .array:
                    // Never taken as absent in silence: a required field skips the record, others are left empty.
                    value = nil
                    if field == .id || field == .text {
                        try context.skip(line: number, field: name, code: "missing-field",
                                         "\(tape.typeName(v)) where a string or number was expected; record skipped")
                        return
                    }
                    let code = field == .time ? "bad-time" : field == .score ? "bad-score" : "bad-type"
                    context.warn(line: number, field: name, code: code, "\(tape.typeName(v)) where a value was expected; left empty")
                }
                if invalid { invalidFields.append(name) }
                if let value { values[field] = (value, name) }
            }
            guard case (var draft, let thread)? = try genericDraft(values, line: number, defaultThread: defaultThread,
                                                                  context: &context) else { return }
            for f in invalidFields {
                draft.flags.append(.invalidUTF8)
                context.warn(line: number, field: f, code: "invalid-utf8", "invalid UTF-8 replaced with U+FFFD")
            }
            collector.add(CommentFactory.make(draft, threadID: thread, context: &context))
        }
        return try collector.threads(source: .jsonl, file: path, context: &context)
    }
}

func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    for i in range where !(bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D) { return false }
    return true
}
