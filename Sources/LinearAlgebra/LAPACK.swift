import CLinearAlgebra

/// A LAPACK routine reported failure through its `info` argument.
///
/// `info < 0`: argument number `-info` was illegal (for the matrix argument this also covers NaN or
/// infinite input, which the wrappers check before calling, as `dgesdd` itself does).
/// `info > 0`: the algorithm failed on this data (no convergence, an internal error).
public struct LAPACKError: Error, Sendable, Hashable, CustomStringConvertible {
    public var routine: String
    public var info: Int
    public var detail: String

    public init(routine: String, info: Int, detail: String = "") {
        self.routine = routine
        self.info = info
        self.detail = detail
    }

    public var description: String {
        "LAPACK \(routine) failed with info = \(info)" + (detail.isEmpty ? "" : ": \(detail)")
    }
}

/// Dense factorisations through LAPACK. Each call queries its workspace first (`lwork = -1`), works
/// on a copy of its input, and throws `LAPACKError` on `info != 0`; it never asserts on `info`.
public enum LAPACK {
    /// Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix.
    public struct SymmetricEigen: Sendable {
        public var values: [Double]
        public var vectors: Matrix
    }

    /// A thin SVD `A = U · diag(S) · Vt` with `U` m x r, `S` descending of length r, `Vt` r x n, r = min(m, n).
    public struct SVD: Sendable {
        public var u: Matrix
        public var singularValues: [Double]
        public var vt: Matrix
    }

    /// A thin QR factorisation `A = Q · R` with `Q` m x r (orthonormal columns) and `R` r x n upper trapezoidal.
    public struct QR: Sendable {
        public var q: Matrix
        public var r: Matrix
    }

    static func int(_ n: Int) -> Int32 { BLAS.i32(n) }

    static func checkFinite(_ a: Matrix, routine: String, argument: Int) throws {
        if a.storage.contains(where: { !$0.isFinite }) {
            throw LAPACKError(routine: routine, info: -argument, detail: "the matrix contains NaN or infinity")
        }
    }

    /// Eigen-decomposition of a symmetric matrix by `dsyevr` (relatively robust representations).
    ///
    /// Only the lower triangle is read. `indices`, 0-based and ascending, selects a range of eigenpairs
    /// (e.g. the top k are `n-k...n-1`); nil computes all of them. Complexity O(n³).
    public static func symmetricEigen(_ a: Matrix, indices: ClosedRange<Int>? = nil) throws -> SymmetricEigen {
        precondition(a.rows == a.cols, "symmetricEigen: matrix is \(a.rows)x\(a.cols), not square")
        let n = a.rows
        if let r = indices { precondition(r.lowerBound >= 0 && r.upperBound < n, "symmetricEigen: indices \(r) out of 0..<\(n)") }
        if n == 0 { return SymmetricEigen(values: [], vectors: Matrix(rows: 0, cols: 0)) }
        try checkFinite(a, routine: "dsyevr", argument: 5)
        var work = a.storage
        var jobz: CChar = 86 /* V */, range: CChar = indices == nil ? 65 /* A */ : 73 /* I */, uplo: CChar = 76 /* L */
        var nn = int(n), lda = int(n), ldz = int(n)
        var vl = 0.0, vu = 0.0
        var il = int((indices?.lowerBound ?? 0) + 1), iu = int((indices?.upperBound ?? (n - 1)) + 1)
        var safeMin: CChar = 83 /* S */
        var abstol = dlamch_(&safeMin, 1)
        var m: Int32 = 0
        let count = indices.map { $0.count } ?? n
        var w = [Double](repeating: 0, count: n)
        var z = [Double](repeating: 0, count: n * max(1, count))
        var isuppz = [Int32](repeating: 0, count: 2 * max(1, count))
        var info: Int32 = 0
        var lwork: Int32 = -1, liwork: Int32 = -1
        var wq = [Double](repeating: 0, count: 1)
        var iwq = [Int32](repeating: 0, count: 1)
        dsyevr_(&jobz, &range, &uplo, &nn, &work, &lda, &vl, &vu, &il, &iu, &abstol, &m, &w, &z, &ldz, &isuppz,
                &wq, &lwork, &iwq, &liwork, &info, 1, 1, 1)
        if info != 0 { throw LAPACKError(routine: "dsyevr", info: Int(info), detail: "workspace query") }
        lwork = int(Int(wq[0].rounded(.up)))
        liwork = iwq[0]
        var ws = [Double](repeating: 0, count: Int(lwork))
        var iws = [Int32](repeating: 0, count: Int(liwork))
        dsyevr_(&jobz, &range, &uplo, &nn, &work, &lda, &vl, &vu, &il, &iu, &abstol, &m, &w, &z, &ldz, &isuppz,
                &ws, &lwork, &iws, &liwork, &info, 1, 1, 1)
        if info != 0 { throw LAPACKError(routine: "dsyevr", info: Int(info)) }
        let found = Int(m)
        return SymmetricEigen(values: Array(w[0..<found]),
                              vectors: Matrix(rows: n, cols: found, columnMajor: Array(z[0..<(n * found)])))
    }

    /// Thin singular value decomposition by `dgesdd` (divide and conquer, `jobz = 'S'`). Complexity O(m·n·min(m, n)).
    public static func svd(_ a: Matrix) throws -> SVD {
        let m = a.rows, n = a.cols, r = min(m, n)
        if r == 0 {
            return SVD(u: Matrix(rows: m, cols: 0), singularValues: [], vt: Matrix(rows: 0, cols: n))
        }
        try checkFinite(a, routine: "dgesdd", argument: 4)
        var work = a.storage
        var jobz: CChar = 83 /* S */
        var mm = int(m), nn = int(n), lda = int(m), ldu = int(m), ldvt = int(r)
        var s = [Double](repeating: 0, count: r)
        var u = [Double](repeating: 0, count: m * r)
        var vt = [Double](repeating: 0, count: r * n)
        var iwork = [Int32](repeating: 0, count: 8 * r)
        var info: Int32 = 0
        var lwork: Int32 = -1
        var wq = [Double](repeating: 0, count: 1)
        dgesdd_(&jobz, &mm, &nn, &work, &lda, &s, &u, &ldu, &vt, &ldvt, &wq, &lwork, &iwork, &info, 1)
        if info != 0 { throw LAPACKError(routine: "dgesdd", info: Int(info), detail: "workspace query") }
        lwork = int(Int(wq[0].rounded(.up)))
        var ws = [Double](repeating: 0, count: Int(lwork))
        dgesdd_(&jobz, &mm, &nn, &work, &lda, &s, &u, &ldu, &vt, &ldvt, &ws, &lwork, &iwork, &info, 1)
        if info != 0 { throw LAPACKError(routine: "dgesdd", info: Int(info)) }
        return SVD(u: Matrix(rows: m, cols: r, columnMajor: u), singularValues: s,
                   vt: Matrix(rows: r, cols: n, columnMajor: vt))
    }

    /// Thin QR factorisation by `dgeqrf` (Householder) then `dorgqr` (the explicit Q). Complexity O(m·n²).
    public static func qr(_ a: Matrix) throws -> QR {
        let m = a.rows, n = a.cols, r = min(m, n)
        if r == 0 { return QR(q: Matrix(rows: m, cols: 0), r: Matrix(rows: 0, cols: n)) }
        try checkFinite(a, routine: "dgeqrf", argument: 4)
        var fact = a.storage
        var mm = int(m), nn = int(n), lda = int(m), kk = int(r), rr = int(r)
        var tau = [Double](repeating: 0, count: r)
        var info: Int32 = 0
        var lwork: Int32 = -1
        var wq = [Double](repeating: 0, count: 1)
        dgeqrf_(&mm, &nn, &fact, &lda, &tau, &wq, &lwork, &info)
        if info != 0 { throw LAPACKError(routine: "dgeqrf", info: Int(info), detail: "workspace query") }
        lwork = int(max(1, Int(wq[0].rounded(.up))))
        var ws = [Double](repeating: 0, count: Int(lwork))
        dgeqrf_(&mm, &nn, &fact, &lda, &tau, &ws, &lwork, &info)
        if info != 0 { throw LAPACKError(routine: "dgeqrf", info: Int(info)) }
        // R: the upper trapezoid of the first r rows.
        var rMatrix = Matrix(rows: r, cols: n)
        for j in 0..<n { for i in 0...min(j, r - 1) { rMatrix.storage[i + j * r] = fact[i + j * m] } }
        // Q: dorgqr overwrites the first r columns of the factored matrix with Q's.
        var q = Array(fact[0..<(m * r)])
        lwork = -1
        dorgqr_(&mm, &rr, &kk, &q, &lda, &tau, &wq, &lwork, &info)
        if info != 0 { throw LAPACKError(routine: "dorgqr", info: Int(info), detail: "workspace query") }
        lwork = int(max(1, Int(wq[0].rounded(.up))))
        ws = [Double](repeating: 0, count: Int(lwork))
        dorgqr_(&mm, &rr, &kk, &q, &lda, &tau, &ws, &lwork, &info)
        if info != 0 { throw LAPACKError(routine: "dorgqr", info: Int(info)) }
        return QR(q: Matrix(rows: m, cols: r, columnMajor: q), r: rMatrix)
    }
}
