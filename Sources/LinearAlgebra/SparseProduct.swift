import Dispatch

extension SparseMatrix {
    /// `A · B` for this sparse A (m x n) and a dense B (n x k), as a dense m x k matrix.
    ///
    /// Written natively (CBLAS has no sparse routines) and parallel over blocks of rows with
    /// `DispatchQueue.concurrentPerform`. B is first copied row-major so that each stored entry
    /// a(i, c) adds a contiguous row of B: `out(i, :) += a(i, c) · B(c, :)`. Every output row is summed
    /// by one thread in storage order, so the result does not depend on the thread count.
    /// Complexity: O(nnz · k) work plus O(n · k) for the copy.
    public func multiply(_ b: Matrix) -> Matrix {
        precondition(b.rows == cols, "sparse x dense: A is \(rows)x\(cols), B is \(b.rows)x\(b.cols)")
        let m = rows, k = b.cols
        var out = Matrix(rows: m, cols: k)
        if m == 0 || k == 0 { return out }
        let bRowMajor = b.transposed.storage  // element (c, j) at c * k + j
        let block = 64
        let blocks = (m + block - 1) / block
        let rowStart = self.rowStart, columnIndices = self.columnIndices, values = self.values
        out.storage.withUnsafeMutableBufferPointer { po in
            guard let outBase = po.baseAddress else { return }
            bRowMajor.withUnsafeBufferPointer { pb in
                rowStart.withUnsafeBufferPointer { ps in
                    columnIndices.withUnsafeBufferPointer { pc in
                        values.withUnsafeBufferPointer { pv in
                            let shared = SharedBuffers(out: outBase, b: pb, start: ps, index: pc, value: pv)
                            DispatchQueue.concurrentPerform(iterations: blocks) { blockIndex in
                                let pb = shared.b, ps = shared.start, pc = shared.index, pv = shared.value
                                let first = blockIndex * block
                                let last = min(m, first + block)
                                let height = last - first
                                var local = [Double](repeating: 0, count: height * k)
                                local.withUnsafeMutableBufferPointer { pl in
                                    guard let localBase = pl.baseAddress, let bBase = pb.baseAddress else { return }
                                    for r in 0..<height {
                                        let i = first + r
                                        let rowOut = localBase + r * k
                                        for p in ps[i]..<ps[i + 1] {
                                            let a = pv[p]
                                            let bRow = bBase + Int(pc[p]) * k
                                            // Pointer arithmetic (no overflow checks) lets the compiler vectorise.
                                            for j in 0..<k { rowOut[j] += a * bRow[j] }
                                        }
                                    }
                                    for j in 0..<k {
                                        let col = shared.out + j * m + first
                                        for r in 0..<height { col[r] = localBase[r * k + j] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// `Aᵀ · B` for this sparse A (m x n) and a dense B (m x k), as a dense n x k matrix.
    ///
    /// Transposes A first (a counting sort) and then multiplies row-parallel; pass a precomputed
    /// transpose to `multiply` directly when the product is repeated.
    public func transposeMultiply(_ b: Matrix) -> Matrix {
        precondition(b.rows == rows, "sparse^T x dense: A is \(rows)x\(cols), B is \(b.rows)x\(b.cols)")
        return transposed.multiply(b)
    }
}

/// The buffers one sparse product shares between worker threads. Safe to send: inputs are only read,
/// and each worker writes a disjoint block of output rows.
private struct SharedBuffers: @unchecked Sendable {
    let out: UnsafeMutablePointer<Double>
    let b: UnsafeBufferPointer<Double>
    let start: UnsafeBufferPointer<Int>
    let index: UnsafeBufferPointer<Int32>
    let value: UnsafeBufferPointer<Double>
}
