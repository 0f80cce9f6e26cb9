import Foundation

/// The format a thread was read from.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    case slashdot
    case hackernews
    case reddit
    case lemmy
    case mbox
    case jsonl
    case csv
    case article
}

/// How a comment's parent link was established.
public enum ParentLink: String, Sendable, Codable {
    /// The source names the parent (an id, In-Reply-To, parent_id...).
    case explicit
    /// The reply opens by repeating the parent's text.
    case quote
    /// Inferred from the subject line ("Re: ...") and order.
    case subject
    /// No parent: a top-level comment.
    case none
}

/// Conditions a reader noticed on a comment; reported, never silently dropped.
public enum CommentFlag: String, Sendable, Codable, CaseIterable, Comparable {
    case deleted          // "[deleted]" or a deleted item
    case dead             // HN "[dead]"
    case flagged          // HN "[flagged]"
    case empty            // no body (e.g. a collapsed Slashdot comment)
    case orphan           // the parent id names no comment in the input: made top-level
    case cycleBroken      // the parent chain looped: the link was cut here
    case duplicateID      // a second comment with an id already seen
    case invalidUTF8      // bytes that were not UTF-8 were replaced
    case mojibakeRepaired // UTF-8 read as cp1252 was repaired

    public static func < (a: CommentFlag, b: CommentFlag) -> Bool { a.rawValue < b.rawValue }
}

/// Text that the commenter quoted rather than wrote.
public struct QuoteSpan: Sendable, Hashable, Codable {
    /// The quoted region inside the comment's `text`.
    public var span: Span
    /// Nesting depth: 1 for `> x`, 2 for `> > x`.
    public var depth: Int
    /// The comment whose words these are, when known.
    public var quotedCommentID: String?

    public init(span: Span, depth: Int = 1, quotedCommentID: String? = nil) {
        self.span = span
        self.depth = depth
        self.quotedCommentID = quotedCommentID
    }
}

/// A sentence of a comment's `text`, with whether it lies inside a quote.
///
/// Stored in 8 bytes: the start offset in the low 31 bits of one word with `isQuoted` in its top bit (span
/// offsets stop at `Span.maxOffset`, 2^31 - 1), the end in the other. A parsed archive holds about eight
/// sentences per comment, so this is a third less than a `Span` and a `Bool` side by side.
public struct Sentence: Sendable, Hashable, Codable {
    private var startAndQuoted: UInt32
    private var endOffset: UInt32
    private static let quotedBit: UInt32 = 0x8000_0000

    public var span: Span {
        get { Span(uncheckedStart: Int32(bitPattern: startAndQuoted & ~Self.quotedBit), end: Int32(bitPattern: endOffset)) }
        set {
            startAndQuoted = UInt32(newValue.start) | (startAndQuoted & Self.quotedBit)
            endOffset = UInt32(newValue.end)
        }
    }

    public var isQuoted: Bool {
        get { startAndQuoted & Self.quotedBit != 0 }
        set { startAndQuoted = newValue ? startAndQuoted | Self.quotedBit : startAndQuoted & ~Self.quotedBit }
    }

    public init(span: Span, isQuoted: Bool = false) {
        startAndQuoted = UInt32(span.start) | (isQuoted ? Self.quotedBit : 0)
        endOffset = UInt32(span.end)
    }

    enum CodingKeys: String, CodingKey { case span, isQuoted }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(span: try c.decode(Span.self, forKey: .span), isQuoted: try c.decode(Bool.self, forKey: .isQuoted))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span, forKey: .span)
        try c.encode(isQuoted, forKey: .isQuoted)
    }
}

/// One comment (or message, or post) of a thread.
///
/// Storage: `rawText` and `ownText` are usually close to `text` (the original with quote markers, the
/// cleaned text without its quotes). `compactTextStorage()` lets them be kept as edits of `text` (bytes to
/// re-insert, a byte range) instead of two more copies; reading them rebuilds the string. This is what
/// keeps a parsed archive near the size of its file. Setting any of the three stores it as given, and
/// changing `text` first freezes the other two, so the values never change behind a caller's back.
/// Equality, hashing and `Codable` use the values, never the storage.
public struct Comment: Sendable, Hashable, Codable, Identifiable {
    /// The id exactly as the source gives it (numbers are kept as their decimal text).
    public var id: String
    public var threadID: String
    public var parentID: String?
    public var parentLink: ParentLink {
        get { link }
        set { link = newValue }
    }
    /// 0 for top-level comments.
    public var depth: Int {
        get { Int(depthValue) }
        set { depthValue = Int32(clamping: newValue) }
    }
    public var author: String?
    /// Seconds since 1970-01-01 UTC.
    public var postedAt: Double? {
        get { present & Self.hasPostedAt != 0 ? postedAtValue : nil }
        set {
            postedAtValue = newValue ?? 0
            present = newValue == nil ? present & ~Self.hasPostedAt : present | Self.hasPostedAt
        }
    }
    /// Moderation or vote score where the source has one (Slashdot -1...5, Reddit score).
    public var score: Int? {
        get { present & Self.hasScore != 0 ? scoreValue : nil }
        set {
            scoreValue = newValue ?? 0
            present = newValue == nil ? present & ~Self.hasScore : present | Self.hasScore
        }
    }
    /// Moderation label ("Insightful", "Funny"...), Slashdot only.
    public var moderation: String? {
        get { rare?.moderation }
        set { rare = RareFields(moderation: newValue, locationField: rare?.locationField) }
    }
    public var title: String?
    /// The text as read, before any clean-up (HTML, entities and all).
    public var rawText: String {
        get { rawStorage.value(text) }
        set { rawStorage = .string(newValue) }
    }
    /// Cleaned text: markup removed, quotes still in place (offsets refer to this).
    public var text: String {
        didSet {
            if !rawStorage.isStored { rawStorage = .string(rawStorage.value(oldValue)) }
            if !ownStorage.isStored { ownStorage = .string(ownStorage.value(oldValue)) }
        }
    }
    /// The commenter's own words: `text` without quotes, attribution lines or signature.
    public var ownText: String {
        get { ownStorage.value(text) }
        set { ownStorage = .string(newValue) }
    }
    public var quotes: [QuoteSpan]
    public var sentences: [Sentence]
    public var flags: [CommentFlag]
    public var location: SourceLocation {
        get { SourceLocation(file: locationFile, line: locationLine, field: rare?.locationField) }
        set {
            locationFile = newValue.file
            locationLine = newValue.line
            rare = RareFields(moderation: rare?.moderation, locationField: newValue.field)
        }
    }

    // Storage order is chosen for size (fields are laid out as declared): the one-byte fields and the
    // 32-bit depth fill the padding after `rawStorage`'s tag, the optional time and score keep their
    // presence in one byte of bits instead of a padded tag each, and the fields that are nearly always
    // empty (moderation, the location's field) share one optional reference: 216 bytes instead of 272.
    private var locationFile: String
    private var locationLine: Int
    private var rare: RareFields?
    private var rawStorage: DerivedText
    private var link: ParentLink
    private var present: UInt8
    private var depthValue: Int32
    private var ownStorage: DerivedText
    private var postedAtValue: Double
    private var scoreValue: Int
    private static let hasPostedAt: UInt8 = 1
    private static let hasScore: UInt8 = 2

    public init(
        id: String, threadID: String, parentID: String? = nil, parentLink: ParentLink = .none,
        depth: Int = 0, author: String? = nil, postedAt: Double? = nil, score: Int? = nil,
        moderation: String? = nil, title: String? = nil, rawText: String, text: String? = nil,
        ownText: String? = nil, quotes: [QuoteSpan] = [], sentences: [Sentence] = [],
        flags: [CommentFlag] = [], location: SourceLocation
    ) {
        self.id = id
        self.threadID = threadID
        self.parentID = parentID
        self.link = parentLink
        self.depthValue = Int32(clamping: depth)
        self.author = author
        self.postedAtValue = postedAt ?? 0
        self.scoreValue = score ?? 0
        self.present = (postedAt == nil ? 0 : Self.hasPostedAt) | (score == nil ? 0 : Self.hasScore)
        self.rare = RareFields(moderation: moderation, locationField: location.field)
        self.title = title
        self.rawStorage = .string(rawText)
        self.text = text ?? rawText
        self.ownStorage = .string(ownText ?? (text ?? rawText))
        self.quotes = quotes
        self.sentences = sentences
        self.flags = flags
        self.locationFile = location.file
        self.locationLine = location.line
    }

    /// The sentences the commenter wrote (not inside a quote).
    public var ownSentences: [Sentence] { sentences.filter { !$0.isQuoted } }

    /// Calls `body` with the UTF-8 bytes of `ownText`, reading them straight from `text` when the own
    /// words are a part of it (no string is rebuilt or validated).
    public func withOwnTextUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var t = text
        if case .slice(let span) = ownStorage {
            return try t.withUTF8 { u in
                let lo = min(span.start, u.count), hi = min(max(span.end, lo), u.count)
                return try body(UnsafeBufferPointer(rebasing: u[lo..<hi]))
            }
        }
        var own = ownText
        return try own.withUTF8(body)
    }

    /// Keeps `rawText` and `ownText` as edits of `text` where that is smaller than a copy: equal to `text`
    /// as the same string, `ownText` as a byte range of `text`, `rawText` as `text` plus the bytes clean-up
    /// removed (when clean-up only removed bytes, in at most `maxInsertions` places). Values are unchanged.
    /// Complexity O(n) in bytes.
    public mutating func compactTextStorage(maxInsertions: Int = 64) {
        // The bytes of `text` are copied only when an edit has to be computed: a comment that clean-up did
        // not change holds the same string three times, which costs nothing to check.
        var bytes: [UInt8]? = nil
        func textBytes() -> [UInt8] {
            if let bytes { return bytes }
            let t = Array(text.utf8)
            bytes = t
            return t
        }
        let n = text.utf8.count
        if case .string(let own) = ownStorage, !DerivedText.sharesStorage(own, text) {
            if own.utf8.count == n {
                if own == text { ownStorage = .string(text) }
            } else if let d = DerivedText.slice(of: own, in: textBytes()) {
                ownStorage = d
            }
        }
        if case .string(let raw) = rawStorage, !DerivedText.sharesStorage(raw, text) {
            if raw.utf8.count == n {
                if raw == text { rawStorage = .string(text) }
            } else if let d = DerivedText.insertions(of: raw, into: textBytes(), limit: maxInsertions) {
                rawStorage = d
            }
        }
    }

    // MARK: Values, not storage

    public static func == (a: Comment, b: Comment) -> Bool {
        a.id == b.id && a.threadID == b.threadID && a.parentID == b.parentID && a.parentLink == b.parentLink
            && a.depth == b.depth && a.author == b.author && a.postedAt == b.postedAt && a.score == b.score
            && a.moderation == b.moderation && a.title == b.title && a.text == b.text && a.rawText == b.rawText
            && a.ownText == b.ownText && a.quotes == b.quotes && a.sentences == b.sentences && a.flags == b.flags
            && a.location == b.location
    }

    public func hash(into h: inout Hasher) {
        h.combine(id)
        h.combine(threadID)
        h.combine(parentID)
        h.combine(text)
        h.combine(location)
    }

    enum CodingKeys: String, CodingKey {
        case id, threadID, parentID, parentLink, depth, author, postedAt, score, moderation, title, rawText, text, ownText,
             quotes, sentences, flags, location
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), threadID: try c.decode(String.self, forKey: .threadID),
            parentID: try c.decodeIfPresent(String.self, forKey: .parentID),
            parentLink: try c.decode(ParentLink.self, forKey: .parentLink), depth: try c.decode(Int.self, forKey: .depth),
            author: try c.decodeIfPresent(String.self, forKey: .author),
            postedAt: try c.decodeIfPresent(Double.self, forKey: .postedAt),
            score: try c.decodeIfPresent(Int.self, forKey: .score),
            moderation: try c.decodeIfPresent(String.self, forKey: .moderation),
            title: try c.decodeIfPresent(String.self, forKey: .title), rawText: try c.decode(String.self, forKey: .rawText),
            text: try c.decode(String.self, forKey: .text), ownText: try c.decode(String.self, forKey: .ownText),
            quotes: try c.decode([QuoteSpan].self, forKey: .quotes), sentences: try c.decode([Sentence].self, forKey: .sentences),
            flags: try c.decode([CommentFlag].self, forKey: .flags), location: try c.decode(SourceLocation.self, forKey: .location))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(threadID, forKey: .threadID)
        try c.encodeIfPresent(parentID, forKey: .parentID)
        try c.encode(parentLink, forKey: .parentLink)
        try c.encode(depth, forKey: .depth)
        try c.encodeIfPresent(author, forKey: .author)
        try c.encodeIfPresent(postedAt, forKey: .postedAt)
        try c.encodeIfPresent(score, forKey: .score)
        try c.encodeIfPresent(moderation, forKey: .moderation)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encode(rawText, forKey: .rawText)
        try c.encode(text, forKey: .text)
        try c.encode(ownText, forKey: .ownText)
        try c.encode(quotes, forKey: .quotes)
        try c.encode(sentences, forKey: .sentences)
        try c.encode(flags, forKey: .flags)
        try c.encode(location, forKey: .location)
    }
}

/// The fields of a comment that are nearly always empty, behind one reference; nil when all are.
private final class RareFields: Sendable {
    let moderation: String?
    let locationField: String?

    init?(moderation: String?, locationField: String?) {
        guard moderation != nil || locationField != nil else { return nil }
        self.moderation = moderation
        self.locationField = locationField
    }
}

/// A string kept whole or as an edit of a comment's `text`.
///
/// Insertions (bytes to put back into `text`) are packed as one byte stream: per insertion, the distance
/// from the previous insertion point and the length as LEB128 varints, then the bytes. Up to 15 bytes of
/// stream live inline in the enum (no allocation): a mail's usual edits, a few quote markers, the space
/// of a `-- ` signature line and a final line break, fit there; longer streams are one byte array.
enum DerivedText: Sendable {
    case string(String)
    /// A byte range of `text`.
    case slice(Span)
    /// Packed insertions, inline: the first byte is the stream's length (at most 15), then the stream.
    case inlineEdits(UInt64, UInt64)
    /// Packed insertions in a byte array.
    case edits([UInt8])

    /// Whether two strings are one stored buffer (then they are equal). Small strings (up to 15 bytes)
    /// live inline and are compared by value instead.
    static func sharesStorage(_ a: String, _ b: String) -> Bool {
        let n = a.utf8.count
        guard n == b.utf8.count else { return false }
        if n <= 15 { return a == b }
        guard let pa = a.utf8.withContiguousStorageIfAvailable({ UInt(bitPattern: $0.baseAddress) }),
              let pb = b.utf8.withContiguousStorageIfAvailable({ UInt(bitPattern: $0.baseAddress) }) else { return false }
        return pa == pb
    }

    var isStored: Bool {
        if case .string = self { return true }
        return false
    }

    func value(_ text: String) -> String {
        switch self {
        case .string(let s):
            return s
        case .slice(let span):
            return text.slice(span)
        case .inlineEdits(let a, let b):
            var words = (a, b)
            return withUnsafeBytes(of: &words) { raw in
                let p = raw.bindMemory(to: UInt8.self)
                return Self.apply(UnsafeBufferPointer(rebasing: p[1..<(1 + Int(p[0]))]), to: text)
            }
        case .edits(let stream):
            return stream.withUnsafeBufferPointer { Self.apply($0, to: text) }
        }
    }

    /// `text` with the packed insertions of `stream` put back.
    private static func apply(_ stream: UnsafeBufferPointer<UInt8>, to text: String) -> String {
        var t = text
        return t.withUTF8 { u -> String in
            var out: [UInt8] = []
            out.reserveCapacity(u.count + stream.count)
            var i = 0  // in `stream`
            var at = 0  // in `text`
            while i < stream.count {
                let gap = readVarint(stream, &i), length = readVarint(stream, &i)
                let next = min(at + gap, u.count)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[at..<next]))
                let e = min(i + length, stream.count)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: stream[i..<e]))
                i = e
                at = next
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[at...]))
            return out.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        }
    }

    private static func readVarint(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int {
        var v = 0, shift = 0
        while i < p.count, shift < 63 {
            let b = p[i]
            i += 1
            v |= Int(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return v
    }

    private static func appendVarint(_ v: Int, to out: inout [UInt8]) {
        var v = UInt(v)
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// `s` as a byte range of `text` (when it is `text` itself, or a contiguous part of it).
    static func slice(of s: String, in text: [UInt8]) -> DerivedText? {
        let n = s.utf8.count
        guard n <= text.count, n <= Span.maxOffset, text.count <= Span.maxOffset else { return nil }
        if n == 0 { return .slice(Span(0, 0)) }
        var s = s
        let found = s.withUTF8 { needle -> Int? in
            text.withUnsafeBufferPointer { hay -> Int? in
                guard let base = hay.baseAddress else { return nil }
                let last = hay.count - n  // the last start that leaves room for the needle
                var i = 0
                while i <= last, let hit = memchr(base + i, Int32(needle[0]), last - i + 1) {
                    let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + k, needle.baseAddress!, n) == 0 { return k }
                    i = k + 1
                }
                return nil
            }
        }
        // `s` is valid UTF-8, so the matched range holds whole characters.
        return found.map { .slice(Span($0, $0 + n)) }
    }

    /// `raw` as `text` plus re-inserted bytes, when `text` is `raw` with bytes removed (a subsequence,
    /// matched greedily) in at most `limit` runs that each hold whole characters.
    static func insertions(of raw: String, into text: [UInt8], limit: Int) -> DerivedText? {
        var raw = raw
        return raw.withUTF8 { r -> DerivedText? in
            guard r.count >= text.count, r.count <= Span.maxOffset else { return nil }
            var stream: [UInt8] = []
            var runs = 0
            var i = 0, j = 0, lastAt = 0
            let ok = text.withUnsafeBufferPointer { text -> Bool in
                while i < r.count {
                    // The common run: equal bytes, eight at a time while both sides have them.
                    if let rb = r.baseAddress, let tb = text.baseAddress {
                        while i + 8 <= r.count, j + 8 <= text.count,
                              UnsafeRawPointer(rb + i).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(tb + j).loadUnaligned(as: UInt64.self) {
                            i += 8
                            j += 8
                        }
                    }
                    while i < r.count, j < text.count, r[i] == text[j] {
                        i += 1
                        j += 1
                    }
                    guard i < r.count else { break }
                    var k = i
                    while k < r.count, !(j < text.count && r[k] == text[j]) { k += 1 }
                    guard runs < limit else { return false }
                    // A run must not split a character: a continuation byte at either edge.
                    if r[i] & 0xC0 == 0x80 || (k < r.count && r[k] & 0xC0 == 0x80) { return false }
                    appendVarint(j - lastAt, to: &stream)
                    appendVarint(k - i, to: &stream)
                    stream.append(contentsOf: UnsafeBufferPointer(rebasing: r[i..<k]))
                    runs += 1
                    lastAt = j
                    i = k
                }
                return true
            }
            guard ok, j == text.count else { return nil }
            if stream.count <= 15 {
                var words: (UInt64, UInt64) = (0, 0)
                withUnsafeMutableBytes(of: &words) { w in
                    w[0] = UInt8(stream.count)
                    for (k, b) in stream.enumerated() { w[1 + k] = b }
                }
                return .inlineEdits(words.0, words.1)
            }
            return .edits(stream.withUnsafeBufferPointer { Array($0) })
        }
    }
}

/// A discussion: a story or root post and its comments, in order of appearance.
public struct DiscussionThread: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var source: SourceFormat
    public var title: String?
    public var url: String?
    /// The story or article body, when the source has one.
    public var body: String?
    public var postedAt: Double?
    /// The file the thread was read from.
    public var file: String
    /// Comments in order of appearance; parents come before their replies where the source allows.
    public var comments: [Comment]

    public init(
        id: String, source: SourceFormat, title: String? = nil, url: String? = nil, body: String? = nil,
        postedAt: Double? = nil, file: String, comments: [Comment] = []
    ) {
        self.id = id
        self.source = source
        self.title = title
        self.url = url
        self.body = body
        self.postedAt = postedAt
        self.file = file
        self.comments = comments
    }
}

/// Identifies a comment across threads: ids are unique only within a thread (Slashdot numbers 1, 2, 3...).
public struct CommentKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var threadID: String
    public var commentID: String

    public init(threadID: String, commentID: String) {
        self.threadID = threadID
        self.commentID = commentID
    }

    public static func < (a: CommentKey, b: CommentKey) -> Bool {
        (a.threadID, a.commentID) < (b.threadID, b.commentID)
    }

    public var description: String { "\(threadID)/\(commentID)" }
}

extension Comment {
    public var key: CommentKey { CommentKey(threadID: threadID, commentID: id) }
}
