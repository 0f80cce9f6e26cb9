import Foundation
import Ingest
import Reports
import Sentiment
import Stance
import ThreadModel
import Topics

/// The stages' work, each a function of its inputs; `PipelineRunner` sequences, times and stores them.
struct RunStages {
    let pipeline: PipelineFile
    let progress: ProgressHandler?

    struct Ingested {
        var threads: [DiscussionThread]
        var problems: [InputProblem]
        var files: [InputFileInfo]
    }

    /// Reads every input entry with its own format, in the order the pipeline lists them.
    /// Paths are shown relative to the working directory when they lie under it.
    func ingest() throws -> Ingested {
        var threads: [DiscussionThread] = []
        var problems: [InputProblem] = []
        var files: [InputFileInfo] = []
        var seenFiles: Set<String> = []
        var seenThreads: [String: String] = [:]
        let entries = try pipeline.inputs.map { ($0, try InputFiles.expand($0.path)) }
        let total = entries.reduce(0) { $0 + $1.1.count }
        let start = Date()
        for (input, paths) in entries {
            for path in paths where seenFiles.insert(path).inserted {
                let shown = Self.displayPath(path)
                let result = try Ingestor(options: IngestOptions(format: input.format, strict: pipeline.ingest.strict))
                    .read(paths: [shown])
                for t in result.threads {
                    if let other = seenThreads[t.id] {
                        throw RunError(stage: "ingest", "\(shown): thread '\(t.id)' was already read from \(other)")
                    }
                    seenThreads[t.id] = shown
                }
                threads += result.threads
                problems += result.problems
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                let format = input.format?.rawValue ?? result.threads.first?.source.rawValue ?? "auto"
                files.append(InputFileInfo(path: shown, sha256: SHA256.hex(file: path) ?? "", size: size, format: format))
                progress?(StageProgress(stage: "ingest", done: files.count, total: total,
                                        elapsed: Date().timeIntervalSince(start), finished: false))
            }
        }
        return Ingested(threads: threads, problems: problems, files: files)
    }

    static func displayPath(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Sentiment then stance for the given threads.
    func analyse(_ threads: [DiscussionThread], analyzer: SentimentAnalyzer, classifier: StanceClassifier)
        -> ([CommentKey: CommentSentiment], [CommentKey: CommentStance])
    {
        var sentiments: [CommentKey: CommentSentiment] = [:]
        let total = threads.reduce(0) { $0 + $1.comments.count }
        let start = Date()
        var done = 0
        for t in threads {
            for c in t.comments { sentiments[c.key] = analyzer.analyze(c) }
            done += t.comments.count
            progress?(StageProgress(stage: "sentiment", done: done, total: total,
                                    elapsed: Date().timeIntervalSince(start), finished: false))
        }
        var stances: [CommentKey: CommentStance] = [:]
        for s in classifier.run(threads: threads, sentiments: sentiments) { stances[s.key] = s }
        return (sentiments, stances)
    }

    /// Topics over every comment's own words; documents are keyed `thread/comment`.
    func topics(_ threads: [DiscussionThread]) throws -> (TopicResult, [CommentKey: TopicAssignment]) {
        var keys: [String: CommentKey] = [:]
        var docs: [TopicDocument] = []
        for t in threads {
            for c in t.comments {
                let id = c.key.description
                keys[id] = c.key
                docs.append(TopicDocument(id: id, text: c.ownText))
            }
        }
        let result = try TopicModeler(options: pipeline.topics.options).run(docs)
        var byKey: [CommentKey: TopicAssignment] = [:]
        for a in result.assignments { if let k = keys[a.documentID] { byKey[k] = a } }
        return (result, byKey)
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
