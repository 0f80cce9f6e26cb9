import Foundation
import Ingest
import Sentiment
import Stance
import ThreadModel
#if canImport(Glibc)
import Glibc
#endif

/// Benchmark of the sentiment and stance stages on one core, and a full listing of their stance output.
///
/// `threadlens-bench stance --input FILE[,FILE...] [--profile P] [--lexicons DIR] [--reps N] [--dump OUT]`
/// reads the inputs (format detected, not timed), then runs sentiment over every comment and stance over
/// every thread on this thread, `reps` times, and prints
/// `stance<TAB>input=...<TAB>comments=N<TAB>sentiment_cpu_s=...<TAB>stance_cpu_s=...<TAB>peak_rss_mb=...`
/// with the medians of the CPU seconds. `--dump OUT` writes every stance (label, score, confidence,
/// source and each piece of evidence, numbers with all their digits) one line each, so that two builds can
/// be compared byte for byte.
func benchStance(_ args: [String]) {
    var options: [String: String] = [:]
    var i = 0
    while i + 1 < args.count {
        options[String(args[i].dropFirst(2))] = args[i + 1]
        i += 2
    }
    guard let inputs = options["input"]?.split(separator: ",").map(String.init), !inputs.isEmpty else {
        stanceFail("usage: threadlens-bench stance --input FILE[,FILE...] [--profile P] [--lexicons DIR] [--reps N] [--dump OUT]")
    }
    do {
        let threads = try Ingestor().read(paths: inputs).threads
        let analyzer = SentimentAnalyzer(lexicon: try Lexicon.load(directory: options["lexicons"] ?? "data/lexicons"))
        let classifier = StanceClassifier(profile: try StanceProfile.load(path: options["profile"] ?? "data/stance/rust-in-linux.yml"))
        let reps = max(1, Int(options["reps"] ?? "") ?? 1)
        var sentimentTimes: [Double] = [], stanceTimes: [Double] = []
        var stances: [CommentStance] = []
        for _ in 0..<reps {
            let c0 = stanceCPUSeconds()
            var sentiments: [CommentKey: CommentSentiment] = [:]
            for t in threads { for c in t.comments { sentiments[c.key] = analyzer.analyze(c) } }
            let c1 = stanceCPUSeconds()
            stances = classifier.run(threads: threads, sentiments: sentiments)
            let c2 = stanceCPUSeconds()
            sentimentTimes.append(c1 - c0)
            stanceTimes.append(c2 - c1)
        }
        if let out = options["dump"] {
            var text = ""
            for s in stances { text += stanceLine(s) }
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        }
        func median(_ x: [Double]) -> Double { x.sorted()[x.count / 2] }
        print("stance\tinput=\(inputs.joined(separator: ","))\tcomments=\(stances.count)\treps=\(reps)"
              + "\tsentiment_cpu_s=\(String(format: "%.3f", median(sentimentTimes)))"
              + "\tstance_cpu_s=\(String(format: "%.3f", median(stanceTimes)))"
              + "\tpeak_rss_mb=\(String(format: "%.1f", stancePeakRSSMB()))")
    } catch {
        stanceFail("stance: \(error)")
    }
}

/// One stance as a line: every field, doubles in their shortest exact form.
private func stanceLine(_ s: CommentStance) -> String {
    var line = "\(s.key.threadID)/\(s.key.commentID)\t\(s.label.rawValue)\t\(s.score)\t\(s.confidence)\t\(s.source.rawValue)"
    for e in s.evidence {
        let span = e.span.map { "\($0.start)-\($0.end)" } ?? "-"
        line += "\t[\(e.rule)|\(e.matched)|\(span)|\(e.weight)|\(e.contribution)|\(e.note)]"
    }
    return line + "\n"
}

private func stanceFail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

private func stanceCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

private func stancePeakRSSMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
