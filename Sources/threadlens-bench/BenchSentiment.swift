import Foundation
import CorpusGenerator
import LinearAlgebra
import Sentiment
import TextProcessing
import ThreadModel
#if canImport(Glibc)
import Glibc
#endif

/// Benchmark of the sentiment stage; prints result lines for scripts/bench/sentiment.sh.
///
/// - `sentiment generate N FILE [SEED]`: writes N synthetic sentences (seeded, deterministic) exercising the
///   rules: lexicon words, boosters, negators, "but", caps, emoticons, emoji, "!" and "?".
/// - `sentiment score FILE [--mode vader|default] [--api polarity|analyze] [--repeat N] [--lexicons DIR] [--label NAME]`:
///   scores each line of FILE (one text a line) on one core, N times over (1 by default: a short file's
///   one pass lasts a few milliseconds, too short to time on a busy machine) and prints
///   `sentiment<TAB>label<TAB>threadlens-<mode>[-analyze]<TAB>sentences<TAB>cpu_seconds<TAB>sentences_per_s<TAB>peak_rss_mb`.
///   `polarity` (the default) calls `SentimentAnalyzer.polarityScores`, what `threadlens sentiment` runs on
///   each line; `analyze` makes each line a comment with its sentences split as ingest does (untimed) and
///   calls `analyze`, what the pipeline runs on each comment (per-sentence scores and explanations).
///   `sentences` counts every scoring call (lines x N). Reading the file is not timed; times are CPU seconds of the process (one thread); a checksum of the
///   compounds is printed to stderr so no work is elided.
func benchSentiment(_ args: [String]) {
    switch args.first {
    case "generate":
        guard args.count >= 3, let n = Int(args[1]) else { return usage() }
        generateSentences(n, path: args[2], seed: args.count > 3 ? UInt64(args[3]) ?? 42 : 42)
    case "score":
        guard args.count >= 2 else { return usage() }
        var mode = SentimentMode.vader, lexicons = "data/lexicons", label = (args[1] as NSString).lastPathComponent
        var analyze = false, repeats = 1
        var k = 2
        while k + 1 < args.count {
            switch args[k] {
            case "--mode": mode = SentimentMode(rawValue: args[k + 1]) ?? .vader
            case "--lexicons": lexicons = args[k + 1]
            case "--label": label = args[k + 1]
            case "--repeat":
                guard let r = Int(args[k + 1]), r >= 1 else { return usage() }
                repeats = r
            case "--api":
                guard ["polarity", "analyze"].contains(args[k + 1]) else { return usage() }
                analyze = args[k + 1] == "analyze"
            default: return usage()
            }
            k += 2
        }
        scoreFile(args[1], mode: mode, analyze: analyze, repeats: repeats, lexicons: lexicons, label: label)
    default:
        usage()
    }
}

private func usage() {
    print("usage: threadlens-bench sentiment generate N FILE [SEED] | score FILE [--mode vader|default] [--api polarity|analyze] [--repeat N] [--lexicons DIR] [--label NAME]")
}

private func scoreFile(_ path: String, mode: SentimentMode, analyze: Bool, repeats: Int, lexicons: String,
                       label: String) {
    let err = FileHandle.standardError
    guard let data = FileManager.default.contents(atPath: path) else {
        err.write(Data("\(path): error: cannot read file\n".utf8))
        return
    }
    let lines = data.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    let analyzer: SentimentAnalyzer
    do {
        analyzer = SentimentAnalyzer(lexicon: try Lexicon.load(directory: lexicons), options: SentimentOptions(mode: mode))
    } catch {
        err.write(Data("\(error)\n".utf8))
        return
    }
    var checksum = 0.0
    let seconds: Double
    if analyze {
        let location = SourceLocation(file: path)
        let comments = lines.enumerated().map { k, line in
            ThreadModel.Comment(id: String(k + 1), threadID: "bench", rawText: line,
                                sentences: SentenceSplitter.split(line).map { Sentence(span: $0) }, location: location)
        }
        let start = cpuSeconds()
        for _ in 0..<repeats { for c in comments { checksum += analyzer.analyze(c).scores.compound } }
        seconds = cpuSeconds() - start
    } else {
        let start = cpuSeconds()
        for _ in 0..<repeats { for line in lines { checksum += analyzer.polarityScores(line).compound } }
        seconds = cpuSeconds() - start
    }
    err.write(Data("checksum \(checksum)\n".utf8))
    let calls = lines.count * repeats
    let rate = Double(calls) / seconds
    let name = "threadlens-\(mode.rawValue)" + (analyze ? "-analyze" : "")
    print("sentiment\t\(label)\t\(name)\t\(calls)\t\(String(format: "%.3f", seconds))\t"
          + "\(Int(rate))\t\(String(format: "%.1f", peakResidentMB()))")
}

/// CPU time of this process in seconds: on a shared machine, throughput per core is measured on CPU time,
/// not wall time (the Python reference does the same with `time.process_time`).
private func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Peak resident set size (VmHWM) of this process in MB, read through FileHandle (procfs files report size 0).
private func peakResidentMB() -> Double {
    guard let h = FileHandle(forReadingAtPath: "/proc/self/status") else { return .nan }
    let text = String(decoding: h.readDataToEndOfFile(), as: UTF8.self)
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
        return kb / 1024
    }
    return .nan
}

private func generateSentences(_ n: Int, path: String, seed: UInt64) {
    var rng = SeededGenerator(seed: seed)  // pick/chance from CorpusGenerator
    let subjects = ["the patch", "this driver", "the borrow checker", "the maintainer", "the new allocator",
                    "rust in the kernel", "the C code", "that review", "the build", "the mailing list"]
    let verbs = ["is", "was", "seems", "looks", "feels", "has been", "became"]
    let sentiment = ["good", "great", "awful", "bad", "helpful", "horrible", "nice", "broken", "excellent",
                     "terrible", "fine", "ugly", "clean", "painful", "amazing", "useless", "safe", "buggy"]
    let boosters = ["very", "really", "extremely", "slightly", "kind of", "somewhat", "incredibly", "so"]
    let negators = ["not", "never", "isn't", "hardly", "don't think it is"]
    let tails = ["", " today", " for us", " in practice", " after the rewrite", " on arm64"]
    let ends = [".", ".", ".", "!", "!!", "?", "...", " :)", " :(", " 😀", " 💔"]
    var out = [UInt8]()
    out.reserveCapacity(n * 60)
    for _ in 0..<n {
        var s = rng.pick(subjects) + " " + rng.pick(verbs) + " "
        if rng.chance(0.2) { s += rng.pick(negators) + " " }
        if rng.chance(0.3) { s += rng.pick(boosters) + " " }
        var word = rng.pick(sentiment)
        if rng.chance(0.05) { word = word.uppercased() }
        s += word + rng.pick(tails)
        if rng.chance(0.2) { s += " but " + rng.pick(subjects) + " is " + rng.pick(sentiment) }
        s += rng.pick(ends)
        out.append(contentsOf: s.prefix(1).uppercased().utf8)
        out.append(contentsOf: s.dropFirst().utf8)
        out.append(0x0A)
    }
    FileManager.default.createFile(atPath: path, contents: Data(out))
}
