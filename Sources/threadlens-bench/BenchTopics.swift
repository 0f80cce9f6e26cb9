// Benchmark of the topics stage; prints tab-separated result rows for scripts/bench/topics.sh:
//   topics <dataset> swift <metric> <value>
// Usage: threadlens-bench topics --input FILE.jsonl [--name NAME] [--k 5] [--seed 42] [--full]
//        [--components 100] [--oversamples 10] [--power-iterations 5] [--starts 10] [--euclidean | --refine]
// The input holds one {"id", "text"[, "label"]} object a line. Times TF-IDF (fit + transform), then LSA
// (100 components) + spherical k-means (10 starts; --euclidean: Euclidean k-means on the unit rows, as
// scikit-learn's KMeans; --refine: the spherical starts refined by Euclidean Lloyd iterations), and reports
// NMI/ARI when labels are present; --full also times the whole stage (labels and all). Peak memory is the process's maximum resident set.
import Foundation
import LinearAlgebra
import Topics

private struct BenchRecord: Decodable {
    var id: String
    var text: String
    var label: String?
}

/// Process CPU time (user + system, all threads), in seconds.
private func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

/// CPU seconds of the last `seconds` call (wall time can mislead on a busy machine).
nonisolated(unsafe) private var lastCPU = 0.0

/// Wall-clock seconds of `body`; its CPU seconds go to `lastCPU`.
private func seconds(_ body: () throws -> Void) rethrows -> Double {
    let cpu = cpuSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    lastCPU = cpuSeconds() - cpu
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

private func topicsPeakResidentMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // KiB on Linux
}

func benchTopics(_ args: [String]) {
    func value(_ flag: String) -> String? {
        guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
        return args[i + 1]
    }
    guard let input = value("--input") else {
        print("usage: threadlens-bench topics --input FILE.jsonl [--name NAME] [--k 5] [--seed 42] [--full]")
        return
    }
    let name = value("--name") ?? URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
    let k = Int(value("--k") ?? "") ?? 5
    let seed = UInt64(value("--seed") ?? "") ?? 42
    let components = Int(value("--components") ?? "") ?? 100
    let oversamples = Int(value("--oversamples") ?? "") ?? 10
    let power = Int(value("--power-iterations") ?? "") ?? 5
    let starts = Int(value("--starts") ?? "") ?? 10
    func row(_ metric: String, _ v: String) { print("topics\t\(name)\tswift\t\(metric)\t\(v)") }

    var records: [BenchRecord] = []
    do {
        let data = try Data(contentsOf: URL(fileURLWithPath: input))
        let decoder = JSONDecoder()
        for (n, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            do {
                records.append(try decoder.decode(BenchRecord.self, from: Data(line)))
            } catch {
                print("\(input):\(n + 1): error: not a {\"id\", \"text\"} object: \(error)")
                return
            }
        }
    } catch {
        print("\(input): error: \(error)")
        return
    }
    let texts = records.map(\.text)
    row("documents", "\(texts.count)")
    row("blas", BLASInfo.current().summary)

    do {
        var fitted: (model: TfidfModel, matrix: SparseMatrix)?
        let tTfidf = try seconds { fitted = try TfidfVectorizer(options: .topicDefaults).fitTransform(texts) }
        guard let (model, x) = fitted else { return }
        row("tfidf_seconds", String(format: "%.3f", tTfidf))
        row("tfidf_cpu_seconds", String(format: "%.3f", lastCPU))
        row("vocabulary", "\(model.vocabulary.count)")
        row("nonzeros", "\(x.nonZeroCount)")
        var labels: [Int] = []
        var embeddings = Matrix(rows: 0, cols: 0)
        // The gemm calls of LSA and clustering, for the efficiency row beside the square dgemm rate.
        GemmCounter.reset()
        GemmCounter.isEnabled = true
        let tLSA = try seconds { embeddings = try LatentSemanticAnalysis(components: components, oversamples: oversamples,
                                                                           powerIterations: power, seed: seed)
            .fit(x).embeddings }
        let cpuLSA = lastCPU
        var kmeans = SphericalKMeans(k: k, starts: starts, seed: seed)
        kmeans.normalizeCentroids = !args.contains("--euclidean")
        kmeans.refinesWithMeans = args.contains("--refine")
        let tKMeans = seconds { labels = kmeans.fit(embeddings).labels }
        row("lsa_kmeans_cpu_seconds", String(format: "%.3f", cpuLSA + lastCPU))
        row("lsa_cpu_seconds", String(format: "%.3f", cpuLSA))
        row("kmeans_cpu_seconds", String(format: "%.3f", lastCPU))
        row("lsa_seconds", String(format: "%.3f", tLSA))
        row("kmeans_seconds", String(format: "%.3f", tKMeans))
        row("lsa_kmeans_seconds", String(format: "%.3f", tLSA + tKMeans))
        GemmCounter.isEnabled = false
        let gemm = GemmCounter.current
        row("gemm_calls", "\(gemm.calls)")
        row("gemm_seconds", String(format: "%.3f", gemm.seconds))
        row("gemm_gflops", String(format: "%.2f", gemm.gflops))
        row("gemm_cpu_seconds", String(format: "%.3f", gemm.cpuSeconds))
        row("gemm_cpu_gflops", String(format: "%.2f", gemm.cpuGflops))
        if records.allSatisfy({ $0.label != nil }) {
            let truth = records.map { $0.label ?? "" }
            row("nmi", String(format: "%.4f", ClusterAgreement.nmi(truth, labels)))
            row("ari", String(format: "%.4f", ClusterAgreement.ari(truth, labels)))
        }
        if args.contains("--full") {
            let docs = records.map { TopicDocument(id: $0.id, text: $0.text) }
            var options = TopicOptions(k: k, seed: seed)
            options.starts = 10
            var result: TopicResult?
            let tFull = try seconds { result = try TopicModeler(options: options).run(docs) }
            row("stage_seconds", String(format: "%.3f", tFull))
            if let result {
                for t in result.topics { row("topic_\(t.id)", "\(t.size) \(t.label)") }
            }
        }
        row("peak_rss_mb", String(format: "%.0f", topicsPeakResidentMB()))
    } catch {
        print("topics: error: \(error)")
    }
}
