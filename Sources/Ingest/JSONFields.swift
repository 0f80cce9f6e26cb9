import TextProcessing
import ThreadModel

/// Reading fields of a JSON record with their types checked.
///
/// A field that is present with the wrong JSON type is never treated as absent in silence: an optional
/// field is reported as a located warning (`bad-type`, or `bad-time`/`bad-score` for a value that is not a
/// time or a number) and left empty; a required field (`requiredText`) of the wrong type is as good as
/// missing: the record is skipped (`missing-field`, the message names the type found).
/// Absent fields and `null` are simply absent.
extension JSONTape {
    /// The JSON type of a node, for messages: "an object", "a string"...
    func typeName(_ n: Int) -> String {
        switch kind(n) {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return nodes[n].flag ? "true" : "false"
        case .null: return "null"
        }
    }

    /// The value node of `key`, nil when absent or null.
    func present(_ obj: Int, _ key: String) -> Int? {
        guard let v = member(obj, key), kind(v) != .null else { return nil }
        return v
    }

    /// A text field: a string, or a number kept as written. Other types are reported (`bad-type`).
    func checkedString(_ obj: Int, _ key: String, line: Int, context: inout ReadContext,
                       invalid: inout Bool) -> String? {
        guard let v = present(obj, key) else { return nil }
        switch kind(v) {
        case .string: return string(v, invalid: &invalid)
        case .number: return text(v)
        default:
            context.warn(line: line, field: key, code: "bad-type", "\(typeName(v)) where a string was expected; ignored")
            return nil
        }
    }

    func checkedString(_ obj: Int, _ key: String, line: Int, context: inout ReadContext) -> String? {
        var ignored = false
        return checkedString(obj, key, line: line, context: &context, invalid: &ignored)
    }

    /// A required text field (an id, a body): absent, null or of the wrong type skips the record.
    func requiredText(_ obj: Int, _ key: String, line: Int, what: String, context: inout ReadContext,
                      invalid: inout Bool) throws -> String? {
        guard let v = present(obj, key) else {
            try context.skip(line: line, field: key, code: "missing-field", "field '\(key)' is missing\(what)")
            return nil
        }
        switch kind(v) {
        case .string: return string(v, invalid: &invalid)
        case .number: return text(v)
        default:
            try context.skip(line: line, field: key, code: "missing-field",
                             "\(typeName(v)) where a string or number was expected\(what); record skipped")
            return nil
        }
    }

    /// A time: epoch seconds (a number, or a string holding one) or an ISO-8601 string, in 1970...2200.
    /// Anything else is reported as `bad-time` and left empty.
    func checkedTime(_ obj: Int, _ key: String, line: Int, context: inout ReadContext) -> Double? {
        guard let v = present(obj, key) else { return nil }
        let value: Double?
        let shown: String
        switch kind(v) {
        case .number:
            shown = text(v) ?? ""
            value = double(v)
        case .string:
            shown = "'" + (text(v) ?? "").prefix(40) + "'"
            value = text(v).flatMap(Dates.parse)
        default:
            context.warn(line: line, field: key, code: "bad-time", "\(typeName(v)) where a time was expected; time left empty")
            return nil
        }
        if let value, Dates.plausible(value) { return value }
        context.warn(line: line, field: key, code: "bad-time",
                     "\(shown) is not epoch seconds or an ISO-8601 time in years 1970...2200; time left empty")
        return nil
    }

    /// A whole number (or a string holding one); anything else is reported under `code` and left empty.
    func checkedInt(_ obj: Int, _ key: String, code: String = "bad-score", line: Int, context: inout ReadContext) -> Int? {
        guard let v = present(obj, key) else { return nil }
        switch kind(v) {
        case .number, .string:
            if let d = double(v), let n = exactInt(d) { return n }
            context.warn(line: line, field: key, code: code,
                         "'\(String(decoding: bytes[nodes[v].start..<nodes[v].end], as: UTF8.self).prefix(40))' is not a whole number; left empty")
        default:
            context.warn(line: line, field: key, code: code, "\(typeName(v)) where a number was expected; left empty")
        }
        return nil
    }

    /// A boolean flag; absent or null is false. Other types are reported (`bad-type`) and read as false.
    func checkedBool(_ obj: Int, _ key: String, line: Int, context: inout ReadContext) -> Bool {
        guard let v = present(obj, key) else { return false }
        if let b = bool(v) { return b }
        context.warn(line: line, field: key, code: "bad-type", "\(typeName(v)) where true or false was expected; read as false")
        return false
    }

    /// The elements of an array field; absent or null is empty. Other types are reported (`bad-type`)
    /// and read as empty, except an empty string when `emptyStringIsEmpty` (Reddit's "no replies").
    func checkedArray(_ obj: Int, _ key: String, line: Int, context: inout ReadContext,
                      emptyStringIsEmpty: Bool = false) -> [Int] {
        guard let v = present(obj, key) else { return [] }
        if kind(v) == .array { return elements(v) }
        if emptyStringIsEmpty, kind(v) == .string, nodes[v].start == nodes[v].end { return [] }
        context.warn(line: line, field: key, code: "bad-type", "\(typeName(v)) where an array was expected; ignored")
        return []
    }
}
