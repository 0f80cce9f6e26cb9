import Foundation
import TextProcessing
import ThreadModel

/// Options of the ingest stage.
public struct IngestOptions: Sendable, Codable, Hashable {
    /// Force a format instead of detecting it from content.
    public var format: SourceFormat?
    /// Fail on the first malformed record instead of skipping and counting it.
    public var strict: Bool

    public init(format: SourceFormat? = nil, strict: Bool = false) {
        self.format = format
        self.strict = strict
    }
}

/// What ingest read: the threads, and every problem met on the way.
public struct IngestResult: Sendable {
    public var threads: [DiscussionThread]
    /// Warnings (repairs) and errors (skipped records), in input order.
    public var problems: [InputProblem]
    /// The files read, in the order given.
    public var files: [String]

    public init(threads: [DiscussionThread] = [], problems: [InputProblem] = [], files: [String] = []) {
        self.threads = threads
        self.problems = problems
        self.files = files
    }

    /// Number of records skipped as malformed.
    public var skippedRecords: Int { problems.filter { $0.severity == .error }.count }
}

/// The ingest stage: reads files of any supported format into threads.
public struct Ingestor: Sendable {
    public var options: IngestOptions

    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// Reads every file, in order, and merges the threads they hold.
    /// - Throws: `InputError` for an unreadable file, or for any malformed record in strict mode.
    public func read(paths: [String]) throws -> IngestResult {
        var result = IngestResult(files: paths)
        for path in paths {
            let part = try JSONLReader(strict: options.strict).read(path: path)
            result.threads += part.threads
            result.problems += part.problems
        }
        return result
    }
}
