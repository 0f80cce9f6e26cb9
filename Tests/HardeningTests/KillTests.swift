import Foundation
import Pipeline
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs killed with SIGKILL at random points in every stage lose nothing.
///
/// The first night is published undisturbed; a calibration run (`--full`, in a copy) times each stage.
/// Then the second night is started again and again with `--full` and killed: for each phase
/// (start-up, ingest, store-read, sentiment+stance, topics, reports, store-commit, publish) at
/// `THREADLENS_KILL_PER_PHASE` (default 4) random offsets inside that phase, found by following the run's log. After each kill the
/// `latest` link, every byte of every earlier report and the store's run count must be as before (a
/// killed run's own date folder may appear only whole), or, when the run finished before the signal,
/// it must be complete. Finally an undisturbed run must succeed.
/// Kill offsets come from `THREADLENS_KILL_SEED` (default 20260110), so a failure can be replayed.
@Suite(.serialized) struct KillTests {
    static let phases = ["start-up", "ingest", "store-read", "sentiment+stance", "topics", "reports", "store-commit", "publish"]

    /// The stage a log line opens, as written by the runner's structured log.
    static func phaseStarts(_ log: String) -> [String] {
        var out = ["start-up"]
        for line in log.split(separator: "\n") {
            if line.contains("msg=\"stage started\""), let r = line.range(of: "stage=") {
                out.append(String(line[r.upperBound...].prefix { $0 != " " }))
            } else if line.contains("msg=\"stage finished\""), line.contains("stage=store-commit") {
                out.append("publish")
            }
        }
        return out
    }

    @Test(.enabled(if: Hardening.binaryBuilt, "skipped: .build/debug/threadlens is missing; run `swift build` (make test does)"),
          .timeLimit(.minutes(10)))
    func killedAtRandomPointsInEveryStageLosesNothing() throws {
        let env = ProcessInfo.processInfo.environment
        let perPhase = Int(env["THREADLENS_KILL_PER_PHASE"] ?? "") ?? 4
        var rng = SplitMix64(state: UInt64(env["THREADLENS_KILL_SEED"] ?? "") ?? 20_260_110)
        let root = try Hardening.scratch("kill")
        defer { try? FileManager.default.removeItem(at: root) }
        let ws = try FaultWorkspace(at: root)
        let first = try ws.runToEnd(date: "2026-01-10")
        try #require(first.status == 0, "first night failed: \(first.log)")

        // Calibration: how long each phase lasts, on a copy, so the workspace itself stays at night one.
        let copyRoot = try Hardening.scratch("kill-calibrate")
        defer { try? FileManager.default.removeItem(at: copyRoot) }
        try FileManager.default.removeItem(at: copyRoot)
        try FileManager.default.copyItem(at: root, to: copyRoot)
        let copy = FaultWorkspace(existing: copyRoot)
        let t0 = Date()
        let calibration = try copy.runToEnd(date: "2026-01-11", extra: ["--full"])
        let total = Date().timeIntervalSince(t0)
        try #require(calibration.status == 0, "calibration run failed: \(calibration.log)")
        let durations = Self.phaseDurations(calibration.log, total: total)

        var baseline = try ws.snapshot()
        var seen: [String: Int] = [:]
        var storeAhead = 0
        var alsoInTopics = 0
        var alsoInSentiment = 0
        for phase in Self.phases {
            for _ in 0..<perPhase {
                let log = root.appendingPathComponent("killed.log")
                let process = try ws.start(date: "2026-01-11", log: log, extra: ["--full"])
                let reached = Self.waitFor(phase: phase, log: log, process: process, timeout: max(30, total * 10))
                let offset = Double.random(in: 0..<max(0.005, (durations[phase] ?? 0.05) * 0.95), using: &rng)
                if reached { usleep(UInt32(offset * 1_000_000)) }
                let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                let killedAt = Self.phaseStarts(logText).last ?? "start-up"
                // Topics run beside sentiment and stance: a kill while they run lands in topics too.
                let inTopics = killedAt != "topics" && Self.isRunning("topics", log: logText)
                // Topics start just after sentiment and stance do: a kill labelled topics lands in
                // sentiment+stance too while that stage has not finished.
                let inSentiment = killedAt == "topics" && Self.isRunning("sentiment+stance", log: logText)
                let wasRunning = process.isRunning
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                let after = try ws.snapshot()
                if !wasRunning || process.terminationReason == .exit {
                    // It finished before the signal: it must then be complete.
                    #expect(process.terminationStatus == 0)
                    #expect(after.latest == "2026-01-11", "a run that exited left latest at \(after.latest ?? "nil")")
                    seen["completed", default: 0] += 1
                    baseline = after
                    continue
                }
                seen[killedAt, default: 0] += 1
                if inTopics { alsoInTopics += 1 }
                if inSentiment { alsoInSentiment += 1 }
                if after.latest == "2026-01-11", baseline.latest != after.latest {
                    // Killed after `latest` moved (while pruning or exiting): the run had published,
                    // and what it published must be whole.
                    #expect(after.files.keys.contains("2026-01-11/manifest.json"), "latest moved to a partial folder")
                    for (name, data) in baseline.files { #expect(after.files[name] == data, "published run changed \(name)") }
                    baseline = after
                    continue
                }
                #expect(after.latest == baseline.latest, "kill in \(killedAt) moved latest to \(after.latest ?? "nil")")
                // Every earlier report is intact. The killed run's own date folder may have been renamed
                // into place just before the kill (latest not yet moved): it must then be complete.
                for (name, data) in baseline.files where !name.hasPrefix("2026-01-11/") {
                    #expect(after.files[name] == data, "kill in \(killedAt) changed \(name)")
                }
                let own = after.files.keys.filter { $0.hasPrefix("2026-01-11/") }
                #expect(own.isEmpty || own.contains("2026-01-11/manifest.json"), "kill in \(killedAt) left a partial 2026-01-11/")
                if after.runs == baseline.runs + 1 {
                    // Killed between the store's commit and the rename of the report folder.
                    storeAhead += 1
                    baseline.runs = after.runs
                } else {
                    #expect(after.runs == baseline.runs, "kill in \(killedAt) left the store with \(after.runs) runs")
                }
            }
        }
        let summary = Self.phases.map { "\($0): \(seen[$0] ?? 0)" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("kill test: \(seen.values.reduce(0, +)) runs (\(summary); topics running too: \(alsoInTopics); sentiment+stance running too: \(alsoInSentiment); completed: \(seen["completed"] ?? 0); store ahead of reports: \(storeAhead)); calibration \(String(format: "%.2f", total)) s\n".utf8))
        #expect(seen.filter { $0.key != "completed" }.values.reduce(0, +) >= 20, "fewer than 20 runs were killed mid-way: \(seen)")
        for phase in ["ingest", "sentiment+stance", "topics", "reports"] {
            let landed = (seen[phase] ?? 0) + (phase == "topics" ? alsoInTopics : 0)
                + (phase == "sentiment+stance" ? alsoInSentiment : 0)
            #expect(landed > 0, "no kill landed in \(phase): \(seen), also in topics: \(alsoInTopics), also in sentiment+stance: \(alsoInSentiment)")
        }

        // The next undisturbed run succeeds and publishes, and cleans up what the killed runs left.
        let next = try ws.runToEnd(date: "2026-01-11")
        #expect(next.status == 0, "the run after the kills failed: \(next.log)")
        let final = try ws.snapshot()
        #expect(final.latest == "2026-01-11")
        for (name, data) in baseline.files where name.hasPrefix("2026-01-10/") { #expect(final.files[name] == data) }
        let leftovers = (try FileManager.default.contentsOfDirectory(atPath: ws.reports.path)).filter {
            $0.hasPrefix(".staging-") || $0.hasPrefix(".replaced-") || $0.hasPrefix(".latest-")
        }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)")
    }

    /// Seconds per phase from a run's log (one-second timestamps are too coarse, so the runner's own
    /// `seconds=` figures are used, and start-up and publish share what is left).
    static func phaseDurations(_ log: String, total: Double) -> [String: Double] {
        var out: [String: Double] = [:]
        for line in log.split(separator: "\n") where line.contains("msg=\"stage finished\"") {
            guard let s = line.range(of: "stage="), let t = line.range(of: "seconds=") else { continue }
            let stage = String(line[s.upperBound...].prefix { $0 != " " })
            out[stage] = Double(line[t.upperBound...].prefix { $0 != " " }) ?? 0
        }
        let rest = max(0.02, total - out.values.reduce(0, +))
        // What the stages do not cover is mostly process start-up (loading lexicons and the profile);
        // publishing is two renames, so kills aimed at it go in within a few milliseconds.
        out["start-up"] = rest
        out["publish"] = 0.005
        return out
    }

    /// Whether the log shows `stage` started and not yet finished.
    static func isRunning(_ stage: String, log: String) -> Bool {
        var running = false
        for line in log.split(separator: "\n") where line.contains("stage=\(stage) ") || line.hasSuffix("stage=\(stage)") {
            if line.contains("msg=\"stage started\"") { running = true }
            if line.contains("msg=\"stage finished\"") { running = false }
        }
        return running
    }

    /// Polls the log until `phase` has started (or the process ended); false on timeout or exit.
    static func waitFor(phase: String, log: URL, process: Process, timeout: Double) -> Bool {
        if phase == "start-up" { return true }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if phaseStarts(text).contains(phase) { return true }
            usleep(2_000)
        }
        return false
    }
}
