import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a finished run's reports in place so that readers never see a half-written folder.
///
/// A run writes into `<pipeline dir>/.staging-<run id>/`; `publish` renames it to `<run date>/`
/// (rename(2) within one file system is atomic). A same-date folder is swapped out with
/// `renameat2(RENAME_EXCHANGE)` when the C library has it, else moved aside to `.replaced-<date>`
/// first; `recover()` at the start of the next run puts a moved-aside folder back if a crash came
/// between the two renames. The `latest` link is repointed by renaming a fresh link over it.
/// A run killed before `publish` leaves only a staging folder, which `recover()` deletes.
public struct ReportPublisher: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public var latest: URL { root.appendingPathComponent("latest") }

    /// Creates an empty staging folder for a run.
    public func makeStaging(runID: String) throws -> URL {
        let dir = root.appendingPathComponent(".staging-\(runID)-\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Cleans up after a killed run: deletes staging folders and half-made `latest` links, and restores a
    /// moved-aside report folder.
    /// Call it while holding the run lock.
    public func recover() {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: root.path) else { return }
        for name in names.sorted() {
            let url = root.appendingPathComponent(name)
            if name.hasPrefix(".staging-") || name.hasPrefix(".latest-") {
                try? fm.removeItem(at: url)
            } else if name.hasPrefix(".replaced-") {
                let original = root.appendingPathComponent(String(name.dropFirst(".replaced-".count)))
                if fm.fileExists(atPath: original.path) {
                    try? fm.removeItem(at: url)
                } else {
                    try? fm.moveItem(at: url, to: original)
                }
            }
        }
    }

    /// Moves the staging folder to `<name>/`, replacing a folder of that name, and returns it.
    @discardableResult
    public func publish(staging: URL, as name: String) throws -> URL {
        let fm = FileManager.default
        let target = root.appendingPathComponent(name, isDirectory: true)
        if !fm.fileExists(atPath: target.path) {
            try move(staging, target)
            return target
        }
        if Self.exchange(staging.path, target.path) {
            try? fm.removeItem(at: staging)  // now holds the previous reports
            return target
        }
        let aside = root.appendingPathComponent(".replaced-\(name)")
        try? fm.removeItem(at: aside)
        try move(target, aside)
        try move(staging, target)
        try? fm.removeItem(at: aside)
        return target
    }

    /// The folder name `latest` points at, if any.
    public func latestTarget() -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: latest.path)
    }

    /// Points `latest` at `<name>` (a relative link) by renaming a new link over the old one.
    public func pointLatest(to name: String) throws {
        let temp = root.appendingPathComponent(".latest-\(getpid())")
        try? FileManager.default.removeItem(at: temp)
        guard symlink(name, temp.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temp.path])
        }
        try move(temp, latest)
    }

    /// Removes dated report folders (`YYYY-MM-DD`) more than `days` days before `today`; never the newest.
    public func prune(keepingDays days: Int, today: String) -> [String] {
        guard days > 0, let cutoff = RunDate.adding(-days, to: today) else { return [] }
        let fm = FileManager.default
        let dated = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter(RunDate.isValid).sorted()
        var removed: [String] = []
        for name in dated.dropLast() where name < cutoff {
            if (try? fm.removeItem(at: root.appendingPathComponent(name))) != nil { removed.append(name) }
        }
        return removed
    }

    private func move(_ from: URL, _ to: URL) throws {
        guard rename(from.path, to.path) == 0 else {
            let code = errno
            throw CocoaError(.fileWriteUnknown, userInfo: [
                NSFilePathErrorKey: to.path,
                NSLocalizedDescriptionKey: "cannot rename \(from.path) to \(to.path): \(String(cString: strerror(code)))",
            ])
        }
    }

    /// Atomically swaps two paths with Linux's renameat2(RENAME_EXCHANGE), looked up at run time
    /// because the C library's header hides it from Swift. False when unavailable or refused.
    static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let fn = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return fn(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}
