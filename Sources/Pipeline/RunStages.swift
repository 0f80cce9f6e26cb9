import Foundation
import Ingest
import LinearAlgebra
import Reports
import Sentiment
import Stance
import ThreadModel
import Topics

/// The stages' work, each a function of its inputs; `PipelineRunner` sequences, times and stores them.
struct RunStages: Sendable {
    let pipeline: PipelineFile
    let progress: ProgressHandler?

    struct Ingested {
        var threads: [DiscussionThread]
        var problems: [InputProblem]
        var files: [InputFileInfo]
    }

    /// Reads every input entry with its own format, in the order the pipeline lists them.
    /// Paths are shown relative to the working directory when they lie under it.
    ///
    /// Files are read, and hashed for the manifest, on every core (a file's hash beside its own
    /// reading); the results are then taken in the pipeline's order, so the threads, the problems and
    /// the first error are those of reading the files one after another.
    func ingest() throws -> Ingested {
        var seenFiles: Set<String> = []
        var jobs: [(format: SourceFormat?, path: String)] = []
        for input in pipeline.inputs {
            for path in try InputFiles.expand(input.path) where seenFiles.insert(path).inserted {
                jobs.append((input.format, path))
            }
        }
        enum Done: Sendable {
            case read(Result<IngestResult, Error>)
            case hash(String)
        }
        let strict = pipeline.ingest.strict
        let start = Date()
        let files = jobs
        // Job 2i reads file i, job 2i + 1 hashes it.
        let done = Parallel.mapChunks(count: 2 * files.count, chunkSize: 1) { range -> Done in
            let (format, path) = files[range.lowerBound / 2]
            if range.lowerBound % 2 == 1 { return .hash(SHA256.hex(file: path) ?? "") }
            return .read(Result {
                try Ingestor(options: IngestOptions(format: format, strict: strict)).read(paths: [Self.displayPath(path)])
            })
        }
        var threads: [DiscussionThread] = []
        var problems: [InputProblem] = []
        var infos: [InputFileInfo] = []
        var seenThreads: [String: String] = [:]
        for (i, (format, path)) in files.enumerated() {
            let shown = Self.displayPath(path)
            guard case let .read(read) = done[2 * i], case let .hash(sha256) = done[2 * i + 1] else {
                preconditionFailure("ingest: jobs out of order")
            }
            let result = try read.get()
            for t in result.threads {
                if let other = seenThreads[t.id] {
                    throw RunError(stage: "ingest", "\(shown): thread '\(t.id)' was already read from \(other)")
                }
                seenThreads[t.id] = shown
            }
            threads += result.threads
            problems += result.problems
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let shownFormat = format?.rawValue ?? result.threads.first?.source.rawValue ?? "auto"
            infos.append(InputFileInfo(path: shown, sha256: sha256, size: size, format: shownFormat))
            progress?(StageProgress(stage: "ingest", done: infos.count, total: files.count,
                                    elapsed: Date().timeIntervalSince(start), finished: false))
        }
        return Ingested(threads: threads, problems: problems, files: infos)
    }

    static func displayPath(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Sentiment then stance for the given threads, on every core.
    ///
    /// Threads are cut into consecutive chunks; each chunk scores its comments' sentiment, then their
    /// stance (which needs only the chunk's own threads: a reply's parent is in the same thread). The
    /// chunks' results are joined in chunk order, so the output does not depend on the thread count.
    /// - Returns: one sentiment and one stance (nil if the classifier gave none) per comment, in
    ///   thread then comment order.
    func analyse(_ threads: [DiscussionThread], analyzer: SentimentAnalyzer, classifier: StanceClassifier)
        -> (sentiments: [CommentSentiment?], stances: [CommentStance?])
    {
        let total = threads.reduce(0) { $0 + $1.comments.count }
        let start = Date()
        let done = Tally()
        let progress = self.progress
        var chunks = Parallel.mapChunks(count: threads.count, chunkSize: Self.chunkSize(threads)) { range in
            var sentiments: [CommentKey: CommentSentiment] = [:]
            var ordered: [CommentSentiment] = []
            for t in threads[range] {
                for c in t.comments {
                    let s = analyzer.analyze(c)
                    sentiments[c.key] = s
                    ordered.append(s)
                }
            }
            let stances = Self.aligned(classifier.run(threads: Array(threads[range]), sentiments: sentiments), to: ordered)
            let n = done.add(ordered.count)
            progress?(StageProgress(stage: "sentiment+stance", done: n, total: total,
                                    elapsed: Date().timeIntervalSince(start), finished: false))
            return (ordered, stances)
        }
        var sentiments: [CommentSentiment?] = []
        var stances: [CommentStance?] = []
        sentiments.reserveCapacity(total)
        stances.reserveCapacity(total)
        // In chunk order, each chunk let go once joined: the results are not held twice at once while
        // the topics stage, running beside, is at its own peak.
        chunks.reverse()
        while let (ss, ts) = chunks.popLast() {
            for s in ss { sentiments.append(s) }
            stances += ts
        }
        return (sentiments, stances)
    }

    /// The classifier's stances put beside the comments they belong to. It returns one per comment in
    /// comment order; should it not, they are matched by key (and a comment without one gets nil).
    static func aligned(_ stances: [CommentStance], to comments: [CommentSentiment]) -> [CommentStance?] {
        if stances.count == comments.count, zip(stances, comments).allSatisfy({ $0.key == $1.key }) { return stances }
        let byKey = StanceAggregator.index(stances)
        return comments.map { byKey[$0.key] }
    }

    /// Threads per chunk: about 2,000 comments, so that chunks are many enough to balance two cores
    /// and small enough for steady progress.
    static func chunkSize(_ threads: [DiscussionThread]) -> Int {
        let comments = threads.reduce(0) { $0 + $1.comments.count }
        let perThread = max(1, comments / max(1, threads.count))
        return max(1, 2_000 / perThread)
    }

    /// Documents above which k is chosen on a seeded sample rather than on the whole corpus.
    static let kSelectionSample = 20_000

    /// Topics over every comment's own words; documents are keyed `thread/comment`.
    ///
    /// With a k range and more than `kSelectionSample` documents, k is chosen by the modeler's
    /// silhouette on a seeded sample of that many documents (in corpus order), then every document is
    /// clustered once with that k. The result reports the sample's per-k scores and says so in its notes.
    /// Design note: choosing k clusters the corpus once per candidate k; on a million comments that
    /// was most of the stage, while the silhouette itself is already measured on a 2,000-document sample.
    /// - Returns: the result without its per-document assignments, and the assignments by position
    ///   (thread then comment order; nil for a comment the modeler did not assign).
    func topics(_ threads: [DiscussionThread]) throws -> (TopicResult, [TopicAssignment?]) {
        var docs: [TopicDocument] = []
        for t in threads {
            for c in t.comments { docs.append(TopicDocument(id: c.key.description, text: c.ownText)) }
        }
        var options = pipeline.topics.options
        var chosen: TopicResult?
        if options.k == nil, options.kMin < options.kMax, docs.count > Self.kSelectionSample {
            let sample = Self.sample(count: docs.count, size: Self.kSelectionSample, seed: options.seed)
            let onSample = try TopicModeler(options: options).run(sample.map { docs[$0] })
            options.k = onSample.k
            chosen = onSample
        }
        var result = try TopicModeler(options: options).run(docs)
        if let chosen {
            result.kScores = chosen.kScores
            result.notes.insert("k = \(chosen.k) chosen by silhouette on a seeded sample of "
                                + "\(Self.kSelectionSample) of \(docs.count) documents", at: 0)
        }
        // Assignments come in document order; the id check guards that assumption.
        var byPosition: [TopicAssignment?]
        if result.assignments.count == docs.count,
           zip(result.assignments, docs).allSatisfy({ $0.documentID == $1.id }) {
            byPosition = result.assignments
        } else {
            byPosition = Array(repeating: nil, count: docs.count)
            var lookup: [String: Int] = [:]
            for (k, d) in docs.enumerated() { lookup[d.id] = k }
            for a in result.assignments { if let k = lookup[a.documentID] { byPosition[k] = a } }
        }
        result.assignments = []
        return (result, byPosition)
    }

    /// `size` distinct indices of `0..<count`, drawn with a seeded partial Fisher-Yates shuffle, sorted.
    static func sample(count: Int, size: Int, seed: UInt64) -> [Int] {
        if count <= size { return Array(0..<count) }
        var rng = SeededGenerator(seed: seed ^ 0x6B5E_1EC7)
        var indices = Array(0..<count)
        for i in 0..<size {
            let j = i + Int(rng.next() % UInt64(count - i))
            indices.swapAt(i, j)
        }
        return indices[0..<size].sorted()
    }

    /// Loads the stance profile the pipeline names, or the bundled `<data>/stance/rust-in-linux.yml`.
    /// Returns the profile and its text (hashed into the settings).
    static func profile(_ settings: StanceSettings, dataDirectory: String) throws -> (StanceProfile, String) {
        let path = settings.profile
            ?? URL(fileURLWithPath: dataDirectory).appendingPathComponent("stance/rust-in-linux.yml").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError(stage: "stance", "cannot read the stance profile \(path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        return (try StanceProfile.parse(yaml: text, path: path), text)
    }
}

extension TopicResult {
    /// The same result with topic ids renumbered (assignments follow), topics sorted by new id.
    func renumbered(_ stable: [Int: Int], labels: [Int: String]) -> TopicResult {
        var copy = self
        copy.topics = topics.map { t in
            var t = t
            t.id = stable[t.id] ?? t.id
            t.label = labels[t.id] ?? t.label
            return t
        }.sorted { $0.id < $1.id }
        copy.assignments = assignments.map { a in
            var a = a
            a.topic = stable[a.topic] ?? a.topic
            return a
        }
        return copy
    }
}

/// A count shared by parallel chunks.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Adds `n` and returns the new total.
    func add(_ n: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += n
        return value
    }
}
