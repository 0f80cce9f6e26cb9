import Foundation

/// Paths and scratch folders shared by the hardening tests.
enum Hardening {
    /// The package root, three levels above this file.
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let badInputs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInputs")
    static let binary = repo.appendingPathComponent(".build/debug/threadlens")
    static var binaryBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    /// A fresh empty folder under the system temporary directory.
    static func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("threadlens-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file under `root`, as paths relative to it, sorted.
    static func files(under root: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        while let rel = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(rel).path, isDirectory: &isDir), !isDir.boolValue {
                out.append(rel)
            }
        }
        return out.sorted()
    }

    /// A pipeline file over `inputs` (globs relative to the pipeline file) writing under `root/reports/<name>`.
    static func pipelineYAML(name: String, inputs: [String], extra: String = "") -> String {
        let lexicons = repo.appendingPathComponent("data/lexicons").path
        let inputLines = inputs.map { "  - path: \($0)" }.joined(separator: "\n")
        return """
            name: \(name)
            inputs:
            \(inputLines)
            sentiment:
              lexicons: \(lexicons)
            topics:
              k_min: 2
              k_max: 3
              seed: 7
            retention:
              reports_days: 0
            \(extra)
            """
    }

    /// One JSONL comment line; `text` is JSON-escaped here.
    static func jsonl(thread: String, id: String, parent: String? = nil, author: String = "someone",
                      time: Int = 1_765_441_800, text: String) -> String {
        var object: [String: Any] = ["thread": thread, "id": id, "author": author, "time": time, "text": text]
        if let parent { object["parent"] = parent }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
