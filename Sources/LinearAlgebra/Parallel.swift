import Dispatch

/// Deterministic data parallelism for the stages above this module.
public enum Parallel {
    /// Splits `0..<count` into consecutive chunks of at most `chunkSize`, runs `body` on each chunk
    /// concurrently, and returns the results in chunk order, so callers that concatenate them get the
    /// same output for any number of threads. `body` must not share mutable state between chunks.
    public static func mapChunks<T: Sendable>(count: Int, chunkSize: Int,
                                             _ body: @Sendable (Range<Int>) -> T) -> [T] {
        precondition(chunkSize > 0, "mapChunks: chunk size must be positive")
        let chunks = (count + chunkSize - 1) / chunkSize
        if chunks == 0 { return [] }
        if chunks == 1 { return [body(0..<count)] }
        var results = [T?](repeating: nil, count: chunks)
        results.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let out = ChunkResults(base: base)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lo = c * chunkSize
                out.base[c] = body(lo..<min(count, lo + chunkSize))
            }
        }
        let done = results.compactMap { $0 }
        precondition(done.count == chunks, "mapChunks: a chunk produced no result")
        return done
    }
}

/// Each worker writes only its own slot.
private struct ChunkResults<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T?>
}

extension Parallel {
    /// The element-wise sum of equally long partial results, added in chunk order so the bits do not
    /// depend on how many threads produced them.
    static func sumInOrder(_ partials: [[Double]]) -> [Double] {
        var sum = partials[0]
        for p in 1..<partials.count {
            let other = partials[p]
            for e in sum.indices { sum[e] += other[e] }
        }
        return sum
    }
}
