import Dispatch

extension SparseMatrix {
    /// `A · B` for this sparse A (m x n) and a dense B (n x k), as a dense m x k matrix.
    ///
    /// Written natively (CBLAS has no sparse routines) and parallel over blocks of 64 rows with
    /// `DispatchQueue.concurrentPerform`. B is copied row-major so that each stored entry a(i, c) adds a
    /// contiguous row of B: `out(i, :) += a(i, c) · B(c, :)`; when B is large it is taken in column panels of
    /// at most ~8 MB, so the rows that the entries pick at random stay in cache. Every output element is summed
    /// by one thread in storage order, so the result does not depend on the thread count.
    /// Complexity: O(nnz · k) work plus O(n · k) for the copies.
    public func multiply(_ b: Matrix) -> Matrix {
        precondition(b.rows == cols, "sparse x dense: A is \(rows)x\(cols), B is \(b.rows)x\(b.cols)")
        let m = rows, k = b.cols
        var out = Matrix(rows: m, cols: k)
        if m == 0 || k == 0 { return out }
        let panel = max(8, min(k, (1 << 20) / max(1, b.rows)))  // 2^20 doubles = 8 MB per panel
        let blocks = (m + 63) / 64
        let rowStart = self.rowStart, columnIndices = self.columnIndices, values = self.values
        for j0 in stride(from: 0, to: k, by: panel) {
            let width = min(panel, k - j0)
            let bPanel = b.rowMajorPanel(columns: j0..<(j0 + width))  // element (c, j) at c * width + j
            out.storage.withUnsafeMutableBufferPointer { po in
                guard let outBase = po.baseAddress else { return }
                bPanel.withUnsafeBufferPointer { pb in
                    rowStart.withUnsafeBufferPointer { ps in
                        columnIndices.withUnsafeBufferPointer { pc in
                            values.withUnsafeBufferPointer { pv in
                                let shared = SharedBuffers(out: outBase, b: pb, start: ps, index: pc, value: pv)
                                DispatchQueue.concurrentPerform(iterations: blocks) { blockIndex in
                                    shared.multiplyBlock(blockIndex, rows: m, width: width, outColumn: j0)
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
    /// Scatters instead of transposing A: the rows of A are split into a fixed number of consecutive parts
    /// (independent of the machine), each part adds `a(i, c) · B(i, :)` into its own n x k buffer while reading
    /// B's rows in order (a stream, not random access), and the parts are summed in order. Deterministic for
    /// any thread count. Complexity: O(nnz · k) work plus O(parts · n · k) for the buffers.
    public func transposeMultiply(_ b: Matrix) -> Matrix {
        precondition(b.rows == rows, "sparse^T x dense: A is \(rows)x\(cols), B is \(b.rows)x\(b.cols)")
        let n = cols, k = b.cols
        if n == 0 || k == 0 || rows == 0 { return Matrix(rows: n, cols: k) }
        // At most 4 parts, and at most ~1 GB of buffers (2^27 doubles) for very wide matrices.
        let parts = max(1, min(4, rows, (1 << 27) / max(1, n * k)))
        let bRowMajor = b.transposed.storage  // element (i, j) at i * k + j
        let m = rows
        let partials: [[Double]] = Parallel.mapChunks(count: parts, chunkSize: 1) { range in
            let part = range.lowerBound
            let first = part * m / parts, last = (part + 1) * m / parts
            var acc = [Double](repeating: 0, count: n * k)  // row-major n x k
            acc.withUnsafeMutableBufferPointer { pa in
                bRowMajor.withUnsafeBufferPointer { pb in
                    guard let aBase = pa.baseAddress, let bBase = pb.baseAddress else { return }
                    for i in first..<last {
                        let bRow = bBase + i * k
                        for p in rowStart[i]..<rowStart[i + 1] {
                            let v = values[p]
                            let outRow = aBase + Int(columnIndices[p]) * k
                            for j in 0..<k { outRow[j] += v * bRow[j] }
                        }
                    }
                }
            }
            return acc
        }
        let sum = Parallel.sumInOrder(partials)
        return Matrix(rows: k, cols: n, columnMajor: sum).transposed
    }
}

extension Matrix {
    /// Columns `range` copied row-major: element (i, j - range.lowerBound) at `i * range.count + (j - lowerBound)`.
    func rowMajorPanel(columns range: Range<Int>) -> [Double] {
        if range == 0..<cols { return transposed.storage }
        return Matrix(rows: rows, cols: range.count,
                      columnMajor: Array(storage[(range.lowerBound * rows)..<(range.upperBound * rows)])).transposed.storage
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

    /// Rows `64·block ..< 64·block + 64` of `A · Bpanel` into output columns `outColumn ..< outColumn + width`.
    func multiplyBlock(_ block: Int, rows m: Int, width: Int, outColumn: Int) {
        let first = block * 64
        let last = min(m, first + 64)
        let height = last - first
        var local = [Double](repeating: 0, count: height * width)
        local.withUnsafeMutableBufferPointer { pl in
            guard let localBase = pl.baseAddress, let bBase = b.baseAddress else { return }
            for r in 0..<height {
                let i = first + r
                let rowOut = localBase + r * width
                if i + 1 < m {  // the next row's rows of B, fetched ahead
                    for p in start[i + 1]..<start[i + 2] { prefetchRow(bBase + Int(index[p]) * width, nil, width: width) }
                }
                for p in start[i]..<start[i + 1] {
                    let a = value[p]
                    let bRow = bBase + Int(index[p]) * width
                    // Pointer arithmetic (no overflow checks) lets the compiler vectorise.
                    for j in 0..<width { rowOut[j] += a * bRow[j] }
                }
            }
            for j in 0..<width {
                let col = out + (outColumn + j) * m + first
                for r in 0..<height { col[r] = localBase[r * width + j] }
            }
        }
    }
}
