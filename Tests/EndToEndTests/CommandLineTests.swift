import Foundation
import Testing

/// The command's contract with cron and with users: exit codes, one line on stdout, located errors on stderr.
@Suite(.serialized) struct CommandLineTests {
    static let binary = SampleWorkspace.repo.appendingPathComponent(".build/debug/threadlens")
    static var binaryBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func threadlens(_ args: [String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = args
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }

    @Test(.enabled(if: binaryBuilt, "skipped: .build/debug/threadlens is missing; run `swift build` (make test does)"))
    func runPrintsOneLineAndLogsStructuredLines() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        let r = try threadlens(["run", ws.pipelinePath, "--date", "2026-01-10"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 1)
        #expect(r.stdout.hasPrefix("e2e 2026-01-10: 8 threads"))
        // Not a terminal: logfmt lines, no progress bars.
        #expect(r.stderr.contains("level=info"))
        #expect(r.stderr.contains("msg=\"stage finished\""))
        #expect(!r.stderr.contains("\r"))
        // Every line opens with a UTC timestamp in ISO 8601, whole seconds.
        let stamp = /^ts=\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z level=/
        let lines = r.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.prefixMatch(of: stamp) != nil, "\(line)") }
    }

    @Test(.enabled(if: binaryBuilt, "skipped: .build/debug/threadlens is missing; run `swift build` (make test does)"))
    func topicsReadsAFolderAndAGlobAndRejectsAMissingInput() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        let out = ws.root.appendingPathComponent("topics").path
        let folder = try threadlens(["topics", ws.samples.path, "--k", "3", "--out", out])
        #expect(folder.status == 0, "\(folder.stderr)")
        let rows = try String(contentsOfFile: out + "/assignments.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows.first == "id,topic,similarity,outlier")
        #expect(folder.stderr.contains("\(rows.count - 1) comments, 3 topics"))
        let jsonl = try FileManager.default.contentsOfDirectory(atPath: ws.samples.path).filter { $0.hasSuffix(".jsonl") }
        #expect(!jsonl.isEmpty)
        let glob = try threadlens(["topics", ws.samples.path + "/*.jsonl", "--k", "2", "--out", out])
        #expect(glob.status == 0, "\(glob.stderr)")
        let globRows = try String(contentsOfFile: out + "/assignments.csv", encoding: .utf8).split(separator: "\n")
        #expect(globRows.count < rows.count)
        let missing = try threadlens(["topics", ws.root.appendingPathComponent("nope").path, "--out", out])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope: no such file"))
    }

    @Test(.enabled(if: binaryBuilt, "skipped: .build/debug/threadlens is missing; run `swift build` (make test does)"))
    func brokenPipelineFileExitsTwoNamingFileLineAndKey() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        let path = ws.root.appendingPathComponent("broken.yml").path
        try "name: broken\ninputs: [samples]\ntopics:\n  k_max: 0\n".write(toFile: path, atomically: true, encoding: .utf8)
        for command in ["validate", "run"] {
            let r = try threadlens([command, path])
            #expect(r.status == 2)
            #expect(r.stderr.contains("\(path):4: error: 'topics.k_max': expected an integer in 1...100, found 0"))
            #expect(r.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: ws.root.appendingPathComponent("reports/broken").path))
    }

    @Test(.enabled(if: binaryBuilt, "skipped: .build/debug/threadlens is missing; run `swift build` (make test does)"))
    func usageErrorsExitTwoAndHelpExitsZero() throws {
        #expect(try threadlens(["no-such-command"]).status == 2)
        #expect(try threadlens(["run"]).status == 2)
        #expect(try threadlens(["analyze", "/nonexistent/file.jsonl"]).status == 2)
        let help = try threadlens(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("EXIT CODES"))
        #expect(help.stdout.contains("threadlens run Pipelines/nightly.yml"))
        let version = try threadlens(["--version"])
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
    }

    @Test(.enabled(if: binaryBuilt, "skipped: .build/debug/threadlens is missing; run `swift build` (make test does)"))
    func aFailedRunExitsOne() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        try FileManager.default.createDirectory(at: ws.reports, withIntermediateDirectories: true)
        // Another run holds the lock.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [ws.reports.appendingPathComponent(".lock").path, "sleep", "30"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        usleep(300_000)
        let r = try threadlens(["run", ws.pipelinePath, "--date", "2026-01-10"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("another run of this pipeline holds"))
    }

    @Test(.enabled(if: binaryBuilt, "skipped: .build/debug/threadlens is missing; run `swift build` (make test does)"))
    func strictModeNamesTheBadRecord() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        try "{\"thread\":\"x\",\"id\":\"1\",\"text\":\"fine\"}\n{\"thread\":\"x\",\"text\":\"no id\"}\n"
            .write(to: ws.samples.appendingPathComponent("zz-bad.jsonl"), atomically: true, encoding: .utf8)
        let lenient = try threadlens(["run", ws.pipelinePath, "--date", "2026-01-10"])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("1 skipped records"))
        let out = ws.root.appendingPathComponent("strict-out").path
        let strict = try threadlens(["analyze", ws.samples.appendingPathComponent("zz-bad.jsonl").path, "--strict", "--out", out])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("zz-bad.jsonl:2"))
    }
}
