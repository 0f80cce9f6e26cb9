import LinearAlgebra
import Testing

@Suite("LAPACK wrappers")
struct LAPACKTests {
    static let shapes: [(Int, Int)] = [(1, 1), (3, 7), (7, 3), (64, 33), (33, 64)]

    @Test("thin SVD reconstructs its input, with orthonormal factors and descending values")
    func svd() throws {
        for (index, (m, n)) in Self.shapes.enumerated() {
            let a = randomMatrix(m, n, seed: UInt64(100 + index))
            let d = try LAPACK.svd(a)
            let r = min(m, n)
            #expect(d.u.rows == m && d.u.cols == r && d.vt.rows == r && d.vt.cols == n)
            let us = Matrix(rows: m, cols: r) { i, j in d.u[i, j] * d.singularValues[j] }
            expectClose(naiveProduct(us, false, d.vt, false), a, tolerance: 1e-12, "U S Vt \(m)x\(n)")
            expectClose(naiveProduct(d.u, true, d.u, false), .identity(r), tolerance: 1e-12, "UᵀU \(m)x\(n)")
            expectClose(naiveProduct(d.vt, false, d.vt, true), .identity(r), tolerance: 1e-12, "V Vᵀ \(m)x\(n)")
            #expect(zip(d.singularValues, d.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
            #expect(d.singularValues.allSatisfy { $0 >= 0 })
        }
    }

    @Test("symmetric eigen: A·v = λ·v, ascending values, orthonormal vectors")
    func eigen() throws {
        for n in [1, 3, 7, 33] {
            let b = randomMatrix(n, n, seed: UInt64(200 + n))
            let a = naiveProduct(b, false, b, true)  // symmetric positive semi-definite
            let e = try LAPACK.symmetricEigen(a)
            #expect(e.values.count == n)
            #expect(zip(e.values, e.values.dropFirst()).allSatisfy { $0 <= $1 })
            let av = naiveProduct(a, false, e.vectors, false)
            let vl = Matrix(rows: n, cols: n) { i, j in e.vectors[i, j] * e.values[j] }
            expectClose(av, vl, tolerance: 1e-11, "A v = λ v n=\(n)")
            expectClose(naiveProduct(e.vectors, true, e.vectors, false), .identity(n), tolerance: 1e-12, "VᵀV n=\(n)")
        }
    }

    @Test("symmetric eigen by index range gives the top pairs of the full solve")
    func eigenRange() throws {
        let b = randomMatrix(20, 20, seed: 7)
        let a = naiveProduct(b, true, b, false)
        let all = try LAPACK.symmetricEigen(a)
        let top = try LAPACK.symmetricEigen(a, indices: 17...19)
        expectClose(top.values, Array(all.values[17...19]), tolerance: 1e-12, "top eigenvalues")
        for j in 0..<3 {
            // Eigenvectors are defined up to sign.
            let v = top.vectors.column(j), w = all.vectors.column(17 + j)
            let sign = BLAS.dot(v, w) < 0 ? -1.0 : 1.0
            expectClose(v.map { $0 * sign }, w, tolerance: 1e-9, "top eigenvector \(j)")
        }
    }

    @Test("QR: Q has orthonormal columns, R is upper triangular, Q·R = A")
    func qr() throws {
        for (index, (m, n)) in Self.shapes.enumerated() {
            let a = randomMatrix(m, n, seed: UInt64(300 + index))
            let f = try LAPACK.qr(a)
            let r = min(m, n)
            #expect(f.q.rows == m && f.q.cols == r && f.r.rows == r && f.r.cols == n)
            expectClose(naiveProduct(f.q, false, f.r, false), a, tolerance: 1e-12, "QR \(m)x\(n)")
            expectClose(naiveProduct(f.q, true, f.q, false), .identity(r), tolerance: 1e-12, "QᵀQ \(m)x\(n)")
            for j in 0..<n { for i in 0..<r where i > j { #expect(f.r[i, j] == 0) } }
        }
    }

    @Test("NaN input throws LAPACKError naming the routine, for every wrapper")
    func nanThrows() {
        var a = randomMatrix(4, 4, seed: 9)
        a[2, 1] = .nan
        let sym = naiveProduct(a, false, a, true)
        #expect(throws: LAPACKError.self) { try LAPACK.svd(a) }
        #expect(throws: LAPACKError.self) { try LAPACK.qr(a) }
        #expect(throws: LAPACKError.self) { try LAPACK.symmetricEigen(sym) }
        do {
            _ = try LAPACK.svd(a)
        } catch let error as LAPACKError {
            #expect(error.routine == "dgesdd")
            #expect(error.info == -4)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("empty matrices give empty factorisations without calling LAPACK")
    func empty() throws {
        let a = Matrix(rows: 0, cols: 3)
        #expect(try LAPACK.svd(a).singularValues.isEmpty)
        #expect(try LAPACK.qr(a).q.cols == 0)
        #expect(try LAPACK.symmetricEigen(Matrix(rows: 0, cols: 0)).values.isEmpty)
    }
}
