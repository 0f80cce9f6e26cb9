import LinearAlgebra

/// Latent semantic analysis: a rank-r truncated SVD `A ≈ U·Σ·Vᵀ` of the documents x terms TF-IDF matrix by
/// randomized subspace iteration, returning the document embeddings `U·Σ` (what scikit-learn's
/// `TruncatedSVD.fit_transform` returns), rows then re-normalised to unit length.
///
/// With `l = r + oversamples` and a seeded Gaussian `Ω` (terms x l):
/// 1. Range finding on the term side with power iterations: `Q ← Ω`, then `q` times
///    `Q ← qr(Aᵀ·(A·Q))` (two sparse x dense products and one thin QR of a terms x l matrix).
/// 2. `C = A·Q` (documents x l) holds the top singular directions of A: `A·Q·Qᵀ ≈ A`.
/// 3. A small dense SVD of the l x l Gram matrix `G = Cᵀ·C = W·Λ·Wᵀ` (gemm, then `dgesdd`):
///    the singular values of A are `√λ` and the embeddings `U·Σ = C·W` (gemm), the first r columns kept.
///
/// Design notes: QR-ing on the term side keeps every n x l² step in BLAS 3 (gemm) instead of LAPACK's QR,
/// which matters for a million comments; the Gram matrix squares the condition number, which only loses
/// components below ~1e-8 of the largest, far beyond the 100 kept. Flipping a component's sign changes no
/// cosine, so no sign convention is imposed. Complexity: O((2q + 1)·nnz·l + (n + m)·l²).
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
        // Aᵀ·Y: with many more documents than terms, scatter (streams Y once); otherwise gather through a transpose
        // computed once, whose random reads hit a Y small enough to stay in cache.
        let at: SparseMatrix? = a.rows > 4 * a.cols ? nil : a.transposed
        for _ in 0..<max(0, powerIterations) {
            let y = a.multiply(q)
            q = try LAPACK.qr(at?.multiply(y) ?? a.transposeMultiply(y)).q
        }
        if powerIterations <= 0 { q = try LAPACK.qr(q).q }
        let c = a.multiply(q)
        let gram = BLAS.gemm(c, .transpose, c, .none)
        let small = try LAPACK.svd(gram)
        let w = small.u.leadingColumns(r)
        var embeddings = BLAS.gemm(c, .none, w, .none)
        if normalizeRows { embeddings.normalizeRows() }
        let values = small.singularValues.prefix(r).map { max(0, $0).squareRoot() }
        return Result(embeddings: embeddings, singularValues: Array(values))
    }
}
