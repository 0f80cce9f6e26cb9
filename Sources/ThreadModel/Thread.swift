import Foundation

/// The format a thread was read from.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    case slashdot
    case hackernews
    case reddit
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
    public var rawText: String
    /// Cleaned text: markup removed, quotes still in place (offsets refer to this).
    public var text: String
    /// The commenter's own words: `text` without quotes, attribution lines or signature.
    public var ownText: String
    public var quotes: [QuoteSpan]
    public var sentences: [Sentence]
    public var flags: [CommentFlag]
    public var location: SourceLocation

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
        self.rawText = rawText
        self.text = text ?? rawText
        self.ownText = ownText ?? (text ?? rawText)
        self.quotes = quotes
        self.sentences = sentences
        self.flags = flags
        self.location = location
    }

    /// The sentences the commenter wrote (not inside a quote).
    public var ownSentences: [Sentence] { sentences.filter { !$0.isQuoted } }
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
