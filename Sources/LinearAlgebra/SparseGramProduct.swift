import CLinearAlgebra

/// Asks for the cache lines of `width` doubles from `read` (to be read) and from `write` (to be updated).
@inline(__always) func prefetchRow(_ read: UnsafePointer<Double>, _ write: UnsafeMutablePointer<Double>?, width: Int) {
    var offset = 0
    while offset < width {
        threadlens_prefetch_read(read + offset)
        if let write { threadlens_prefetch_write(write + offset) }
        offset += 8
    }
    threadlens_prefetch_read(read + (width - 1))
    if let write { threadlens_prefetch_write(write + (width - 1)) }
}

extension SparseMatrix {
    /// `Aᵀ · (A · B)` for this sparse A (m x n) and a dense B (n x k), as a dense n x k matrix, without forming
    /// the m x k product `A · B`.
    ///
    /// Row by row: `yᵢ = aᵢ · B` (each stored entry adds a row of B, copied row-major once), then at once
    /// `out(c, :) += a(i, c) · yᵢ` for the same entries. With many more rows than columns (a million comments,
    /// fifty thousand terms) this skips writing, transposing and re-reading the m x k intermediate, which is
    /// the largest array of a randomized SVD; only B and the n x k result are touched at random.
    ///
    /// The rows are split into a fixed number of consecutive parts (independent of the machine), each adding
    /// into its own n x k buffer; the buffers are summed in part order, so the result is the same for any
    /// number of threads. Complexity: O(2 · nnz · k) work plus O(parts · n · k) for the buffers;
    /// B is taken in column panels of at most ~8 MB (A is read once per panel).
    public func gramMultiply(_ b: Matrix) -> Matrix {
        precondition(b.rows == cols, "sparse^T x sparse x dense: A is \(rows)x\(cols), B is \(b.rows)x\(b.cols)")
        let n = cols, k = b.cols, m = rows
        if n == 0 || k == 0 || m == 0 { return Matrix(rows: n, cols: k) }
        // Column panels of B small enough that the panel and the parts' buffers, all read at random, stay in
        // cache (each panel is an independent Aᵀ·(A·B_panel)); at most 4 parts, at most ~1 GB of buffers.
        let panel = max(8, min(k, (1 << 20) / max(1, n)))  // 2^20 doubles = 8 MB per panel
        let parts = max(1, min(4, m, (1 << 27) / max(1, n * panel)))
        let rowStart = self.rowStart, columnIndices = self.columnIndices, values = self.values
        var out = Matrix(rows: n, cols: k)
        for j0 in stride(from: 0, to: k, by: panel) {
            let w = min(panel, k - j0)
            let bPanel = b.rowMajorPanel(columns: j0..<(j0 + w))  // element (c, j) at c * w + j
            let partials: [[Double]] = Parallel.mapChunks(count: parts, chunkSize: 1) { range in
                let part = range.lowerBound
                let first = part * m / parts, last = (part + 1) * m / parts
                var acc = [Double](repeating: 0, count: n * w)  // row-major n x w
                var y = [Double](repeating: 0, count: w)
                acc.withUnsafeMutableBufferPointer { pa in
                    y.withUnsafeMutableBufferPointer { py in
                        bPanel.withUnsafeBufferPointer { pb in
                            rowStart.withUnsafeBufferPointer { ps in
                                columnIndices.withUnsafeBufferPointer { pc in
                                    values.withUnsafeBufferPointer { pv in
                                        guard let accBase = pa.baseAddress, let yBase = py.baseAddress,
                                              let bBase = pb.baseAddress else { return }
                                        for i in first..<last {
                                            let s = ps[i], e = ps[i + 1]
                                            if s == e { continue }
                                            // The next row's rows of B and of the buffer, fetched ahead.
                                            if i + 1 < last {
                                                for p in ps[i + 1]..<ps[i + 2] {
                                                    let offset = Int(pc[p]) * w
                                                    prefetchRow(bBase + offset, accBase + offset, width: w)
                                                }
                                            }
                                            for j in 0..<w { yBase[j] = 0 }
                                            // Pointer arithmetic (no overflow checks) lets the compiler vectorise.
                                            for p in s..<e {
                                                let v = pv[p]
                                                let bRow = bBase + Int(pc[p]) * w
                                                for j in 0..<w { yBase[j] += v * bRow[j] }
                                            }
                                            for p in s..<e {
                                                let v = pv[p]
                                                let outRow = accBase + Int(pc[p]) * w
                                                for j in 0..<w { outRow[j] += v * yBase[j] }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                return acc
            }
            let sum = Parallel.sumInOrder(partials)
            for c in 0..<n {
                for j in 0..<w { out.storage[c + (j0 + j) * n] = sum[c * w + j] }
            }
        }
        return out
    }
}
