import Foundation
import TextProcessing
import ThreadModel

/// Options of the ingest stage. Defaults live here; a pipeline file may set any subset.
public struct IngestOptions: Sendable, Codable, Hashable {
    /// Force a format instead of detecting it from content.
    public var format: SourceFormat?
    /// Fail on the first malformed record instead of skipping and counting it.
    public var strict: Bool
    /// Longest accepted record (a JSONL/NDJSON line, a mail message); longer ones are skipped.
    public var maxRecordBytes: Int

    public static let defaultMaxRecordBytes = 16 << 20

    public init(format: SourceFormat? = nil, strict: Bool = false, maxRecordBytes: Int = IngestOptions.defaultMaxRecordBytes) {
        self.format = format
        self.strict = strict
        self.maxRecordBytes = maxRecordBytes
    }

    enum CodingKeys: String, CodingKey { case format, strict, maxRecordBytes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(SourceFormat.self, forKey: .format)
        strict = try c.decodeIfPresent(Bool.self, forKey: .strict) ?? false
        maxRecordBytes = try c.decodeIfPresent(Int.self, forKey: .maxRecordBytes) ?? Self.defaultMaxRecordBytes
    }
}

/// What ingest read: the threads, and every problem met on the way.
public struct IngestResult: Sendable {
    public var threads: [DiscussionThread]
    /// Warnings (repairs) and errors (skipped records), in input order.
    public var problems: [InputProblem]
    /// The files read, in the order given.
    public var files: [String]
    /// The format each file was read as, in the order of `files`.
    public var formats: [SourceFormat]

    public init(threads: [DiscussionThread] = [], problems: [InputProblem] = [], files: [String] = [],
                formats: [SourceFormat] = []) {
        self.threads = threads
        self.problems = problems
        self.files = files
        self.formats = formats
    }

    /// Number of records skipped as malformed.
    public var skippedRecords: Int { problems.filter { $0.severity == .error }.count }
    /// Number of repairs and notices.
    public var warnings: Int { problems.filter { $0.severity == .warning }.count }
    public var commentCount: Int { threads.reduce(0) { $0 + $1.comments.count } }

    /// Problem counts by code, sorted by code: the run summary's view.
    public var problemCounts: [(code: String, count: Int)] {
        Dictionary(grouping: problems, by: \.code).map { ($0.key, $0.value.count) }.sorted { $0.code < $1.code }
    }

    mutating func append(_ other: IngestResult) {
        threads += other.threads
        problems += other.problems
        files += other.files
        formats += other.formats
    }
}

/// The ingest stage: reads files of any supported format into threads.
///
/// Each file's format is detected from its content (`FormatDetector`) unless `options.format` is set,
/// so one call may mix Slashdot dumps, HN and Reddit JSON, mbox archives, JSONL, CSV and articles.
public struct Ingestor: Sendable {
    public var options: IngestOptions

    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// Reads every file, in order, and merges the threads they hold.
    /// - Throws: `InputError` for an unreadable file, or for any malformed record in strict mode.
    public func read(paths: [String]) throws -> IngestResult {
        var result = IngestResult()
        for path in paths {
            result.append(try read(path: path))
        }
        return result
    }

    /// Reads one file: the per-file entry point for pipelines that stream file by file.
    public func read(path: String) throws -> IngestResult {
        var context = ReadContext(file: path, options: options)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
            throw InputError(SourceLocation(file: path), code: "unreadable", "no such file")
        }
        guard let format = try options.format ?? detectFormat(path: path) else {
            try context.skip(line: 0, code: "empty-file", "the file is empty")
            return IngestResult(threads: [], problems: context.problems, files: [path], formats: [])
        }
        let threads: [DiscussionThread]
        switch format {
        case .jsonl: threads = try JSONLReader().read(path: path, context: &context)
        case .csv: threads = try CSVReader().read(path: path, context: &context)
        case .slashdot: threads = try SlashdotReader().read(path: path, context: &context)
        case .article: threads = try ArticleReader().read(path: path, context: &context)
        case .hackernews: threads = try HackerNewsReader().read(path: path, context: &context)
        case .reddit: threads = try RedditReader().read(path: path, context: &context)
        case .lemmy: threads = try LemmyReader().read(path: path, context: &context)
        case .mbox: threads = try MboxReader().read(path: path, context: &context)
        }
        return IngestResult(threads: threads, problems: context.problems, files: [path], formats: [format])
    }

    /// The format content detection picks for a file; nil for an empty file.
    public func detectFormat(path: String) throws -> SourceFormat? {
        try FormatDetector.detect(path: path)
    }
}
