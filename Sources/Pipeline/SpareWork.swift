import Foundation
import LinearAlgebra
#if canImport(Glibc)
import Glibc
#endif

/// Independent jobs started on a low-priority thread while another stage runs, and finished by the
/// caller once it needs their results.
///
/// The background thread lowers its own nice value to 19, so it only takes CPU time the running
/// stage (and everything else at normal priority) leaves idle, and takes jobs one at a time in
/// order. `finish()` stops it: jobs it completed are kept, and every other job, pending or still
/// running there, is run again by the caller on every core at normal priority. Jobs must therefore
/// be pure: a job run twice gives the same result, so the results never depend on how far the
/// background got (and so on the machine's load), only the time taken does.
///
/// Design notes: waiting for a job still running in the background could take long on a loaded
/// machine (a nice-19 thread gets little CPU beside busy ones), and raising the thread's priority
/// back needs a privilege a nightly job may not have; running the job again costs at most one job.
final class SpareWork<Result: Sendable>: @unchecked Sendable {
    private enum State { case pending, running, done }
    private let lock = NSLock()
    private var states: [State]
    private var results: [Result?]
    private var stopped = false
    private let job: @Sendable (Int) -> Result

    /// Starts working through jobs `0..<count` in order on a new low-priority thread.
    init(count: Int, _ job: @escaping @Sendable (Int) -> Result) {
        states = Array(repeating: .pending, count: count)
        results = Array(repeating: nil, count: count)
        self.job = job
        let thread = Thread { [self] in
            #if canImport(Glibc)
            // On Linux the nice value is per thread; 0 means the calling thread.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            #endif
            while let i = claim() {
                let value = job(i)
                complete(i, value)
            }
        }
        thread.start()
    }

    private func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, let i = states.firstIndex(of: .pending) else { return nil }
        states[i] = .running
        return i
    }

    private func complete(_ i: Int, _ value: Result) {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        states[i] = .done
        results[i] = value
    }

    /// How many jobs the background thread completed (for the log).
    var completedInBackground: Int {
        lock.lock()
        defer { lock.unlock() }
        return states.filter { $0 == .done }.count
    }

    /// Stops the background thread and returns every job's result, in job order; jobs it had not
    /// completed are run now on every core.
    func finish() -> [Result] {
        lock.lock()
        stopped = true
        let done = results
        lock.unlock()
        let missing = done.indices.filter { done[$0] == nil }
        let job = self.job
        let computed = Parallel.mapChunks(count: missing.count, chunkSize: 1) { range in job(missing[range.lowerBound]) }
        var out = done
        for (i, value) in zip(missing, computed) { out[i] = value }
        return out.map { value in
            guard let value else { preconditionFailure("SpareWork: a job has no result") }
            return value
        }
    }
}
