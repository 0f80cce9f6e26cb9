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
public struct Sentence: Sendable, Hashable, Codable {
    public var span: Span
    public var isQuoted: Bool

    public init(span: Span, isQuoted: Bool = false) {
        self.span = span
        self.isQuoted = isQuoted
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
    public var parentLink: ParentLink
    /// 0 for top-level comments.
    public var depth: Int
    public var author: String?
    /// Seconds since 1970-01-01 UTC.
    public var postedAt: Double?
    /// Moderation or vote score where the source has one (Slashdot -1...5, Reddit score).
    public var score: Int?
    /// Moderation label ("Insightful", "Funny"...), Slashdot only.
    public var moderation: String?
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
    public var location: SourceLocation

    private var rawStorage: DerivedText
    private var ownStorage: DerivedText

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
        self.parentLink = parentLink
        self.depth = depth
        self.author = author
        self.postedAt = postedAt
        self.score = score
        self.moderation = moderation
        self.title = title
        self.rawStorage = .string(rawText)
        self.text = text ?? rawText
        self.ownStorage = .string(ownText ?? (text ?? rawText))
        self.quotes = quotes
        self.sentences = sentences
        self.flags = flags
        self.location = location
    }

    /// The sentences the commenter wrote (not inside a quote).
    public var ownSentences: [Sentence] { sentences.filter { !$0.isQuoted } }

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

/// A string kept whole or as an edit of a comment's `text`.
enum DerivedText: Sendable {
    /// Bytes to put back into `text`: `bytes` goes before the text byte at `at`.
    struct Insertion: Sendable {
        var at: Int32
        var bytes: String
    }

    case string(String)
    /// A byte range of `text`.
    case slice(Span)
    /// `text` with bytes inserted, in increasing `at` order.
    case insertions([Insertion])

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
        case .insertions(let list):
            var out: [UInt8] = []
            let u = text.utf8
            out.reserveCapacity(u.count + list.reduce(0) { $0 + $1.bytes.utf8.count })
            var i = u.startIndex
            var offset = 0
            for ins in list {
                let j = u.index(i, offsetBy: Int(ins.at) - offset)
                out.append(contentsOf: u[i..<j])
                out.append(contentsOf: ins.bytes.utf8)
                i = j
                offset = Int(ins.at)
            }
            out.append(contentsOf: u[i...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `s` as a byte range of `text` (when it is `text` itself, or a contiguous part of it).
    static func slice(of s: String, in text: [UInt8]) -> DerivedText? {
        let n = s.utf8.count
        guard n <= text.count, n <= Span.maxOffset, text.count <= Span.maxOffset else { return nil }
        if n == 0 { return .slice(Span(0, 0)) }
        let needle = Array(s.utf8)
        let first = needle[0]
        var i = 0
        while i + n <= text.count {
            if text[i] == first, text[i..<(i + n)].elementsEqual(needle) {
                // `s` is valid UTF-8, so the matched range holds whole characters.
                return .slice(Span(i, i + n))
            }
            i += 1
        }
        return nil
    }

    /// `raw` as `text` plus re-inserted bytes, when `text` is `raw` with bytes removed (a subsequence,
    /// matched greedily) in at most `limit` runs that each hold whole characters.
    static func insertions(of raw: String, into text: [UInt8], limit: Int) -> DerivedText? {
        let r = Array(raw.utf8)
        guard r.count >= text.count, r.count <= Span.maxOffset else { return nil }
        var list: [Insertion] = []
        var i = 0, j = 0
        let ok = r.withUnsafeBufferPointer { r -> Bool in
            text.withUnsafeBufferPointer { text -> Bool in
                while i < r.count {
                    // The common run: equal bytes.
                    while i < r.count, j < text.count, r[i] == text[j] {
                        i += 1
                        j += 1
                    }
                    guard i < r.count else { break }
                    var k = i
                    while k < r.count, !(j < text.count && r[k] == text[j]) { k += 1 }
                    guard list.count < limit else { return false }
                    // A run must not split a character: a continuation byte at either edge.
                    if r[i] & 0xC0 == 0x80 || (k < r.count && r[k] & 0xC0 == 0x80) { return false }
                    list.append(Insertion(at: Int32(j), bytes: String(decoding: r[i..<k], as: UTF8.self)))
                    i = k
                }
                return true
            }
        }
        guard ok else { return nil }
        guard j == text.count else { return nil }
        return .insertions(list)
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
