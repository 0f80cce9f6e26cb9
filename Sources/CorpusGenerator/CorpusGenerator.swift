import Foundation

/// The output formats of the generator.
public enum CorpusFormat: String, Sendable, CaseIterable {
    /// Generic JSONL, one comment a line (docs/ingest.md's field names).
    case jsonl
    /// An mbox archive, one message a comment, threaded by In-Reply-To and References.
    case mbox
    /// One comment's text a line (line breaks become spaces), for the sentiment benchmark.
    case lines
}

/// The stance a generated comment's wording leans to.
public enum Flavour: String, Sendable, CaseIterable {
    case pro, anti, neutral, offTopic = "off-topic"
}

/// One generated comment, as the generator's visitor sees it.
public struct GeneratedComment: Sendable {
    /// Index of the thread, from 0.
    public var thread: Int
    /// Global id, from 0; unique in the corpus.
    public var id: Int
    /// The comment replied to, or nil for a top-level comment (in mbox: a reply to the thread's first message).
    public var parent: Int?
    /// 0 for top-level comments, parent's depth + 1 otherwise.
    public var depth: Int
    public var flavour: Flavour
    /// Whether the text opens with a `> ` line quoting the parent.
    public var quotesParent: Bool
    /// UTF-8 bytes of the text (quote included).
    public var textBytes: Int
}

/// What a generated corpus holds.
public struct CorpusStats: Sendable, Equatable {
    public var comments = 0
    public var threads = 0
    /// Bytes written in the chosen format.
    public var bytes = 0
    /// Bytes of comment text (quotes included).
    public var textBytes = 0
    /// `depthCounts[d]` comments at depth d.
    public var depthCounts: [Int] = []
    public var quotes = 0
    public var flavours: [String: Int] = [:]
    public var maxDepth: Int { depthCounts.count - 1 }
    public init() {}
}

/// Seeded, deterministic discussion threads of any size, for benchmarks and scale tests.
///
/// Shape, chosen to look like forum and mailing-list debates:
/// - thread sizes are log-normal (median 25, mean about 45 comments, capped at 3000);
/// - in a thread, a comment is top-level with probability 0.3, answers the previous comment with 0.3
///   (which builds chains) and an earlier one otherwise; now and then a two-person exchange of 6-20
///   replies starts, so depth falls off geometrically with some chains of depth 10 and more;
/// - replies quote one sentence of their parent (`> ` line) with probability 0.3 and tend to take the
///   opposite side; flavours are pro, anti, neutral and off-topic, weighted by the thread's subject;
/// - a comment has a log-normal number of sentences (long tail: most have 1-2, a few over 20), about
///   200 bytes a comment in JSONL (so 1M comments is about 200 MB).
/// The same `seed` and `comments` give the same bytes; the text is assembled from `Phrases`.
public struct CorpusGenerator: Sendable {
    public var comments: Int
    public var seed: UInt64

    public init(comments: Int, seed: UInt64) {
        self.comments = comments
        self.seed = seed
    }

    /// Writes the corpus to `path` (streamed in 4 MB blocks); returns what it wrote.
    @discardableResult
    public func write(_ format: CorpusFormat, toFile path: String,
                      visit: ((GeneratedComment) -> Void)? = nil) throws -> CorpusStats {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CorpusError.cannotWrite(path)
        }
        defer { try? handle.close() }
        return try generate(format, sink: { try handle.write(contentsOf: $0) }, visit: visit)
    }

    /// The whole corpus in memory (for tests and small sizes).
    public func bytes(_ format: CorpusFormat, visit: ((GeneratedComment) -> Void)? = nil) -> ([UInt8], CorpusStats) {
        var all: [UInt8] = []
        let stats = try? generate(format, sink: { all += $0 }, visit: visit)
        return (all, stats ?? CorpusStats())
    }

    /// Generates the corpus, handing blocks of encoded bytes to `sink` and each comment to `visit`.
    public func generate(_ format: CorpusFormat, sink: ([UInt8]) throws -> Void,
                         visit: ((GeneratedComment) -> Void)? = nil) throws -> CorpusStats {
        var state = GeneratorState(seed: seed)
        var encoder = RecordEncoder(format: format)
        var stats = CorpusStats()
        var id = 0
        var threadIndex = 0
        while id < comments {
            let size = min(comments - id, state.threadSize())
            let thread = state.makeThread(index: threadIndex, firstID: id, size: size)
            for c in thread.comments {
                encoder.append(c, in: thread)
                stats.comments += 1
                stats.textBytes += c.text.count
                if c.depth >= stats.depthCounts.count {
                    stats.depthCounts += [Int](repeating: 0, count: c.depth + 1 - stats.depthCounts.count)
                }
                stats.depthCounts[c.depth] += 1
                if c.quotesParent { stats.quotes += 1 }
                stats.flavours[c.flavour.rawValue, default: 0] += 1
                visit?(GeneratedComment(thread: threadIndex, id: c.id, parent: c.parent, depth: c.depth,
                                        flavour: c.flavour, quotesParent: c.quotesParent, textBytes: c.text.count))
                if encoder.buffer.count >= 4 << 20 {
                    stats.bytes += encoder.buffer.count
                    try sink(encoder.buffer)
                    encoder.buffer.removeAll(keepingCapacity: true)
                }
            }
            id += size
            threadIndex += 1
        }
        if !encoder.buffer.isEmpty {
            stats.bytes += encoder.buffer.count
            try sink(encoder.buffer)
        }
        stats.threads = threadIndex
        return stats
    }
}

public enum CorpusError: Error, CustomStringConvertible {
    case cannotWrite(String)
    public var description: String {
        switch self {
        case .cannotWrite(let path): "\(path): error: cannot create the file"
        }
    }
}

/// A comment while its thread is being built.
struct DraftComment {
    var id: Int
    var parent: Int?
    var depth: Int
    var author: Int
    var time: Int
    var score: Int
    var flavour: Flavour
    var quotesParent: Bool
    /// UTF-8 text; a quote line, if any, comes first and ends with a line break.
    var text: [UInt8]
}

struct DraftThread {
    var index: Int
    var title: String
    var comments: [DraftComment]
    var firstID: Int
}
