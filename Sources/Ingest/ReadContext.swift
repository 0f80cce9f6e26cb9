import ThreadModel

/// Where a reader reports what it meets in one file: problems are located and either kept as
/// warnings, counted as skipped records, or (in strict mode) thrown.
struct ReadContext {
    let file: String
    let options: IngestOptions
    var problems: [InputProblem] = []

    init(file: String, options: IngestOptions) {
        self.file = file
        var o = options
        o.maxRecordBytes = min(o.maxRecordBytes, Span.maxOffset)  // text offsets are 32-bit
        self.options = o
    }

    func location(_ line: Int, field: String? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line, field: field)
    }

    /// A malformed record: skipped and counted, or fatal with `--strict`.
    mutating func skip(line: Int, field: String? = nil, code: String, _ message: String) throws {
        let p = InputProblem(location(line, field: field), .error, code: code, message)
        if options.strict { throw InputError(p) }
        problems.append(p)
    }

    /// A repair or a notice: the record was kept.
    mutating func warn(line: Int, field: String? = nil, code: String, _ message: String) {
        problems.append(InputProblem(location(line, field: field), .warning, code: code, message))
    }
}

/// What a reader knows of a comment before clean-up and tree resolution.
struct CommentDraft {
    enum Markup { case plain, html, markdown }
    var id: String
    var parentID: String?
    var parentLink: ParentLink = .none
    var author: String?
    var postedAt: Double?
    var score: Int?
    var moderation: String?
    var title: String?
    var rawText: String
    var markup: Markup = .plain
    var line: Int
    var flags: [CommentFlag] = []
    /// Unmarked opening lines that quote an earlier comment (Slashdot).
    var leadingQuoteLines = 0
    var quotedIDs: [String?] = []

    init(id: String, rawText: String, line: Int) {
        self.id = id
        self.rawText = rawText
        self.line = line
    }
}

/// Placeholders that stand for a removed comment.
let placeholderFlags: [String: CommentFlag] = [
    "[deleted]": .deleted, "[removed]": .deleted, "[dead]": .dead, "[flagged]": .flagged,
]
