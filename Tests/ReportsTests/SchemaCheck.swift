import Foundation

/// A JSON Schema checker covering the subset the shipped schemas use: `type` (one or a list), `const`,
/// `enum`, `properties`, `required`, `additionalProperties: false`, `items`, `minimum`, local `$ref`,
/// and the `date` / `date-time` formats. Returns every violation with its JSON path.
struct SchemaCheck {
    var root: JSON

    func check(_ value: JSON, against schema: JSON, at path: String = "$") -> [String] {
        var errors: [String] = []
        if case .string(let ref)? = schema["$ref"] {
            guard ref.hasPrefix("#/"), let target = resolve(ref) else { return ["\(path): unresolved $ref \(ref)"] }
            errors += check(value, against: target, at: path)
        }
        if let t = schema["type"] {
            let allowed: [String]
            switch t {
            case .string(let s): allowed = [s]
            case .array(let a): allowed = a.compactMap { if case .string(let s) = $0 { return s }; return nil }
            default: allowed = []
            }
            guard allowed.contains(where: { matches(value, type: $0) }) else {
                return errors + ["\(path): \(kind(value)) is not of type \(allowed.joined(separator: "|"))"]
            }
        }
        if let c = schema["const"], c != value { errors.append("\(path): not the constant \(c)") }
        if case .array(let options)? = schema["enum"], !options.contains(value) { errors.append("\(path): \(value) not in enum") }
        if case .number(let min)? = schema["minimum"], case .number(let v) = value,
           let a = Double(v), let b = Double(min), a < b { errors.append("\(path): \(v) below minimum \(min)") }
        if case .string(let format)? = schema["format"], case .string(let s) = value {
            let pattern = format == "date" ? #"^\d{4}-\d{2}-\d{2}$"# : format == "date-time" ? #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"# : ".*"
            if s.range(of: pattern, options: .regularExpression) == nil { errors.append("\(path): '\(s)' is not a \(format)") }
        }
        if case .object(let members) = value {
            let declared = schema["properties"]?.keys ?? []
            if case .array(let req)? = schema["required"] {
                for case .string(let k) in req where !members.contains(where: { $0.0 == k }) {
                    errors.append("\(path): required member '\(k)' missing")
                }
            }
            for (k, v) in members {
                if let sub = schema["properties"]?[k] {
                    errors += check(v, against: sub, at: "\(path).\(k)")
                } else if schema["additionalProperties"] == .bool(false) {
                    errors.append("\(path): member '\(k)' is not declared in the schema")
                }
            }
            _ = declared
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { errors += check(item, against: itemSchema, at: "\(path)[\(i)]") }
        }
        return errors
    }

    func resolve(_ ref: String) -> JSON? {
        var node: JSON? = root
        for part in ref.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    func matches(_ v: JSON, type: String) -> Bool {
        switch (v, type) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"): return true
        case (.number(let n), "number"): return Double(n) != nil
        case (.number(let n), "integer"): return Int(n) != nil
        default: return false
        }
    }

    func kind(_ v: JSON) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let n): return "number \(n)"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
