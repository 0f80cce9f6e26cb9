import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of a pipeline at a time: an exclusive `flock` on `<pipeline dir>/.lock`.
///
/// The kernel drops a `flock` when its holder's file descriptor closes, which happens when the
/// process exits for any reason (a crash, `kill -9`), so a dead run never leaves the lock stuck.
/// The file itself stays; it records the holder's pid and start time for the "busy" message only.
/// Design note: a pid file checked with `kill(pid, 0)` was turned down: pids are reused.
public final class RunLock: @unchecked Sendable {
    public struct Busy: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var holder: String
        public var description: String {
            "another run of this pipeline holds \(path)\(holder.isEmpty ? "" : " (\(holder))"); "
                + "wait for it to finish or pass --wait SECONDS"
        }
    }

    public let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Takes the lock, waiting up to `wait` seconds (0: fail at once when busy).
    /// - Throws: `Busy` when another process holds it after the wait; `CocoaError` when the file cannot be opened.
    public static func acquire(path: String, wait: Double = 0) throws -> RunLock {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        let deadline = Date().addingTimeInterval(wait)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if Date() >= deadline {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                close(fd)
                throw Busy(path: path, holder: holder)
            }
            usleep(100_000)
        }
        let note = "pid \(getpid()) since \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { write(fd, $0, strlen($0)) }
        return RunLock(path: path, fd: fd)
    }

    /// Releases the lock (also done when the process ends).
    public func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
