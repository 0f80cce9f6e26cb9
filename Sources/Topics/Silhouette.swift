import LinearAlgebra

/// The criterion that picks k: the mean silhouette (Rousseeuw, 1987) under cosine distance `1 − cos`,
/// on a seeded sample of at most `sampleSize` documents (the same sample for every k).
///
/// For a sampled document i in cluster A: `a(i)` = mean distance to the other sampled members of A,
/// `b(i)` = the smallest mean distance to the sampled members of another cluster, and
/// `s(i) = (b − a) / max(a, b)` (0 when i is alone in A's sample). The mean lies in [−1, 1]; higher means
/// tighter, better separated topics. The sample keeps it O(s²·d) (one gemm) whatever the corpus size.
///
/// Design notes: the k-means objective always improves with k, so it cannot choose k alone;
/// Calinski-Harabasz favours equal sizes, which comment topics rarely have; the gap statistic needs many
/// reference clusterings. The silhouette is bounded, cheap on a sample, and easy to explain.
enum Silhouette {
    /// A seeded sample of row indices, sorted (all rows when there are few).
    static func sample(rows n: Int, size: Int, seed: UInt64) -> [Int] {
        if n <= size { return Array(0..<n) }
        var rng = SeededGenerator(seed: seed ^ 0x5117_0E77)
        var indices = Array(0..<n)
        for i in 0..<size {  // partial Fisher-Yates
            let j = i + Int(rng.next() % UInt64(n - i))
            indices.swapAt(i, j)
        }
        return indices.prefix(size).sorted()
    }

    /// Mean silhouette of `labels` (over all rows of `x`) on the sampled rows.
    static func score(_ x: Matrix, labels: [Int], k: Int, sample: [Int]) -> Double {
        let s = sample.count
        guard s >= 2, k >= 2 else { return 0 }
        let xs = Matrix(rows: s, cols: x.cols) { i, j in x.storage[sample[i] + j * x.rows] }
        let sims = BLAS.gemm(xs, .none, xs, .transpose)  // s x s
        let lab = sample.map { labels[$0] }
        var total = 0.0
        var sums = [Double](repeating: 0, count: k)
        var counts = [Int](repeating: 0, count: k)
        for i in 0..<s {
            for c in 0..<k { sums[c] = 0; counts[c] = 0 }
            for j in 0..<s where j != i {
                sums[lab[j]] += 1 - sims.storage[i + j * s]
                counts[lab[j]] += 1
            }
            let own = lab[i]
            guard counts[own] > 0 else { continue }  // alone in its cluster's sample: s(i) = 0
            let a = sums[own] / Double(counts[own])
            var b = Double.infinity
            for c in 0..<k where c != own && counts[c] > 0 { b = min(b, sums[c] / Double(counts[c])) }
            guard b.isFinite else { continue }
            let m = max(a, b)
            if m > 0 { total += (b - a) / m }
        }
        return total / Double(s)
    }
}
