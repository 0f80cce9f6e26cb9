import Foundation
import GRDB
import Logging

/// One run's write transaction, held open on a thread of its own while the run goes on.
///
/// The runner hands it steps as their inputs become ready (the threads, comments and results once
/// sentiment and stance are done, the day's scores once topics are), so the store is written beside
/// the analysis and the reports instead of after them. Steps run in the order they were added,
/// inside one SQLite transaction; nothing is visible to another connection, or left behind by a
/// killed process, until `commit()` ends it. `rollback()` (or any failing step) undoes it all.
///
/// Design note: the store's other reads go through the same `DatabaseQueue`, which serialises
/// access: a read issued while the transaction is open would wait for it forever. The runner
/// therefore reads everything it needs from the store before it opens one.
final class StoreTransaction: @unchecked Sendable {
    typealias Step = @Sendable (Database) throws -> Void

    private enum Item {
        case step(String, Step)
        case commit
        case rollback
    }

    private struct RolledBack: Error {}

    private let condition = NSCondition()
    private var items: [Item] = []
    private var done = false
    private var failure: Error?
    /// Seconds each named step took, in order.
    private var stepSeconds: [(String, Double)] = []

    /// Opens the transaction on a new thread; steps queue until it is ready.
    init(store: RunStore, logger: Logger) {
        let thread = Thread { [self] in
            do {
                try store.db.write { db in
                    while true {
                        switch self.next() {
                        case let .step(name, body):
                            let t0 = Date()
                            try body(db)
                            let seconds = Date().timeIntervalSince(t0)
                            self.record(name, seconds)
                            logger.info("store step finished", metadata: [
                                "step": "\(name)", "seconds": "\(String(format: "%.3f", seconds))",
                            ])
                        case .commit:
                            return
                        case .rollback:
                            throw RolledBack()
                        }
                    }
                }
            } catch is RolledBack {
            } catch {
                self.finish(failure: error)
                return
            }
            self.finish(failure: nil)
        }
        thread.name = "threadlens.store"
        thread.start()
    }

    /// Queues a step; it runs after every step queued before it. Ignored once a step has failed.
    func add(_ name: String, _ body: @escaping Step) {
        put(.step(name, body))
    }

    /// Runs the queued steps, commits, and waits for it.
    /// - Throws: the first failing step's error (the transaction is then rolled back).
    func commit() throws {
        put(.commit)
        wait()
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
    }

    /// Abandons the transaction (steps not yet run are dropped) and waits until it is undone.
    func rollback() {
        condition.lock()
        items.removeAll()
        condition.unlock()
        put(.rollback)
        wait()
    }

    /// Whether the transaction has ended (committed, rolled back or failed).
    var isFinished: Bool {
        condition.lock()
        defer { condition.unlock() }
        return done
    }

    /// Seconds the steps run so far took, by name, in order.
    var timings: [(String, Double)] {
        condition.lock()
        defer { condition.unlock() }
        return stepSeconds
    }

    private func put(_ item: Item) {
        condition.lock()
        if !done { items.append(item) }
        condition.broadcast()
        condition.unlock()
    }

    private func next() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        return items.removeFirst()
    }

    private func record(_ name: String, _ seconds: Double) {
        condition.lock()
        stepSeconds.append((name, seconds))
        condition.unlock()
    }

    private func finish(failure: Error?) {
        condition.lock()
        self.failure = failure
        done = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func wait() {
        condition.lock()
        while !done { condition.wait() }
        condition.unlock()
    }
}
