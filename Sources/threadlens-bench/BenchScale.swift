import CorpusGenerator
import Foundation
import LinearAlgebra
import Pipeline
#if canImport(Glibc)
import Glibc
#endif

// The scale benchmark's subcommands (scripts/bench/run-all.sh runs each case in its own process):
//   generate --comments N --format jsonl|mbox|lines --seed S --out FILE
//   gemm [--n 2000] [--shape MxKxN] [--repeats 3]
//                                            dgemm rate of the loaded BLAS on a square (or given) product
//   nightly --input FILE [--data DIR] [--pipeline Pipelines/nightly.yml] [--work DIR]
//                                            the whole nightly pipeline on FILE, with the gemm counter on
//   blas                                     the BLAS library loaded and its threads
// Result rows are `key=value` pairs on one tab-separated line, which run-all.sh turns into the table.

func benchGenerate(_ args: [String]) {
    let usage = "usage: threadlens-bench generate --comments N --format jsonl|mbox|lines --seed S --out FILE"
    let options = scaleOptions(args)
    guard let n = options["comments"].flatMap({ Int($0) }), n > 0,
          let format = CorpusFormat(rawValue: options["format"] ?? "jsonl"),
          let seed = UInt64(options["seed"] ?? "1"), let out = options["out"] else {
        scaleFail(usage)
    }
    do {
        let start = Date()
        let stats = try CorpusGenerator(comments: n, seed: seed).write(format, toFile: out)
        let depths = stats.depthCounts.enumerated().map { "\($0.offset):\($0.element)" }.prefix(12)
        let flavours = stats.flavours.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        print("generate\tfile=\(out)\tformat=\(format.rawValue)\tcomments=\(stats.comments)\tthreads=\(stats.threads)"
              + "\tbytes=\(stats.bytes)\tbytes_per_comment=\(stats.bytes / max(1, stats.comments))"
              + "\ttext_bytes_per_comment=\(stats.textBytes / max(1, stats.comments))\tmax_depth=\(stats.maxDepth)"
              + "\tquotes=\(stats.quotes)\t\(flavours.joined(separator: "\t"))\tdepths=\(depths.joined(separator: ","))"
              + "\tseconds=\(String(format: "%.2f", Date().timeIntervalSince(start)))")
    } catch {
        scaleFail("generate: \(error)")
    }
}

func benchGemm(_ args: [String]) {
    let options = scaleOptions(args)
    let n = Int(options["n"] ?? "") ?? 2000
    let repeats = Int(options["repeats"] ?? "") ?? 3
    // --shape MxKxN times an (M x K)·(K x N) product instead, e.g. the tall, thin ones of k-means.
    let shape = (options["shape"] ?? "").split(separator: "x").compactMap { Int($0) }
    let (rows, inner, cols) = shape.count == 3 ? (shape[0], shape[1], shape[2]) : (n, n, n)
    var a = Matrix(rows: rows, cols: inner), b = Matrix(rows: inner, cols: cols)
    var rng = SeedMix(state: 7)
    for i in a.storage.indices { a.storage[i] = rng.unit() - 0.5 }
    for i in b.storage.indices { b.storage[i] = rng.unit() - 0.5 }
    var c = Matrix(rows: rows, cols: cols)
    BLAS.gemm(a, .none, b, .none, alpha: 1, beta: 0, into: &c)  // warm-up: threads started, pages touched
    var rates: [Double] = [], cpuRates: [Double] = []
    let flops = 2 * Double(rows) * Double(inner) * Double(cols)
    for _ in 0..<repeats {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let c0 = GemmCounter.threadCPUSeconds()
        BLAS.gemm(a, .none, b, .none, alpha: 1, beta: 0, into: &c)
        let cpu = GemmCounter.threadCPUSeconds() - c0
        let s = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        rates.append(flops / s / 1e9)
        cpuRates.append(flops / cpu / 1e9)
    }
    rates.sort()
    cpuRates.sort()
    // With one BLAS thread the product runs on this thread, so its CPU time is the load-proof figure.
    print("gemm\tn=\(shape.count == 3 ? "\(rows)x\(inner)x\(cols)" : "\(n)")\tblas_threads=\(BLASInfo.threadCount())\trepeats=\(repeats)"
          + "\tgflops_median=\(String(format: "%.2f", rates[rates.count / 2]))\tgflops_best=\(String(format: "%.2f", rates.last ?? 0))"
          + "\tgflops_cpu_median=\(String(format: "%.2f", cpuRates[cpuRates.count / 2]))"
          + "\tchecksum=\(String(format: "%.3f", c.storage[0]))")
}

func benchBLAS(_ args: [String]) {
    let info = BLASInfo.current()
    print("blas\timplementation=\(info.implementation)\tthreads=\(info.threads)\tlibraries=\(info.libraries.joined(separator: ","))"
          + "\tOPENBLAS_NUM_THREADS=\(ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] ?? "unset")")
}

/// The whole nightly pipeline (Pipelines/nightly.yml with its inputs replaced by one file and its outputs
/// sent to a scratch folder), timed in this process: wall, CPU, peak RSS, each stage's seconds and the
/// rate of the gemm calls made on the way.
func benchNightly(_ args: [String]) {
    let options = scaleOptions(args)
    guard let input = options["input"] else {
        scaleFail("usage: threadlens-bench nightly --input FILE [--data DIR] [--pipeline FILE] [--work DIR]")
    }
    let fm = FileManager.default
    let data = URL(fileURLWithPath: options["data"] ?? "data").standardizedFileURL.path
    let work = URL(fileURLWithPath: options["work"] ?? NSTemporaryDirectory() + "threadlens-bench-nightly-\(getpid())")
    do {
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        let template = try String(contentsOfFile: options["pipeline"] ?? "Pipelines/nightly.yml", encoding: .utf8)
        let inputPath = URL(fileURLWithPath: input).standardizedFileURL.path
        let yaml = template
            .replacingOccurrences(of: "../data/samples", with: inputPath)
            .replacingOccurrences(of: "../data/", with: data + "/")
            .replacingOccurrences(of: "../reports", with: work.appendingPathComponent("reports").path)
        let pipelinePath = work.appendingPathComponent("nightly.yml").path
        try yaml.write(toFile: pipelinePath, atomically: true, encoding: .utf8)
        let pipeline = try PipelineLoader().load(path: pipelinePath)
        var runOptions = RunOptions(full: true, runDate: "2026-01-01")
        runOptions.pipelineFilePath = pipelinePath
        runOptions.blasLibrary = BLASInfo.current().summary
        GemmCounter.reset()
        GemmCounter.isEnabled = true
        let cpu0 = scaleCPUSeconds()
        let t0 = DispatchTime.now().uptimeNanoseconds
        let summary = try PipelineRunner(pipeline: pipeline, options: runOptions).run()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let cpu = scaleCPUSeconds() - cpu0
        let gemm = GemmCounter.current
        var row = "nightly\tinput=\(input)"
        row += "\twall_s=\(String(format: "%.3f", wall))\tcpu_s=\(String(format: "%.3f", cpu))"
        row += "\tpeak_rss_mb=\(String(format: "%.1f", scalePeakRSSMB()))"
        for t in summary.run.stageTimings {
            row += "\t\(t.stage)_s=\(String(format: "%.3f", t.seconds))\t\(t.stage)_items=\(t.items)"
        }
        row += "\tgemm_calls=\(gemm.calls)\tgemm_gflop=\(String(format: "%.2f", gemm.flops / 1e9))"
        row += "\tgemm_s=\(String(format: "%.3f", gemm.seconds))\tgemm_gflops=\(String(format: "%.2f", gemm.gflops))"
        row += "\tgemm_cpu_s=\(String(format: "%.3f", gemm.cpuSeconds))\tgemm_cpu_gflops=\(String(format: "%.2f", gemm.cpuGflops))"
        print(row)
        if options["work"] == nil { try? fm.removeItem(at: work) }
    } catch {
        scaleFail("nightly: \(error)")
    }
}

/// `--name value` pairs.
private func scaleOptions(_ args: [String]) -> [String: String] {
    var out: [String: String] = [:]
    var i = 0
    while i < args.count {
        if args[i].hasPrefix("--"), i + 1 < args.count { out[String(args[i].dropFirst(2))] = args[i + 1] }
        i += 2
    }
    return out
}

private func scaleFail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

private func scaleCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

private func scalePeakRSSMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

private struct SeedMix {
    var state: UInt64
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) * 0x1p-53
    }
}
