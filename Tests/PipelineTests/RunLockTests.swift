import Foundation
@testable import Pipeline
import Testing

/// One run at a time, and a lock that a dead holder cannot leave stuck.
@Suite struct RunLockTests {
    @Test func secondRunIsRefusedWithAClearMessage() throws {
        let path = try TempDir.make("lock").appendingPathComponent(".lock").path
        let first = try RunLock.acquire(path: path)
        #expect(throws: RunLock.Busy.self) { _ = try RunLock.acquire(path: path) }
        do {
            _ = try RunLock.acquire(path: path)
        } catch let busy as RunLock.Busy {
            #expect(busy.description.contains("another run of this pipeline holds"))
            #expect(busy.description.contains("pid \(ProcessInfo.processInfo.processIdentifier)"))
        }
        first.release()
        let again = try RunLock.acquire(path: path)
        again.release()
    }

    @Test func aWaitingRunGetsTheLockWhenTheFirstEnds() throws {
        let path = try TempDir.make("lockwait").appendingPathComponent(".lock").path
        let first = try RunLock.acquire(path: path)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { first.release() }
        let start = Date()
        let second = try RunLock.acquire(path: path, wait: 5)
        #expect(Date().timeIntervalSince(start) >= 0.2)
        second.release()
    }

    @Test func aLockFileLeftBehindDoesNotBlock() throws {
        // A crashed run leaves the file (with its pid) but not the flock.
        let path = try TempDir.make("lockstale").appendingPathComponent(".lock").path
        try "pid 999999 since 2020-01-01T00:00:00Z\n".write(toFile: path, atomically: true, encoding: .utf8)
        let lock = try RunLock.acquire(path: path)
        lock.release()
    }
}
