/// A sparse matrix in compressed sparse row (CSR) form.
///
/// Row i holds the entries `rowStart[i] ..< rowStart[i + 1]` of `columnIndices` and `values`.
/// Column indices are `Int32` to halve the memory of large corpora (1M comments give tens of
/// millions of entries). Within a row the entries keep the order they were given in: TF-IDF
/// relies on that to sum norms in scikit-learn's order; `sortedIndices()` orders them by column.
public struct SparseMatrix: Sendable, Hashable, Codable {
    public let rows: Int
    public let cols: Int
    /// `rows + 1` offsets into `columnIndices`/`values`; `rowStart[0] == 0`.
    public private(set) var rowStart: [Int]
    public private(set) var columnIndices: [Int32]
    public var values: [Double]

    /// A matrix from CSR arrays. Malformed arrays are programmer errors (`precondition`).
    public init(rows: Int, cols: Int, rowStart: [Int], columnIndices: [Int32], values: [Double]) {
        precondition(rows >= 0 && cols >= 0 && cols <= Int(Int32.max), "SparseMatrix: bad shape \(rows)x\(cols)")
        precondition(rowStart.count == rows + 1 && rowStart.first == 0, "SparseMatrix: rowStart must have rows+1 offsets from 0")
        precondition(rowStart.last == columnIndices.count && values.count == columnIndices.count,
                     "SparseMatrix: \(columnIndices.count) indices, \(values.count) values, last offset \(rowStart.last ?? -1)")
        for i in 0..<rows { precondition(rowStart[i] <= rowStart[i + 1], "SparseMatrix: row offsets decrease at \(i)") }
        for c in columnIndices { precondition(c >= 0 && Int(c) < cols, "SparseMatrix: column \(c) out of \(cols)") }
        self.rows = rows
        self.cols = cols
        self.rowStart = rowStart
        self.columnIndices = columnIndices
        self.values = values
    }

    /// The sparse form of a dense matrix (exact zeros dropped).
    public init(_ dense: Matrix) {
        var start = [0]
        var idx = [Int32]()
        var val = [Double]()
        for i in 0..<dense.rows {
            for j in 0..<dense.cols where dense[i, j] != 0 {
                idx.append(Int32(j))
                val.append(dense[i, j])
            }
            start.append(idx.count)
        }
        self.init(rows: dense.rows, cols: dense.cols, rowStart: start, columnIndices: idx, values: val)
    }

    /// Number of stored entries.
    public var nonZeroCount: Int { values.count }

    /// The stored entries of row i as (column, value) pairs, in storage order.
    public func row(_ i: Int) -> [(column: Int, value: Double)] {
        precondition(i >= 0 && i < rows, "SparseMatrix: row \(i) out of \(rows)")
        return (rowStart[i]..<rowStart[i + 1]).map { (Int(columnIndices[$0]), values[$0]) }
    }

    /// Element (i, j): the sum of the stored entries at that position (0 if none).
    public subscript(i: Int, j: Int) -> Double {
        precondition(i >= 0 && i < rows && j >= 0 && j < cols, "SparseMatrix: index (\(i), \(j)) out of \(rows)x\(cols)")
        var s = 0.0
        for p in rowStart[i]..<rowStart[i + 1] where Int(columnIndices[p]) == j { s += values[p] }
        return s
    }

    /// The dense form.
    public var dense: Matrix {
        var m = Matrix(rows: rows, cols: cols)
        for i in 0..<rows {
            for p in rowStart[i]..<rowStart[i + 1] { m.storage[i + Int(columnIndices[p]) * rows] += values[p] }
        }
        return m
    }

    /// The same matrix with each row's entries ordered by column.
    public func sortedIndices() -> SparseMatrix {
        var idx = columnIndices
        var val = values
        for i in 0..<rows {
            let range = rowStart[i]..<rowStart[i + 1]
            let order = range.sorted { columnIndices[$0] < columnIndices[$1] }
            for (k, p) in zip(range, order) {
                idx[k] = columnIndices[p]
                val[k] = values[p]
            }
        }
        return SparseMatrix(rows: rows, cols: cols, rowStart: rowStart, columnIndices: idx, values: val)
    }

    /// The transpose, in CSR, by a counting sort over columns: O(nnz + rows + cols).
    /// Entries of each output row come in increasing original-row order, so the result is deterministic.
    public var transposed: SparseMatrix {
        var start = [Int](repeating: 0, count: cols + 1)
        for c in columnIndices { start[Int(c) + 1] += 1 }
        for j in 0..<cols { start[j + 1] += start[j] }
        var next = start
        var idx = [Int32](repeating: 0, count: values.count)
        var val = [Double](repeating: 0, count: values.count)
        for i in 0..<rows {
            for p in rowStart[i]..<rowStart[i + 1] {
                let c = Int(columnIndices[p])
                idx[next[c]] = Int32(i)
                val[next[c]] = values[p]
                next[c] += 1
            }
        }
        return SparseMatrix(rows: cols, cols: rows, rowStart: start, columnIndices: idx, values: val)
    }

    /// Rows selected by index, in the order given.
    public func selectingRows(_ indices: [Int]) -> SparseMatrix {
        var start = [0]
        var idx = [Int32]()
        var val = [Double]()
        for i in indices {
            precondition(i >= 0 && i < rows, "SparseMatrix: row \(i) out of \(rows)")
            idx.append(contentsOf: columnIndices[rowStart[i]..<rowStart[i + 1]])
            val.append(contentsOf: values[rowStart[i]..<rowStart[i + 1]])
            start.append(idx.count)
        }
        return SparseMatrix(rows: indices.count, cols: cols, rowStart: start, columnIndices: idx, values: val)
    }
}
