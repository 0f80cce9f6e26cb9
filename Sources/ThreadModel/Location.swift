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
///
/// Offsets are stored in 32 bits (a sentence is 12 bytes instead of 24): a comment's text is bounded by
/// the record limit of ingest, far below 2 GiB. Encoded as `{"start": s, "end": e}`.
public struct Span: Sendable, Hashable, Codable, Comparable {
    private var lo: Int32
    private var hi: Int32

    public var start: Int {
        get { Int(lo) }
        set { lo = Self.offset(newValue) }
    }

    public var end: Int {
        get { Int(hi) }
        set { hi = Self.offset(newValue) }
    }

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "Span start \(start) after end \(end)")
        lo = Self.offset(start)
        hi = Self.offset(end)
    }

    /// A span from offsets already known to be valid (0 <= start <= end).
    init(uncheckedStart start: Int32, end: Int32) {
        lo = start
        hi = end
    }

    private static func offset(_ v: Int) -> Int32 {
        precondition(v >= 0 && v <= Int(Int32.max), "Span offset \(v) outside 0...\(Int32.max)")
        return Int32(v)
    }

    /// The largest offset a span can hold: readers keep texts below it.
    public static let maxOffset = Int(Int32.max)

    enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let s = try c.decode(Int.self, forKey: .start), e = try c.decode(Int.self, forKey: .end)
        guard s >= 0, s <= e, e <= Self.maxOffset else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: c, debugDescription: "invalid span \(s)..<\(e)")
        }
        self.init(s, e)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }

    public var length: Int { end - start }
    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    public static func < (a: Span, b: Span) -> Bool {
        (a.lo, a.hi) < (b.lo, b.hi)
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
