import Foundation
import Pipeline

/// A copy of the sample threads and a pipeline file over them, in a fresh temporary folder.
struct SampleWorkspace {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let root: URL
    var samples: URL { root.appendingPathComponent("samples") }
    var pipelinePath: String { root.appendingPathComponent("e2e.yml").path }
    var reports: URL { root.appendingPathComponent("reports/e2e") }
    var latest: URL { reports.appendingPathComponent("latest") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("threadlens-e2e-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: samples, withIntermediateDirectories: true)
        let source = Self.repo.appendingPathComponent("data/samples")
        for name in try fm.contentsOfDirectory(atPath: source.path) where !name.hasPrefix(".") {
            try fm.copyItem(at: source.appendingPathComponent(name), to: samples.appendingPathComponent(name))
        }
        let lexicons = Self.repo.appendingPathComponent("data/lexicons").path
        try """
            name: e2e
            inputs:
              - path: samples
            sentiment:
              lexicons: \(lexicons)
            topics:
              k_min: 2
              k_max: 4
              seed: 7
            retention:
              reports_days: 0
            """.write(toFile: pipelinePath, atomically: true, encoding: .utf8)
    }

    func pipeline() throws -> PipelineFile { try PipelineLoader().load(path: pipelinePath) }

    /// Runs the pipeline in this process on the given date.
    @discardableResult
    func run(date: String, full: Bool = false) throws -> RunSummary {
        var options = RunOptions(full: full, runDate: date)
        options.pipelineFilePath = pipelinePath
        return try PipelineRunner(pipeline: try pipeline(), options: options).run()
    }

    /// Every report file's bytes, by name.
    func reportFiles(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    func addThread(_ name: String, id: String, texts: [String]) throws {
        var lines = ""
        for (i, text) in texts.enumerated() {
            let parent = i == 0 ? "" : ",\"parent\":\"\(id)-0\""
            let escaped = text.replacingOccurrences(of: "\"", with: "\\\"")
            lines += "{\"thread\":\"\(id)\",\"id\":\"\(id)-\(i)\"\(parent),\"author\":\"u\(i)\",\"time\":\(1_763_200_000 + i * 60),\"score\":\(i % 3),\"text\":\"\(escaped)\"}\n"
        }
        try lines.write(to: samples.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The manifest without its `execution` member (timestamps, timings, processed/reused counts),
/// which is the only part allowed to differ between two runs on the same input.
func manifestWithoutExecution(_ data: Data) throws -> Data {
    guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return data }
    object.removeValue(forKey: "execution")
    return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}
