import Foundation
import LinearAlgebra
import Testing
@testable import Topics

@Suite("LSA and k-means building blocks")
struct LSAKMeansPartsTests {
    /// Rows of the fixture's LSA embeddings that have any term.
    static func embeddings() throws -> Matrix {
        let x = try LatentSemanticAnalysis(components: 10, seed: 2).fit(try LSAClusteringTests.fixtureMatrix()).embeddings
        let usable = (0..<x.rows).filter { x.row($0).contains { $0 != 0 } }
        return Matrix(rows: usable.count, cols: x.cols) { i, j in x[usable[i], j] }
    }

    /// max |QᵀQ − I| and max |Q·Qᵀ·Y − Y| (Y lies in the span of Q).
    static func basisErrors(_ q: Matrix, of y: Matrix) -> (orthogonality: Double, span: Double) {
        let qtq = BLAS.gemm(q, .transpose, q, .none)
        var orthogonality = 0.0
        for i in 0..<qtq.rows { for j in 0..<qtq.cols { orthogonality = max(orthogonality, abs(qtq[i, j] - (i == j ? 1 : 0))) } }
        let back = BLAS.gemm(q, .none, BLAS.gemm(q, .transpose, y, .none), .none)
        let span = zip(back.storage, y.storage).map { abs($0 - $1) }.max() ?? 0
        return (orthogonality, span)
    }

    @Test("orthonormal basis: orthonormal columns spanning Y, well and badly conditioned, and rank-deficient")
    func orthonormalBasis() throws {
        var rng = SeededGenerator(seed: 3)
        let y = Matrix.gaussian(rows: 400, cols: 30, using: &rng)
        // Columns scaled from 1 to 1e-5: condition number ~1e5 (two passes) and ~1e8 (Householder QR).
        for spread in [1.0, 1e-5, 1e-8] {
            let scaled = Matrix(rows: y.rows, cols: y.cols) { i, j in
                y[i, j] * Foundation.pow(spread, Double(j) / Double(y.cols - 1))
            }
            let q = try LatentSemanticAnalysis.orthonormalBasis(scaled)
            #expect(q.rows == 400 && q.cols == 30)
            let e = Self.basisErrors(q, of: scaled)
            #expect(e.orthogonality < 1e-12, "spread \(spread): |QᵀQ − I| = \(e.orthogonality)")
            #expect(e.span < 1e-12, "spread \(spread): |QQᵀY − Y| = \(e.span)")
        }
        // A repeated column: the Gram matrix is singular, Householder QR takes over.
        let repeated = Matrix(rows: y.rows, cols: y.cols) { i, j in y[i, j == 1 ? 0 : j] }
        let q = try LatentSemanticAnalysis.orthonormalBasis(repeated)
        #expect(Self.basisErrors(q, of: repeated).orthogonality < 1e-12)
        #expect(Self.basisErrors(q, of: repeated).span < 1e-12)
    }

    @Test("cluster sums of several labellings equal the plain per-cluster sums")
    func clusterSums() throws {
        let x = try Self.embeddings()
        var rng = SeededGenerator(seed: 9)
        let k = 3
        let labellings = (0..<3).map { _ in (0..<x.rows).map { _ in Int(rng.next() % UInt64(k)) } }
        let sums = SphericalKMeans.clusterSums(x, labels: labellings, k: k)
        #expect(sums.rows == 3 * k && sums.cols == x.cols)
        for (u, labels) in labellings.enumerated() {
            for c in 0..<k {
                let expected = (0..<x.cols).map { j in (0..<x.rows).filter { labels[$0] == c }.reduce(0.0) { $0 + x[$1, j] } }
                // Rows are added in row order for every labelling: the very same bits as the plain sums.
                #expect((0..<x.cols).map { sums[u * k + c, $0] } == expected, "labelling \(u), cluster \(c)")
            }
        }
    }

    @Test("moving the rows that changed cluster gives the fresh sums, over several rounds")
    func movedRows() throws {
        let x = try Self.embeddings()
        var rng = SeededGenerator(seed: 11)
        let k = 4
        var labels = (0..<x.rows).map { _ in Int(rng.next() % UInt64(k)) }
        var sums = SphericalKMeans.clusterSums(x, labels: [labels], k: k)
        for round in 0..<5 {
            var next = labels
            for i in next.indices where rng.next() % 10 == 0 { next[i] = Int(rng.next() % UInt64(k)) }
            SphericalKMeans.moveRows(&sums, x: x, from: labels, to: next, k: k)
            labels = next
            let fresh = SphericalKMeans.clusterSums(x, labels: [labels], k: k)
            expectAllClose(sums.storage, fresh.storage, tolerance: 1e-12, "round \(round)")
        }
    }

    @Test("the blocked assignment equals the plain one on more rows than a chunk, chunks on every core or in turn")
    func blockedAssignment() {
        checkBlockedAssignment(n: SphericalKMeans.assignChunk * 2 + 777, d: 6, k: 4, starts: 3, seed: 5)
    }

    @Test("the blocked assignment equals the plain one on a product wide enough for small blocks")
    func blockedAssignmentWide() {
        // width 40 x 40 dims: blocks of 624 rows, the last one partial
        #expect(SphericalKMeans.assignRows(width: 40, dims: 40) == 624)
        checkBlockedAssignment(n: 5_000, d: 40, k: 8, starts: 5, seed: 6)
    }

    @Test("assignment blocks: wide products fit OpenBLAS's unpacked size, narrow ones stay above it")
    func assignmentBlockRows() {
        let dims = 100
        for width in [32, 40, 48, 56, 64, 72, 80] {
            let rows = SphericalKMeans.assignRows(width: width, dims: dims)
            #expect(rows % 8 == 0 && rows * width * dims <= 1_000_000 && (rows + 8) * width * dims > 1_000_000,
                    "width \(width): \(rows) rows")
        }
        for width in [8, 16, 24] {
            let rows = SphericalKMeans.assignRows(width: width, dims: dims)
            #expect(rows >= SphericalKMeans.assignBlock && rows * width * dims > 1_000_000, "width \(width): \(rows) rows")
        }
        #expect(SphericalKMeans.assignRows(width: 80, dims: dims) == 120)
        #expect(SphericalKMeans.assignRows(width: 8, dims: dims) == 2048)
        #expect(SphericalKMeans.assignRows(width: 16, dims: dims) == SphericalKMeans.assignBlock)
        #expect(SphericalKMeans.assignRows(width: 80, dims: 2) == SphericalKMeans.assignBlock)  // at most a block
        #expect(SphericalKMeans.assignRows(width: 800, dims: dims) == 64)  // at least 64 rows
        #expect(SphericalKMeans.assignRows(width: 8, dims: 1) == 4 * SphericalKMeans.assignBlock)
    }

    private func checkBlockedAssignment(n: Int, d: Int, k: Int, starts: Int, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var x = Matrix(rows: n, cols: d) { _, _ in rng.nextUnit() - 0.5 }
        x.normalizeRows()
        let centroids = (0..<starts).map { _ in Matrix(rows: k, cols: d) { _, _ in rng.nextUnit() - 0.5 } }
        let previous = (0..<starts).map { _ in (0..<n).map { _ in Int(rng.next() % UInt64(k)) } }
        // The process-wide BLAS thread count is left alone: other suites run pipelines at the same time.
        for normalized in [true, false] {
            let one = SphericalKMeans.assignAll(x, centroids: centroids, k: k, previous: previous, normalized: normalized,
                                                chunksOnEveryCore: true)
            let two = SphericalKMeans.assignAll(x, centroids: centroids, k: k, previous: previous, normalized: normalized,
                                                chunksOnEveryCore: false)
            for a in 0..<starts {
                #expect(one[a].labels == two[a].labels && one[a].sims == two[a].sims && one[a].score == two[a].score)
                let c = centroids[a]
                let norms = SphericalKMeans.rowNorms(c)
                var changed = 0, score = 0.0, worst = 0.0
                for i in 0..<n {
                    let dots = (0..<k).map { cl in (0..<d).reduce(0.0) { $0 + x[i, $1] * c[cl, $1] } }
                    let fit = (0..<k).map { dots[$0] - (normalized ? 0 : 0.5 * norms[$0] * norms[$0]) }
                    let best = fit.indices.max { fit[$0] < fit[$1] || (fit[$0] == fit[$1] && $0 > $1) } ?? 0
                    // Near-ties may resolve either way by rounding; elsewhere the label must match.
                    if fit.indices.allSatisfy({ $0 == best || fit[best] - fit[$0] > 1e-12 }) {
                        #expect(one[a].labels[i] == best, "row \(i), start \(a)")
                    }
                    let l = one[a].labels[i]
                    let sim = normalized ? dots[l] : dots[l] / norms[l]
                    worst = max(worst, abs(one[a].sims[i] - sim))
                    if l != previous[a][i] { changed += 1 }
                    score += fit[l]
                }
                #expect(worst < 1e-12, "similarities, start \(a)")
                #expect(one[a].changed == changed)
                #expect(abs(one[a].score - score) < 1e-9 * Double(n))
            }
        }
    }

    @Test("refined k-means ends at Lloyd's fixed point and is reproducible")
    func refinement() throws {
        let x = try Self.embeddings()
        var km = SphericalKMeans(k: 4, starts: 5, seed: 11)
        km.refinesWithMeans = true
        let refined = km.fit(x)
        let again = km.fit(x)
        #expect(refined.labels == again.labels && refined.similarities == again.similarities)
        #expect(Set(refined.labels).count == 4)
        #expect(refined.iterations < 2 * km.maxIterations)  // both phases converged
        // Every row is nearest (Euclidean) to the mean of its own cluster; similarities are cosines to it.
        let d = x.cols
        let means = clusterMeans(x, labels: refined.labels, k: 4)
        for i in 0..<x.rows {
            let dist = squaredDistances(x, row: i, to: means)
            #expect(dist[refined.labels[i]] <= (dist.min() ?? 0) + 1e-9, "row \(i)")
            let c = refined.labels[i]
            let norm = means[c].reduce(0) { $0 + $1 * $1 }.squareRoot()
            let cosine = (0..<d).reduce(0.0) { $0 + x[i, $1] * means[c][$1] } / norm
            #expect(abs(refined.similarities[i] - cosine) < 1e-9, "row \(i)")
        }
    }
}
