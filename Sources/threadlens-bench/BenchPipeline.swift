import CorpusGenerator
import Foundation
import Pipeline
import Reports
#if canImport(Glibc)
import Glibc
#endif

/// Benchmark of the whole nightly pipeline; prints result rows `pipeline<TAB>case<TAB>metric<TAB>value<TAB>unit`.
///
/// `threadlens-bench pipeline [--threads N] [--comments M] [--dir DIR] [--lexicons DIR] [--full-only]`
/// generates N·M comments with `CorpusGenerator` (seeded, so every run benchmarks the same text) as
/// JSONL, then times: a first full run, a rerun with nothing changed (every thread reused), and a run
/// with one thread changed (incremental), reporting each stage's seconds, comments per second and
/// peak memory. `--full-only` stops after the first run, so the peak is that run's alone.
func benchPipeline(_ args: [String]) {
    var threads = 400, comments = 50
    var dir: String?
    var lexicons = "data/lexicons"
    var fullOnly = false
    var i = 0
    while i < args.count {
        let value = i + 1 < args.count ? args[i + 1] : ""
        switch args[i] {
        case "--threads": threads = Int(value) ?? threads
        case "--comments": comments = Int(value) ?? comments
        case "--dir": dir = value
        case "--lexicons": lexicons = value
        case "--full-only": fullOnly = true; i += 1; continue
        default:
            print("usage: threadlens-bench pipeline [--threads N] [--comments M] [--dir DIR] [--lexicons DIR] [--full-only]")
            return
        }
        i += 2
    }
    let root = URL(fileURLWithPath: dir ?? NSTemporaryDirectory() + "threadlens-bench-pipeline-\(getpid())")
    do {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("input"), withIntermediateDirectories: true)
        let input = root.appendingPathComponent("input/threads.jsonl")
        let bytes = try CorpusGenerator(comments: threads * comments, seed: 2026).write(.jsonl, toFile: input.path).bytes
        let lexiconPath = URL(fileURLWithPath: lexicons).standardizedFileURL.path
        let pipelinePath = root.appendingPathComponent("bench.yml").path
        try """
            name: bench
            inputs: [input/threads.jsonl]
            sentiment: { lexicons: \(lexiconPath) }
            topics: { k_min: 4, k_max: 8, seed: 1 }
            """.write(toFile: pipelinePath, atomically: true, encoding: .utf8)
        let pipeline = try PipelineLoader().load(path: pipelinePath)
        let total = threads * comments
        row("input", "comments", Double(total), "comments")
        row("input", "size", Double(bytes) / 1e6, "MB")

        func run(_ label: String, full: Bool) throws {
            var options = RunOptions(full: full, runDate: "2026-01-01")
            options.pipelineFilePath = pipelinePath
            let t0 = Date()
            let summary = try PipelineRunner(pipeline: pipeline, options: options).run()
            let seconds = Date().timeIntervalSince(t0)
            for t in summary.run.stageTimings { row(label, "\(t.stage)_seconds", t.seconds, "s") }
            row(label, "total_seconds", seconds, "s")
            row(label, "comments_per_second", Double(total) / seconds, "comments/s")
            row(label, "analysed_threads", Double(summary.run.processedThreads), "threads")
        }
        try run("full", full: true)
        if fullOnly {
            peakRow()
            if dir == nil { try? FileManager.default.removeItem(at: root) }
            return
        }
        try run("unchanged", full: false)
        // Change one comment of one thread: only that thread is analysed again.
        var text = try String(contentsOf: input, encoding: .utf8)
        if let range = text.range(of: "\"text\":\"") { text.replaceSubrange(range, with: "\"text\":\"Edited. ") }
        try text.write(to: input, atomically: true, encoding: .utf8)
        try run("one_changed", full: false)
        peakRow()
        if dir == nil { try? FileManager.default.removeItem(at: root) }
    } catch {
        FileHandle.standardError.write(Data("pipeline bench failed: \(error)\n".utf8))
        exit(1)
    }
}

private func peakRow() {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    row("process", "peak_rss", Double(usage.ru_maxrss) / 1024, "MB")
}

private func row(_ label: String, _ metric: String, _ value: Double, _ unit: String) {
    print("pipeline\t\(label)\t\(metric)\t\(String(format: "%.3f", value))\t\(unit)")
}
