import Foundation
import LinearAlgebra
import Testing

@Suite("BLAS wrappers against naive loops")
struct BLASTests {
    @Test("gemm, every transpose combination and awkward shape", arguments: [false, true], [false, true])
    func gemm(_ ta: Bool, _ tb: Bool) {
        for (index, (m, k, n)) in productShapes.enumerated() {
            let a0 = randomMatrix(m, k, seed: UInt64(10 + index))
            let b0 = randomMatrix(k, n, seed: UInt64(20 + index))
            let a = ta ? a0.transposed : a0
            let b = tb ? b0.transposed : b0
            let got = BLAS.gemm(a, ta ? .transpose : .none, b, tb ? .transpose : .none)
            expectClose(got, naiveProduct(a, ta, b, tb), tolerance: 1e-12, "gemm \(m)x\(k)x\(n) ta=\(ta) tb=\(tb)")
        }
    }

    @Test("gemm accumulates with alpha and beta")
    func gemmAlphaBeta() {
        let a = randomMatrix(3, 7, seed: 1), b = randomMatrix(7, 5, seed: 2)
        var c = randomMatrix(3, 5, seed: 3)
        let c0 = c
        BLAS.gemm(a, .none, b, .none, alpha: 2, beta: -0.5, into: &c)
        let ab = naiveProduct(a, false, b, false)
        let expected = Matrix(rows: 3, cols: 5) { i, j in 2 * ab[i, j] - 0.5 * c0[i, j] }
        expectClose(c, expected, tolerance: 1e-12, "gemm alpha/beta")
    }

    @Test("gemmRows: a block of A's rows times Bᵀ, written with its own leading dimension")
    func gemmRows() {
        let a = randomMatrix(37, 9, seed: 31), b = randomMatrix(5, 9, seed: 32)
        let full = naiveProduct(a, false, b, true)
        for rows in [0..<37, 3..<20, 36..<37, 10..<10] {
            var out = [Double](repeating: .nan, count: 37 * 5)
            BLAS.gemmRows(a, rows, b, into: &out)
            let m = rows.count
            let expected = (0..<5).flatMap { j in rows.map { full[$0, j] } }
            expectClose(Array(out.prefix(m * 5)), expected, tolerance: 1e-12, "rows \(rows)")
        }
    }

    @Test("gemv, plain and transposed", arguments: [false, true])
    func gemv(_ trans: Bool) {
        for (m, n) in [(1, 1), (3, 7), (64, 33)] {
            let a = randomMatrix(m, n, seed: 5)
            var rng = SeededGenerator(seed: 6)
            let x = (0..<(trans ? m : n)).map { _ in rng.nextUnit() }
            let got = BLAS.gemv(a, trans ? .transpose : .none, x)
            let xm = Matrix(rows: x.count, cols: 1, columnMajor: x)
            let expected = naiveProduct(a, trans, xm, false).storage
            expectClose(got, expected, tolerance: 1e-12, "gemv \(m)x\(n) trans=\(trans)")
        }
    }

    @Test("dot, nrm2, axpy, scal")
    func level1() {
        for n in [1, 7, 33, 1000] {
            var rng = SeededGenerator(seed: UInt64(n))
            let x = (0..<n).map { _ in rng.nextUnit() - 0.5 }
            let y = (0..<n).map { _ in rng.nextUnit() - 0.5 }
            let naiveDot = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
            expectClose([BLAS.dot(x, y)], [naiveDot], tolerance: 1e-12, "dot n=\(n)")
            let naiveNorm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
            expectClose([BLAS.nrm2(x)], [naiveNorm], tolerance: 1e-12, "nrm2 n=\(n)")
            var z = y
            BLAS.axpy(-1.5, x, &z)
            expectClose(z, zip(x, y).map { -1.5 * $0 + $1 }, tolerance: 1e-14, "axpy n=\(n)")
            var s = x
            BLAS.scal(3, &s)
            expectClose(s, x.map { 3 * $0 }, tolerance: 1e-15, "scal n=\(n)")
        }
    }

    @Test("nrm2 does not overflow where the naive sum would")
    func nrm2Overflow() {
        let x = [1e200, 1e200]
        expectClose([BLAS.nrm2(x) / 1e200], [(2.0).squareRoot()], tolerance: 1e-14, "nrm2 large")
    }

    @Test("BLASInfo names a loaded library and a thread count")
    func info() {
        let info = BLASInfo.current()
        #expect(!info.libraries.isEmpty, "no BLAS library found in /proc/self/maps")
        #expect(info.threads >= 1)
        #expect(["OpenBLAS", "reference", "unknown"].contains(info.implementation))
        // Set by the script that runs this suite against each library (see docs/linear-algebra.md).
        if let expected = ProcessInfo.processInfo.environment["THREADLENS_EXPECT_BLAS"] {
            #expect(info.implementation == expected, "loaded: \(info.summary)")
        }
    }
}
