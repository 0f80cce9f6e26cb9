import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opt-in totals of the `BLAS.gemm` calls (flops and wall seconds), for the benchmark that compares the
/// rate the topic stage's products reach with the library's rate on a large square product.
///
/// Off by default: then each gemm pays one lock and a flag read. Counts cover every thread's calls.
public enum GemmCounter {
    public struct Totals: Sendable, Equatable {
        public var calls = 0
        /// `2·m·n·k` summed over the calls.
        public var flops = 0.0
        /// Wall seconds inside `cblas_dgemm`, summed over the calls.
        public var seconds = 0.0
        /// CPU seconds of the calling threads inside `cblas_dgemm`: with one BLAS thread, the time the
        /// products took whatever else the machine was running.
        public var cpuSeconds = 0.0
        /// GFLOP/s over the counted calls on wall time (0 when none were counted).
        public var gflops: Double { seconds > 0 ? flops / seconds / 1e9 : 0 }
        public init() {}
        /// GFLOP/s on the calling threads' CPU time (meaningful with one BLAS thread).
        public var cpuGflops: Double { cpuSeconds > 0 ? flops / cpuSeconds / 1e9 : 0 }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var enabled = false
    nonisolated(unsafe) private static var totals = Totals()

    /// Turns counting on or off (totals are kept).
    public static var isEnabled: Bool {
        get { lock.withLock { enabled } }
        set { lock.withLock { enabled = newValue } }
    }

    /// The totals so far.
    public static var current: Totals { lock.withLock { totals } }

    public static func reset() { lock.withLock { totals = Totals() } }

    /// The start times (wall, thread CPU) of a counted call, or nil when counting is off.
    static func start() -> (wall: UInt64, cpu: Double)? {
        lock.withLock { enabled } ? (DispatchTime.now().uptimeNanoseconds, threadCPUSeconds()) : nil
    }

    static func stop(_ start: (wall: UInt64, cpu: Double)?, m: Int, n: Int, k: Int) {
        guard let start else { return }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.wall) / 1e9
        let cpu = threadCPUSeconds() - start.cpu
        lock.withLock {
            totals.calls += 1
            totals.flops += 2 * Double(m) * Double(n) * Double(k)
            totals.seconds += seconds
            totals.cpuSeconds += cpu
        }
    }

    /// CPU time of the calling thread.
    public static func threadCPUSeconds() -> Double {
        #if canImport(Glibc)
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
        #else
        return 0
        #endif
    }
}
