import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Ingest
import ThreadModel

/// Benchmark of the ingest stage; prints result lines for scripts/bench.
///
/// `threadlens-bench ingest generate-jsonl PATH MB` and `generate-mbox PATH MB` write seeded synthetic
/// inputs (own vocabulary, quotes, replies, some non-ASCII and escapes); `threadlens-bench ingest read
/// PATH...` reads them with `Ingestor` and prints one tab-separated row per file:
/// `ingest  <format>  <MB>  <seconds>  <MB/s>  <peak RSS MB>  <peak/file>  cpu=... cpuMB/s=... counts`. Run one `read` per process
/// so that the peak RSS (VmHWM) belongs to that file alone.
func benchIngest(_ args: [String]) {
    let out = FileHandle.standardOutput
    func say(_ s: String) { out.write(Data((s + "\n").utf8)) }
    guard let command = args.first else {
        say("usage: threadlens-bench ingest generate-jsonl|generate-mbox PATH MB | read PATH...")
        return
    }
    switch command {
    case "generate-jsonl", "generate-mbox":
        guard args.count == 3, let mb = Int(args[2]) else { say("usage: ingest \(command) PATH MB"); return }
        let bytes = command == "generate-jsonl" ? SyntheticThreads.jsonl(megabytes: mb) : SyntheticThreads.mbox(megabytes: mb)
        FileManager.default.createFile(atPath: args[1], contents: Data(bytes))
        say("generated \(args[1]): \(bytes.count) bytes")
    case "read":
        for path in args.dropFirst() {
            let size = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
            let start = Date()
            let cpuStart = cpuSeconds()
            do {
                let result = try Ingestor().read(paths: [path])
                let seconds = Date().timeIntervalSince(start)
                let cpu = cpuSeconds() - cpuStart
                let peak = peakResidentBytes()
                if ProcessInfo.processInfo.environment["INGEST_BENCH_RSS"] != nil {
                    say("rss after read: \(peakResidentBytes("VmRSS:") / 1_048_576) MB, comment stride \(MemoryLayout<ThreadModel.Comment>.stride) B, sentence stride \(MemoryLayout<Sentence>.stride) B")
                }
                let mb = size / 1_048_576
                say(String(format: "ingest\t%@\t%.1f\t%.3f\t%.1f\t%.1f\t%.2f\tcpu=%.3fs cpuMB/s=%.1f threads=%d comments=%d skipped=%d",
                           result.formats.first?.rawValue ?? "?", mb, seconds, mb / seconds, peak / 1_048_576,
                           peak / max(size, 1), cpu, mb / max(cpu, 1e-9), result.threads.count, result.commentCount,
                           result.skippedRecords))
            } catch {
                say("ingest\terror\t\(error)")
            }
        }
    default:
        say("unknown ingest command \(command)")
    }
}

/// User plus system CPU time of this process: on a busy machine, wall time overstates the cost.
func cpuSeconds() -> Double {
    #if canImport(Glibc)
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
    #else
    return 0
    #endif
}

/// Peak resident set size of this process (VmHWM), in bytes; 0 where /proc is absent.
func peakResidentBytes(_ key: String = "VmHWM:") -> Double {
    guard let h = FileHandle(forReadingAtPath: "/proc/self/status"), let data = try? h.readToEnd() else { return 0 }
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix(key) {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb * 1024
    }
    return 0
}
