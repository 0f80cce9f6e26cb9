import Foundation
import Pipeline
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A run killed with SIGKILL just before publishing leaves the previous reports, the `latest` link and
/// the store as they were, and does not leave the lock stuck.
@Suite(.serialized) struct KilledRunTests {
    static let binary = SampleWorkspace.repo.appendingPathComponent(".build/debug/threadlens")

    static var binaryBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    /// Needs the `threadlens` executable, which `swift test` does not build: `make test` runs `swift build` first.
    @Test(.enabled(if: binaryBuilt, "skipped: .build/debug/threadlens is missing; run `swift build` (make test does)"))
    func killedRunLeavesPreviousReportsIntact() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        try ws.run(date: "2026-01-10")
        let before = try ws.reportFiles(ws.latest)
        let store = try RunStore(path: ws.reports.appendingPathComponent("threadlens.sqlite").path)
        #expect(try store.runCount() == 1)

        try ws.addThread("zz-new.jsonl", id: "late", texts: ["Rust support is great news for driver authors."])
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["run", ws.pipelinePath, "--date", "2026-01-11", "--pause-before-publish", "120", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the run has written its reports into the staging folder, then kill it.
        let deadline = Date().addingTimeInterval(60)
        var staged = false
        while Date() < deadline, !staged {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: ws.reports.path)) ?? []
            staged = names.contains { name in
                name.hasPrefix(".staging-") && FileManager.default.fileExists(
                    atPath: ws.reports.appendingPathComponent(name).appendingPathComponent("manifest.json").path)
            }
            if !staged { usleep(50_000) }
        }
        #expect(staged, "the run never reached its staging folder")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: ws.latest.path) == "2026-01-10")
        #expect(try ws.reportFiles(ws.latest) == before)
        #expect(!FileManager.default.fileExists(atPath: ws.reports.appendingPathComponent("2026-01-11").path))
        #expect(try store.runCount() == 1)

        // The lock died with the process; the next run cleans the staging folder up and succeeds.
        let next = try ws.run(date: "2026-01-11")
        #expect(next.run.processedThreads == 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: ws.reports.path)
        #expect(!names.contains { $0.hasPrefix(".staging-") })
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: ws.latest.path) == "2026-01-11")
    }

    @Test func secondRunWhileOneHoldsTheLockFailsClearly() throws {
        let ws = try SampleWorkspace()
        defer { ws.remove() }
        try FileManager.default.createDirectory(at: ws.reports, withIntermediateDirectories: true)
        let held = try RunLock.acquire(path: ws.reports.appendingPathComponent(".lock").path)
        defer { held.release() }
        #expect(throws: RunLock.Busy.self) { try ws.run(date: "2026-01-10") }
    }
}
