import Foundation
import Pipeline
#if canImport(Glibc)
import Glibc
#endif

/// A pipeline over generated threads, big enough that a debug run spends visible time in every stage,
/// driven through the `threadlens` executable so that it can be killed.
struct FaultWorkspace {
    let root: URL
    var pipelinePath: String { root.appendingPathComponent("faults.yml").path }
    var reports: URL { root.appendingPathComponent("reports/faults") }
    var latest: URL { reports.appendingPathComponent("latest") }
    var store: String { reports.appendingPathComponent("threadlens.sqlite").path }

    /// A workspace whose files already exist (a copy of another one).
    init(existing root: URL) { self.root = root }

    /// `threads` threads of `perThread` comments each, words drawn from a fixed seeded mix.
    init(at root: URL, threads: Int = 30, perThread: Int = 40) throws {
        self.root = root
        let inputs = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for t in 0..<threads {
            try Self.thread(id: "t\(t)", comments: perThread, seed: UInt64(t + 1))
                .write(to: inputs.appendingPathComponent("t\(t).jsonl"), atomically: true, encoding: .utf8)
        }
        try Hardening.pipelineYAML(name: "faults", inputs: ["in/*.jsonl"])
            .write(toFile: pipelinePath, atomically: true, encoding: .utf8)
    }

    static let words = [
        "Rust", "kernel", "driver", "memory", "safety", "C", "maintainers", "bindings", "unsafe", "review",
        "great", "terrible", "love", "hate", "toolchain", "compiler", "LLVM", "GCC", "borrow", "checker",
        "NVMe", "GPU", "bugs", "progress", "experimental", "stable", "Linus", "patch", "mailing", "list",
    ]

    static func thread(id: String, comments: Int, seed: UInt64) -> String {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var out = ""
        for c in 0..<comments {
            let text = (0..<(12 + next() % 30)).map { _ in words[next() % words.count] }.joined(separator: " ") + "."
            out += Hardening.jsonl(thread: id, id: "\(id)-\(c)", parent: c == 0 ? nil : "\(id)-\(next() % c)",
                                   author: "u\(next() % 50)", time: 1_765_441_800 + c * 60, text: text)
        }
        return out
    }

    /// Starts `threadlens run` for `date`; its log goes to `log`.
    func start(date: String, log: URL, extra: [String] = []) throws -> Process {
        let process = Process()
        process.executableURL = Hardening.binary
        process.arguments = ["run", pipelinePath, "--date", date] + extra
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        return process
    }

    /// Runs to the end; returns the exit status and what it wrote to stderr.
    func runToEnd(date: String, extra: [String] = []) throws -> (status: Int32, log: String) {
        // Outside the workspace: it may be on a full disk.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("threadlens-run-\(UUID().uuidString).log")
        let p = try start(date: date, log: log, extra: extra)
        p.waitUntilExit()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: log)
        return (p.terminationStatus, text)
    }

    /// What must survive a failed run: the `latest` link, every byte of every published report
    /// folder, and what the store says about its runs.
    struct Snapshot: Equatable {
        var latest: String?
        var files: [String: Data]
        var runs: Int
    }

    func snapshot() throws -> Snapshot {
        var files: [String: Data] = [:]
        for rel in Hardening.files(under: reports) where !rel.hasPrefix(".") && !rel.hasPrefix("threadlens.sqlite") {
            files[rel] = try Data(contentsOf: reports.appendingPathComponent(rel))
        }
        let runs = try RunStore(path: store).runCount()
        return Snapshot(latest: try? FileManager.default.destinationOfSymbolicLink(atPath: latest.path), files: files, runs: runs)
    }
}

/// A small seeded generator (SplitMix64): kill points are reproducible from the seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
