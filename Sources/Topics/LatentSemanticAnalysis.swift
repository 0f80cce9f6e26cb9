import LinearAlgebra

/// Latent semantic analysis: a rank-r truncated SVD `A ≈ U·Σ·Vᵀ` of the documents x terms TF-IDF matrix by
/// randomized subspace iteration, returning the document embeddings `U·Σ` (what scikit-learn's
/// `TruncatedSVD.fit_transform` returns), rows then re-normalised to unit length.
///
/// With `l = r + oversamples` and a seeded Gaussian `Ω` (terms x l):
/// 1. Range finding on the term side with power iterations: `Q ← Ω`, then `q` times
///    `Q ← qr(Aᵀ·A·Q)` (one fused sparse product, `SparseMatrix.gramMultiply`, when documents outnumber
///    terms four to one, else `Aᵀ·(A·Q)` through a transpose computed once; and one thin QR of a terms x l matrix).
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
        for _ in 0..<max(0, powerIterations) { q = try LAPACK.qr(gramTimes(q)).q }
        if powerIterations <= 0 { q = try LAPACK.qr(q).q }
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
