import LinearAlgebra
import Testing

@Suite("Sparse matrices")
struct SparseTests {
    /// A seeded sparse matrix with about `density` of its entries non-zero, and some empty rows.
    static func randomSparse(_ rows: Int, _ cols: Int, density: Double, seed: UInt64) -> Matrix {
        var rng = SeededGenerator(seed: seed)
        return Matrix(rows: rows, cols: cols) { i, _ in
            let keep = rng.nextUnit() < density && i % 5 != 4
            let v = rng.nextUnit() - 0.5
            return keep ? v : 0
        }
    }

    @Test("sparse x dense equals dense x dense on awkward shapes")
    func product() {
        for (index, (m, k, n)) in productShapes.enumerated() {
            let dense = Self.randomSparse(m, k, density: 0.3, seed: UInt64(400 + index))
            let b = randomMatrix(k, n, seed: UInt64(500 + index))
            let sparse = SparseMatrix(dense)
            expectClose(sparse.multiply(b), naiveProduct(dense, false, b, false), tolerance: 1e-13, "A·B \(m)x\(k)x\(n)")
            let c = randomMatrix(m, n, seed: UInt64(600 + index))
            expectClose(sparse.transposeMultiply(c), naiveProduct(dense, true, c, false), tolerance: 1e-13, "Aᵀ·C \(m)x\(k)x\(n)")
        }
    }

    @Test("the fused Aᵀ·(A·B) equals the two dense products, and is identical on repeat")
    func gramProduct() {
        for (index, (m, k, n)) in productShapes.enumerated() {
            let dense = Self.randomSparse(m, k, density: 0.3, seed: UInt64(700 + index))
            let b = randomMatrix(k, n, seed: UInt64(800 + index))
            let expected = naiveProduct(dense, true, naiveProduct(dense, false, b, false), false)
            expectClose(SparseMatrix(dense).gramMultiply(b), expected, tolerance: 1e-12, "Aᵀ·A·B \(m)x\(k)x\(n)")
        }
        let sparse = SparseMatrix(Self.randomSparse(1000, 50, density: 0.1, seed: 9))
        let b = randomMatrix(50, 9, seed: 10)
        let first = sparse.gramMultiply(b)
        for _ in 0..<3 { #expect(sparse.gramMultiply(b).storage == first.storage) }
    }

    @Test("a product over many row blocks is identical on repeat (parallel but deterministic)")
    func deterministic() {
        let dense = Self.randomSparse(1000, 50, density: 0.1, seed: 1)
        let sparse = SparseMatrix(dense)
        let b = randomMatrix(50, 9, seed: 2)
        let first = sparse.multiply(b)
        for _ in 0..<3 { #expect(sparse.multiply(b).storage == first.storage) }
        expectClose(first, naiveProduct(dense, false, b, false), tolerance: 1e-13, "large A·B")
    }

    @Test("transpose, dense round trip, index sorting and row selection")
    func structure() {
        let dense = Self.randomSparse(13, 8, density: 0.4, seed: 3)
        let s = SparseMatrix(dense)
        #expect(s.dense == dense)
        #expect(s.transposed.dense == dense.transposed)
        #expect(s.transposed.transposed == s)
        let shuffled = SparseMatrix(rows: 1, cols: 4, rowStart: [0, 3], columnIndices: [3, 0, 2], values: [1, 2, 3])
        let sorted = shuffled.sortedIndices()
        #expect(sorted.columnIndices == [0, 2, 3] && sorted.values == [2, 3, 1])
        let picked = s.selectingRows([12, 0])
        #expect(picked.dense.row(0) == dense.row(12) && picked.dense.row(1) == dense.row(0))
    }
}
