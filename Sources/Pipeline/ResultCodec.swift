import Sentiment
import Stance
import ThreadModel

/// A compact binary form of one thread's results (every comment's sentiment and stance), stored as
/// one blob per thread in the run store's `thread_results` table.
///
/// Layout, all integers as LEB128 varints (signed ones zigzag-encoded), doubles as their 8-byte IEEE
/// bit pattern (little-endian, so they round-trip exactly), strings as a byte count then UTF-8, optionals
/// as a 0/1 byte then the value:
///
///     version(1) count { commentID sentiment stance }*
///
/// Design note: the first store kept each comment's results as two JSON documents; encoding a
/// million of them dominated a full run's commit and decoding them an incremental run's read.
/// Doubles as bit patterns rather than text keep reused results exactly equal to fresh ones, which is
/// what keeps incremental and full runs' reports byte-identical.
enum ResultCodec {
    static let version: UInt8 = 1

    /// Encodes the results of one thread's comments, in the order given.
    static func encode(threadID: String, _ items: [(commentID: String, sentiment: CommentSentiment, stance: CommentStance)]) -> [UInt8] {
        var w = ByteWriter()
        w.byte(version)
        w.uint(UInt64(items.count))
        for item in items {
            w.string(item.commentID)
            w.sentiment(item.sentiment)
            w.stance(item.stance)
        }
        return w.bytes
    }

    /// Decodes a blob made by `encode`; nil when it is not one (a damaged store: the thread is analysed again).
    static func decode(threadID: String, _ bytes: [UInt8]) -> [(CommentSentiment, CommentStance)]? {
        var r = ByteReader(bytes)
        guard r.byte() == version, let count = r.uint(), count <= UInt64(bytes.count) else { return nil }
        var out: [(CommentSentiment, CommentStance)] = []
        out.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let id = r.string() else { return nil }
            let key = CommentKey(threadID: threadID, commentID: id)
            guard let s = r.sentiment(key), let t = r.stance(key) else { return nil }
            out.append((s, t))
        }
        return r.atEnd ? out : nil
    }
}

/// Appends values to a byte array.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func uint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ v: Int) {
        let x = Int64(v)
        uint(UInt64(bitPattern: (x << 1) ^ (x >> 63)))
    }

    mutating func double(_ d: Double) {
        let bits = d.bitPattern
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i)))) }
    }

    mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            uint(UInt64(buf.count))
            bytes.append(contentsOf: buf)
        }
    }

    mutating func span(_ s: Span?) {
        guard let s else { return byte(0) }
        byte(1)
        int(s.start)
        int(s.end)
    }

    mutating func scores(_ s: SentimentScores) {
        double(s.compound); double(s.pos); double(s.neu); double(s.neg)
    }

    mutating func contributions(_ cs: [Contribution]) {
        uint(UInt64(cs.count))
        for c in cs {
            string(c.term)
            double(c.value)
            span(c.span)
        }
    }

    mutating func sentiment(_ s: CommentSentiment) {
        scores(s.scores)
        uint(UInt64(s.sentences.count))
        for sentence in s.sentences {
            span(sentence.span)
            bool(sentence.isQuoted)
            scores(sentence.scores)
            contributions(sentence.contributions)
        }
        contributions(s.contributions)
    }

    mutating func stance(_ s: CommentStance) {
        string(s.label.rawValue)
        double(s.score)
        double(s.confidence)
        string(s.source.rawValue)
        uint(UInt64(s.evidence.count))
        for e in s.evidence {
            string(e.rule)
            string(e.matched)
            span(e.span)
            double(e.contribution)
            double(e.weight)
            string(e.note)
        }
    }
}

/// Reads what `ByteWriter` wrote; every read returns nil past the end or on a malformed value.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let b = byte() {
            guard shift < 64 else { return nil }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// A count that cannot exceed the bytes left (each element takes at least one byte).
    mutating func count() -> Int? {
        guard let n = uint(), n <= UInt64(bytes.count - offset) else { return nil }
        return Int(n)
    }

    mutating func int() -> Int? {
        guard let u = uint() else { return nil }
        let x = Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
        return Int(exactly: x)
    }

    mutating func double() -> Double? {
        guard bytes.count - offset >= 8 else { return nil }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func bool() -> Bool? {
        switch byte() {
        case 0: return false
        case 1: return true
        default: return nil
        }
    }

    mutating func string() -> String? {
        guard let n = count() else { return nil }
        defer { offset += n }
        return String(decoding: bytes[offset..<offset + n], as: UTF8.self)
    }

    /// A present span must be ordered and within `0...Span.maxOffset` (`Span.init` traps otherwise).
    mutating func span() -> Span?? {
        switch byte() {
        case 0: return .some(nil)
        case 1:
            guard let a = int(), let b = int(), a >= 0, a <= b, b <= Span.maxOffset else { return nil }
            return .some(Span(a, b))
        default: return nil
        }
    }

    mutating func scores() -> SentimentScores? {
        guard let c = double(), let p = double(), let u = double(), let n = double() else { return nil }
        return SentimentScores(compound: c, pos: p, neu: u, neg: n)
    }

    mutating func contributions() -> [Contribution]? {
        guard let n = count() else { return nil }
        var out: [Contribution] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let term = string(), let value = double(), let span = span() else { return nil }
            out.append(Contribution(term: term, value: value, span: span))
        }
        return out
    }

    mutating func sentiment(_ key: CommentKey) -> CommentSentiment? {
        guard let scores = scores(), let n = count() else { return nil }
        var sentences: [SentenceSentiment] = []
        sentences.reserveCapacity(n)
        for _ in 0..<n {
            guard let span = span(), let span, let quoted = bool(), let s = self.scores(),
                  let cs = contributions() else { return nil }
            sentences.append(SentenceSentiment(span: span, isQuoted: quoted, scores: s, contributions: cs))
        }
        guard let cs = contributions() else { return nil }
        return CommentSentiment(key: key, scores: scores, sentences: sentences, contributions: cs)
    }

    mutating func stance(_ key: CommentKey) -> CommentStance? {
        guard let labelText = string(), let label = StanceLabel(rawValue: labelText), let score = double(),
              let confidence = double(), let sourceText = string(), let source = StanceSource(rawValue: sourceText),
              let n = count() else { return nil }
        var evidence: [StanceEvidence] = []
        evidence.reserveCapacity(n)
        for _ in 0..<n {
            guard let rule = string(), let matched = string(), let span = span(), let contribution = double(),
                  let weight = double(), let note = string() else { return nil }
            evidence.append(StanceEvidence(rule: rule, matched: matched, span: span, contribution: contribution,
                                           weight: weight, note: note))
        }
        return CommentStance(key: key, label: label, score: score, confidence: confidence, source: source,
                             evidence: evidence)
    }
}
