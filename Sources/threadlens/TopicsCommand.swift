import ArgumentParser
import Foundation
import Ingest
import Pipeline
import Reports
import Topics

/// `threadlens topics`: the topics stage on its own, over inputs in any ingest format.
///
/// Writes `assignments.csv` (`id,topic,similarity,outlier`), `topics.csv` (one row per topic: size,
/// outliers, mean similarity, label, terms, representative ids) and `k-scores.csv` (the silhouette of every
/// k tried). Each comment is clustered on its own words (quotes removed by ingest). Ids are the comments'
/// own, or `thread/id` when the same id occurs in two threads.
struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Cluster comments into labelled topics.",
        discussion: """
            Examples:
              threadlens topics data/samples --out reports/topics
              threadlens topics data/samples/*.jsonl --out reports/topics
              threadlens topics comments.jsonl --k 6 --seed 7 --out /tmp/topics
              threadlens topics thread.mbox --k-min 2 --k-max 10 --out /tmp/topics

            Exit codes: 0 success, 1 the run failed, 2 usage error.
            """)

    @Argument(help: "Input files, folders or globs (any format ingest reads; JSONL with id/text included).")
    var inputs: [String] = []

    @Option(help: "A fixed number of topics.")
    var k: Int?

    @Option(name: .customLong("k-min"), help: "Smallest k to try when choosing k automatically (default 2).")
    var kMin: Int?

    @Option(name: .customLong("k-max"), help: "Largest k to try when choosing k automatically (default 8).")
    var kMax: Int?

    @Option(help: "Random seed (projection, k-means++ seeding, silhouette sample).")
    var seed: UInt64 = 42

    @Option(help: "Output directory (created if missing).")
    var out: String

    func usage(_ message: String) -> ExitCode {
        Self.stderr("threadlens topics: error: \(message)")
        return ExitCode(2)
    }

    static func stderr(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func run() throws {
        if inputs.isEmpty { throw usage("no input files given") }
        if k != nil && (kMin != nil || kMax != nil) { throw usage("give either --k or --k-min/--k-max, not both") }
        var options = TopicOptions(k: k, kMin: kMin ?? 2, kMax: kMax ?? 8, seed: seed)
        if let kMin, kMax == nil { options.kMax = max(options.kMax, kMin) }
        do { try options.validate() } catch { throw usage("\(error)") }

        var files: [String] = []
        do {
            for input in inputs {
                let found = try InputFiles.expand(input)
                if found.isEmpty { throw usage("\(input): no such file (or the glob matches nothing)") }
                files += found.filter { !files.contains($0) }
            }
        } catch let error as InputFiles.GlobError { throw usage("\(error)") }

        let result: TopicResult
        let documents: [TopicDocument]
        do {
            let ingest = try Ingestor().read(paths: files)
            for problem in ingest.problems { Self.stderr("\(problem)") }
            let comments = ingest.threads.flatMap(\.comments)
            var seen: [String: Int] = [:]
            for c in comments { seen[c.id, default: 0] += 1 }
            let qualify = seen.values.contains { $0 > 1 }
            documents = comments.map { TopicDocument(id: qualify ? $0.key.description : $0.id, text: $0.ownText) }
            result = try TopicModeler(options: options).run(documents)
        } catch {
            Self.stderr("threadlens topics: error: \(error)")
            throw ExitCode(1)
        }
        do {
            try TopicFiles.write(result, to: out)
        } catch {
            Self.stderr("threadlens topics: error: cannot write \(out): \(error)")
            throw ExitCode(1)
        }
        for note in result.notes { Self.stderr("threadlens topics: note: \(note)") }
        let scores = result.kScores.map { "k=\($0.k): \(TopicFiles.fixed($0.silhouette, 4))" }.joined(separator: ", ")
        Self.stderr("threadlens topics: \(documents.count) comments, \(result.k) topics (silhouette \(scores)); wrote \(out)")
    }
}

/// The CSV files of `threadlens topics`, built in memory and written once per file.
enum TopicFiles {
    static func write(_ result: TopicResult, to directory: String) throws {
        let dir = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var a = "id,topic,similarity,outlier\n"
        a.reserveCapacity(result.assignments.count * 32)
        for x in result.assignments {
            a += "\(CSV.cell(x.documentID)),\(x.topic),\(fixed(x.similarity, 6)),\(x.isOutlier)\n"
        }
        try Data(a.utf8).write(to: dir.appendingPathComponent("assignments.csv"), options: .atomic)

        var t = "topic,size,outliers,mean_similarity,label,terms,representatives\n"
        for topic in result.topics {
            let cells = ["\(topic.id)", "\(topic.size)", "\(topic.outliers)", fixed(topic.meanSimilarity, 6),
                         CSV.cell(topic.label), CSV.cell(topic.terms.joined(separator: "; ")),
                         CSV.cell(topic.representatives.joined(separator: " "))]
            t += cells.joined(separator: ",") + "\n"
        }
        try Data(t.utf8).write(to: dir.appendingPathComponent("topics.csv"), options: .atomic)

        var s = "k,silhouette,objective,chosen\n"
        for score in result.kScores {
            s += "\(score.k),\(fixed(score.silhouette, 6)),\(fixed(score.objective, 6)),\(score.k == result.k)\n"
        }
        try Data(s.utf8).write(to: dir.appendingPathComponent("k-scores.csv"), options: .atomic)
    }

    /// `value` with `digits` decimals, rounded half away from zero (fast; no `String(format:)`).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "nan" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale), frac = Int(scaled - Double(whole) * scale)
        var f = String(frac)
        if f.count < digits { f = String(repeating: "0", count: digits - f.count) + f }
        return (value < 0 && scaled > 0 ? "-" : "") + "\(whole)" + (digits > 0 ? "." + f : "")
    }
}
