import Foundation
import Pipeline
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A full disk and two runs at once.
///
/// Full disk: the workspace lives on a small tmpfs when this process may mount one (root on Linux);
/// otherwise the write error is injected with a file-size limit (`ulimit -f`, with SIGXFSZ ignored so
/// that writes fail with EFBIG instead of killing the run). Either way the failed run must exit non-zero
/// with a message, leave the published reports and the store as they were, and the run after space
/// comes back must succeed.
@Suite(.serialized) struct DiskAndLockTests {
    /// Mounts a tmpfs of `megabytes` at a fresh folder; nil when mounting is not allowed here.
    static func mountTmpfs(megabytes: Int) -> URL? {
        guard getuid() == 0, let dir = try? Hardening.scratch("tmpfs") else { return nil }
        let status = shell("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", dir.path])
        if status != 0 { try? FileManager.default.removeItem(at: dir); return nil }
        return dir
    }

    @discardableResult
    static func shell(_ tool: String, _ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// Fills the file system holding `dir` until at most `leave` bytes are free; returns the filler.
    static func fill(_ dir: URL, leave: Int) -> URL {
        let filler = dir.appendingPathComponent("filler")
        let fd = open(filler.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x55, count: 4096)
        while true {
            var st = statvfs()
            guard statvfs(dir.path, &st) == 0 else { break }
            let free = Int(st.f_bavail) * Int(st.f_frsize)
            if free <= leave { break }
            let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress, min(chunk.count, free - leave)) }
            if n <= 0 { break }
        }
        return filler
    }

    static var canMount: Bool {
        guard let dir = mountTmpfs(megabytes: 1) else { return false }
        shell("/bin/umount", [dir.path])
        try? FileManager.default.removeItem(at: dir)
        return true
    }

    @Test(.enabled(if: Hardening.binaryBuilt, "skipped: .build/debug/threadlens is missing"),
          .enabled(if: DiskAndLockTests.canMount, "skipped: cannot mount a tmpfs here (not root); see the ulimit test"))
    func fullTmpfsFailsClearlyAndLosesNothing() throws {
        let mount = try #require(Self.mountTmpfs(megabytes: 48))
        defer { Self.shell("/bin/umount", [mount.path]); try? FileManager.default.removeItem(at: mount) }
        let ws = try FaultWorkspace(at: mount.appendingPathComponent("ws"), threads: 12, perThread: 30)
        try #require(try ws.runToEnd(date: "2026-01-10").status == 0)
        for leave in [0, 16 << 10, 200 << 10] {
            let before = try ws.snapshot()
            let filler = Self.fill(mount, leave: leave)
            let failed = try ws.runToEnd(date: "2026-01-11", extra: ["--full"])
            try? FileManager.default.removeItem(at: filler)
            #expect(failed.status != 0, "a run on a full disk (\(leave) bytes free) claimed success")
            #expect(failed.log.lowercased().contains("space") || failed.log.contains("full"),
                    "no clear message with \(leave) bytes free: \(failed.log.suffix(600))")
            let after = try ws.snapshot()
            #expect(after == before, "a full disk with \(leave) bytes free changed the reports or the store")
        }
        let next = try ws.runToEnd(date: "2026-01-11")
        #expect(next.status == 0, "the run after space came back failed: \(next.log.suffix(600))")
        #expect(try ws.snapshot().latest == "2026-01-11")
    }

    @Test(.enabled(if: Hardening.binaryBuilt, "skipped: .build/debug/threadlens is missing"))
    func fileSizeLimitFailsClearlyAndLosesNothing() throws {
        let root = try Hardening.scratch("fsize")
        defer { try? FileManager.default.removeItem(at: root) }
        let ws = try FaultWorkspace(at: root, threads: 12, perThread: 30)
        try #require(try ws.runToEnd(date: "2026-01-10").status == 0)
        let before = try ws.snapshot()
        // 64 blocks of 512 bytes: the store and the reports outgrow it, the lock file does not.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "ulimit -f 64; trap '' XFSZ; exec \"$0\" run \"$1\" --date 2026-01-11 --full",
                       Hardening.binary.path, ws.pipelinePath]
        let log = root.appendingPathComponent("fsize.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        p.standardError = try FileHandle(forWritingTo: log)
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(p.terminationReason == .exit && p.terminationStatus != 0, "expected a clean failure, got \(p.terminationReason) \(p.terminationStatus)")
        #expect(text.contains("error"), "no error message: \(text.suffix(600))")
        #expect(try ws.snapshot() == before)
        #expect(try ws.runToEnd(date: "2026-01-11").status == 0)
    }

    @Test(.enabled(if: Hardening.binaryBuilt, "skipped: .build/debug/threadlens is missing"))
    func twoRunsStartedTogetherOneWaitsOrExitsClearly() throws {
        let root = try Hardening.scratch("together")
        defer { try? FileManager.default.removeItem(at: root) }
        let ws = try FaultWorkspace(at: root, threads: 12, perThread: 30)
        // Without --wait: one runs, the other exits at once with a message naming the lock.
        let logs = (0..<2).map { root.appendingPathComponent("run\($0).log") }
        let runs = try logs.map { try ws.start(date: "2026-01-10", log: $0) }
        runs.forEach { $0.waitUntilExit() }
        let statuses = runs.map(\.terminationStatus)
        #expect(statuses.contains(0), "neither run succeeded: \(statuses)")
        for (run, log) in zip(runs, logs) where run.terminationStatus != 0 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            #expect(text.contains("another run of this pipeline holds"), "unclear message: \(text.suffix(400))")
        }
        // With --wait: both succeed, one after the other.
        let waiting = try logs.map { try ws.start(date: "2026-01-11", log: $0, extra: ["--wait", "120"]) }
        waiting.forEach { $0.waitUntilExit() }
        #expect(waiting.map(\.terminationStatus) == [0, 0])
        #expect(try ws.snapshot().latest == "2026-01-11")
    }
}
