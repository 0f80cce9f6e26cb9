import CLinearAlgebra

/// Level 1-3 BLAS on `Matrix` and `[Double]`, through CBLAS.
///
/// Shapes are checked with `precondition` (a mismatch is a bug in the caller, not bad data).
/// Dimensions must fit in `Int32` (CBLAS's `int`).
public enum BLAS {
    /// Whether an operand enters a product as is or transposed.
    public enum Transpose: Sendable {
        case none, transpose
        var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
    }

    @inline(__always) static func i32(_ n: Int) -> Int32 {
        precondition(n >= 0 && n <= Int(Int32.max), "BLAS: dimension \(n) does not fit a 32-bit int")
        return Int32(n)
    }

    /// `C ← alpha · op(A) · op(B) + beta · C` (dgemm).
    public static func gemm(_ a: Matrix, _ transA: Transpose = .none, _ b: Matrix, _ transB: Transpose = .none,
                            alpha: Double = 1, beta: Double = 0, into c: inout Matrix) {
        let (m, ka) = transA == .none ? (a.rows, a.cols) : (a.cols, a.rows)
        let (kb, n) = transB == .none ? (b.rows, b.cols) : (b.cols, b.rows)
        precondition(ka == kb, "gemm: inner dimensions \(ka) and \(kb) differ")
        precondition(c.rows == m && c.cols == n, "gemm: output is \(c.rows)x\(c.cols), expected \(m)x\(n)")
        if m == 0 || n == 0 { return }
        if ka == 0 {
            for i in c.storage.indices { c.storage[i] *= beta }
            return
        }
        let lda = max(1, a.rows), ldb = max(1, b.rows), ldc = max(1, m)
        let started = GemmCounter.start()
        defer { GemmCounter.stop(started, m: m, n: n, k: ka) }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(CblasColMajor, transA.cblas, transB.cblas, i32(m), i32(n), i32(ka), alpha,
                                pa.baseAddress, i32(lda), pb.baseAddress, i32(ldb), beta, pc.baseAddress, i32(ldc))
                }
            }
        }
    }

    /// `op(A) · op(B)` as a new matrix.
    public static func gemm(_ a: Matrix, _ transA: Transpose = .none, _ b: Matrix, _ transB: Transpose = .none,
                            alpha: Double = 1) -> Matrix {
        let m = transA == .none ? a.rows : a.cols
        let n = transB == .none ? b.cols : b.rows
        var c = Matrix(rows: m, cols: n)
        gemm(a, transA, b, transB, alpha: alpha, beta: 0, into: &c)
        return c
    }

    /// `A[rows, :] · Bᵀ` for a block of A's rows, written column-major (leading dimension `rows.count`) to
    /// the start of `out`: a product on a slice of A without copying it. `out` holds at least rows.count · B.rows.
    public static func gemmRows(_ a: Matrix, _ rows: Range<Int>, _ b: Matrix, into out: inout [Double]) {
        precondition(rows.lowerBound >= 0 && rows.upperBound <= a.rows, "gemmRows: rows \(rows) of \(a.rows)")
        precondition(a.cols == b.cols, "gemmRows: inner dimensions \(a.cols) and \(b.cols) differ")
        let m = rows.count, n = b.rows, k = a.cols
        precondition(out.count >= m * n, "gemmRows: output holds \(out.count), needs \(m * n)")
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in 0..<(m * n) { out[i] = 0 }
            return
        }
        let started = GemmCounter.start()
        defer { GemmCounter.stop(started, m: m, n: n, k: k) }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasTrans, i32(m), i32(n), i32(k), 1,
                                pa.baseAddress.map { $0 + rows.lowerBound }, i32(max(1, a.rows)),
                                pb.baseAddress, i32(max(1, b.rows)), 0, pc.baseAddress, i32(max(1, m)))
                }
            }
        }
    }

    /// `alpha · op(A) · x + beta · y` (dgemv).
    public static func gemv(_ a: Matrix, _ trans: Transpose = .none, _ x: [Double], alpha: Double = 1,
                            beta: Double = 0, y: [Double]? = nil) -> [Double] {
        let (m, n) = trans == .none ? (a.rows, a.cols) : (a.cols, a.rows)
        precondition(x.count == n, "gemv: x has \(x.count) elements, expected \(n)")
        var out = y ?? [Double](repeating: 0, count: m)
        precondition(out.count == m, "gemv: y has \(out.count) elements, expected \(m)")
        if m == 0 { return out }
        if n == 0 {
            for i in out.indices { out[i] *= beta }
            return out
        }
        out.withUnsafeMutableBufferPointer { py in
            cblas_dgemv(CblasColMajor, trans.cblas, i32(a.rows), i32(a.cols), alpha, a.storage, i32(max(1, a.rows)),
                        x, 1, beta, py.baseAddress, 1)
        }
        return out
    }

    /// Σ xᵢ·yᵢ (ddot).
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "dot: lengths \(x.count) and \(y.count) differ")
        return cblas_ddot(i32(x.count), x, 1, y, 1)
    }

    /// √(Σ xᵢ²), computed without overflow (dnrm2).
    public static func nrm2(_ x: [Double]) -> Double {
        cblas_dnrm2(i32(x.count), x, 1)
    }

    /// `y ← alpha · x + y` (daxpy).
    public static func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
        precondition(x.count == y.count, "axpy: lengths \(x.count) and \(y.count) differ")
        let n = i32(x.count)
        y.withUnsafeMutableBufferPointer { py in cblas_daxpy(n, alpha, x, 1, py.baseAddress, 1) }
    }

    /// `x ← alpha · x` (dscal).
    public static func scal(_ alpha: Double, _ x: inout [Double]) {
        let n = i32(x.count)
        x.withUnsafeMutableBufferPointer { px in cblas_dscal(n, alpha, px.baseAddress, 1) }
    }
}
