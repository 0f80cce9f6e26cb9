import LinearAlgebra

/// Latent semantic analysis: a rank-r truncated SVD `A ≈ U·Σ·Vᵀ` of the documents x terms TF-IDF matrix by
/// randomized subspace iteration, returning the document embeddings `U·Σ` (what scikit-learn's
/// `TruncatedSVD.fit_transform` returns), rows then re-normalised to unit length.
///
/// With `l = r + oversamples` and a seeded Gaussian `Ω` (terms x l):
/// 1. Range finding on the term side with power iterations: `Q ← Ω`, then `q` times
///    `Q ← orth(Aᵀ·A·Q)` (one fused sparse product, `SparseMatrix.gramMultiply`, when documents outnumber
///    terms four to one, else `Aᵀ·(A·Q)` through a transpose computed once; then an orthonormal basis of the
///    terms x l result by `orthonormalBasis`).
/// 2. `C = A·Q` (documents x l) holds the top singular directions of A: `A·Q·Qᵀ ≈ A`. C itself is never
///    formed: its Gram matrix is `G = Cᵀ·C = Qᵀ·(Aᵀ·A·Q)` (one more fused product and a small gemm).
/// 3. A small dense SVD `G = W·Λ·Wᵀ` (`dgesdd`): the singular values of A are `√λ` and the embeddings
///    `U·Σ = C·W = A·(Q·W)`, the first r columns of W kept, so the last sparse product writes r columns.
///
/// Design notes: QR-ing on the term side keeps every n x l² step out of the documents' side, which matters
/// for a million comments; so does never materialising the documents x l matrices `A·Q` (880 MB there):
/// the fused `Aᵀ·(A·Q)` works row by row. The Gram matrix squares the condition number, which only loses
/// components below ~1e-8 of the largest, far beyond the 100 kept. Flipping a component's sign changes no
/// cosine, so no sign convention is imposed. Complexity: O(2(q + 1)·nnz·l + nnz·r + terms·l²).
public struct LatentSemanticAnalysis: Sendable {
    public var components: Int
    public var oversamples: Int
    public var powerIterations: Int
    public var seed: UInt64

    public init(components: Int = 100, oversamples: Int = 10, powerIterations: Int = 5, seed: UInt64 = 42) {
        self.components = components
        self.oversamples = oversamples
        self.powerIterations = powerIterations
        self.seed = seed
    }

    public struct Result: Sendable {
        /// Documents x r: `U·Σ`, rows re-normalised (zero rows stay zero).
        public var embeddings: Matrix
        /// The r leading singular values of A, descending.
        public var singularValues: [Double]
    }

    /// An orthonormal basis of the columns of `y` (terms x l, full column rank in practice) by SVQR
    /// (Stathopoulos and Wu, 2002): with the small Gram matrix `YᵀY = V·Λ·Vᵀ` (its SVD), `Y·V·Λ^(-1/2)` has orthonormal
    /// columns up to rounding of about ε·λmax/λmin (the Gram matrix squares Y's condition number). One pass
    /// when that is below 1e-10 (λmax/λmin ≤ 1e6), else a second pass on the first's result, which is then
    /// well conditioned. Two gemms and a l x l eigenproblem per pass, all at BLAS-3 speed, where Householder
    /// QR (`dgeqrf` + `dorgqr`) spends most of its time in rank-1 updates of the tall panel: on 20,000 terms
    /// and l = 110 that was half of the LSA. A nearly rank-deficient Y (λmin under 1e-12·λmax, condition
    /// number above 1e6) goes to Householder QR, which copes with it.
    static func orthonormalBasis(_ y: Matrix) throws -> Matrix {
        var q = y
        for pass in 0..<2 {
            let l = q.cols
            let gram = BLAS.gemm(q, .transpose, q, .none)
            // The Gram matrix is symmetric positive semi-definite: its SVD is its eigendecomposition. (`dgesdd`
            // rather than `dsyevr`: the same bits with 1 or 2 OpenBLAS threads, which the test checks.)
            let eigen = try LAPACK.svd(Matrix(rows: l, cols: l) { i, j in
                0.5 * (gram.storage[i + j * l] + gram.storage[j + i * l])
            })
            guard let largest = eigen.singularValues.first, let smallest = eigen.singularValues.last, largest > 0,
                  smallest > 1e-12 * largest else { return try LAPACK.qr(y).q }
            let scale = eigen.singularValues.map { 1 / $0.squareRoot() }
            let w = Matrix(rows: l, cols: l) { i, j in eigen.u.storage[i + j * l] * scale[j] }
            q = BLAS.gemm(q, .none, w, .none)
            if pass == 0 && smallest >= 1e-6 * largest { break }
        }
        return q
    }

    /// The truncated SVD. r is `min(components, documents, terms)`.
    /// - Throws: `LAPACKError` if a factorisation fails.
    public func fit(_ a: SparseMatrix, normalizeRows: Bool = true) throws -> Result {
        let r = max(0, min(components, a.rows, a.cols))
        let l = min(r + max(0, oversamples), a.rows, a.cols)
        if r == 0 { return Result(embeddings: Matrix(rows: a.rows, cols: 0), singularValues: []) }
        var rng = SeededGenerator(seed: seed)
        var q = Matrix.gaussian(rows: a.cols, cols: l, using: &rng)
        // Aᵀ·A·Q: with many more documents than terms, fused (never forms the documents x l matrix A·Q);
        // otherwise A·Q is small, and Aᵀ·(A·Q) gathers through a transpose computed once.
        let at: SparseMatrix? = a.rows > 4 * a.cols ? nil : a.transposed
        func gramTimes(_ q: Matrix) -> Matrix { at.map { $0.multiply(a.multiply(q)) } ?? a.gramMultiply(q) }
        for _ in 0..<max(0, powerIterations) { q = try Self.orthonormalBasis(gramTimes(q)) }
        if powerIterations <= 0 { q = try Self.orthonormalBasis(q) }
        // Cᵀ·C for C = A·Q, without C: Qᵀ·(Aᵀ·A·Q), symmetrised against rounding.
        let g = BLAS.gemm(q, .transpose, gramTimes(q), .none)
        let gram = Matrix(rows: l, cols: l) { i, j in 0.5 * (g.storage[i + j * l] + g.storage[j + i * l]) }
        let small = try LAPACK.svd(gram)
        // U·Σ = C·W = A·(Q·W): the small product first, then one sparse product straight to r columns.
        var embeddings = a.multiply(BLAS.gemm(q, .none, small.u.leadingColumns(r), .none))
        if normalizeRows { embeddings.normalizeRows() }
        let values = small.singularValues.prefix(r).map { max(0, $0).squareRoot() }
        return Result(embeddings: embeddings, singularValues: Array(values))
    }
}
