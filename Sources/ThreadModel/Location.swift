/// Where a piece of input came from: a file, a 1-based line, and optionally a field.
///
/// Its `description` is the compiler-style prefix every error message starts with:
/// `data/x.jsonl:212` or `data/x.jsonl:212 (field 'text')`.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based line number; 0 when the whole file is meant.
    public var line: Int
    public var field: String?

    public init(file: String, line: Int = 0, field: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
    }

    public var description: String {
        line > 0 ? "\(file):\(line)" : file
    }
}

/// A half-open range of UTF-8 byte offsets into a comment's `text`.
///
/// UTF-8 offsets were chosen over Character indices because they are stable across
/// languages and cheap to slice; reports document them as such.
public struct Span: Sendable, Hashable, Codable, Comparable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "Span start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    public static func < (a: Span, b: Span) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }
}

extension String {
    /// The substring covered by a UTF-8 byte span, repairing any split scalar.
    public func slice(_ span: Span) -> String {
        let bytes = self.utf8
        let lo = max(0, min(span.start, bytes.count))
        let hi = max(lo, min(span.end, bytes.count))
        let a = bytes.index(bytes.startIndex, offsetBy: lo)
        let b = bytes.index(bytes.startIndex, offsetBy: hi)
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }
}
