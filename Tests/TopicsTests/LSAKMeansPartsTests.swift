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
                expectAllClose((0..<x.cols).map { sums[u * k + c, $0] }, expected, tolerance: 1e-12,
                               "labelling \(u), cluster \(c)")
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
        var means = [[Double]](repeating: [Double](repeating: 0, count: d), count: 4)
        var size = [Double](repeating: 0, count: 4)
        for i in 0..<x.rows {
            size[refined.labels[i]] += 1
            for j in 0..<d { means[refined.labels[i]][j] += x[i, j] }
        }
        for c in 0..<4 { for j in 0..<d { means[c][j] /= size[c] } }
        for i in 0..<x.rows {
            let dist = (0..<4).map { c in (0..<d).reduce(0.0) { $0 + (x[i, $1] - means[c][$1]) * (x[i, $1] - means[c][$1]) } }
            #expect(dist[refined.labels[i]] <= (dist.min() ?? 0) + 1e-9, "row \(i)")
            let c = refined.labels[i]
            let norm = means[c].reduce(0) { $0 + $1 * $1 }.squareRoot()
            let cosine = (0..<d).reduce(0.0) { $0 + x[i, $1] * means[c][$1] } / norm
            #expect(abs(refined.similarities[i] - cosine) < 1e-9, "row \(i)")
        }
    }
}
