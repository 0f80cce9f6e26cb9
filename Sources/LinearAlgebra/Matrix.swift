/// A dense matrix of `Double` stored column-major, as BLAS and LAPACK expect.
///
/// Element (i, j) lives at `storage[i + j * rows]`. The type is a plain value (copy on write
/// through its array), so it is `Sendable` and cheap to pass between stages.
/// Shape mismatches are programmer errors and stop with a `precondition`.
public struct Matrix: Sendable, Hashable, Codable {
    public let rows: Int
    public let cols: Int
    /// Column-major elements; `storage.count == rows * cols`.
    public var storage: [Double]

    /// A matrix filled with `value`.
    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && cols >= 0, "Matrix: negative shape \(rows)x\(cols)")
        self.rows = rows
        self.cols = cols
        self.storage = [Double](repeating: value, count: rows * cols)
    }

    /// A matrix over existing column-major storage.
    public init(rows: Int, cols: Int, columnMajor storage: [Double]) {
        precondition(rows >= 0 && cols >= 0, "Matrix: negative shape \(rows)x\(cols)")
        precondition(storage.count == rows * cols, "Matrix: \(storage.count) elements for \(rows)x\(cols)")
        self.rows = rows
        self.cols = cols
        self.storage = storage
    }

    /// A matrix from row-major nested arrays (convenient in tests): `rowArrays[i][j]` is (i, j).
    public init(_ rowArrays: [[Double]]) {
        let r = rowArrays.count
        let c = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == c }, "Matrix: ragged rows")
        var s = [Double](repeating: 0, count: r * c)
        for i in 0..<r { for j in 0..<c { s[i + j * r] = rowArrays[i][j] } }
        self.init(rows: r, cols: c, columnMajor: s)
    }

    /// A matrix whose element (i, j) is `f(i, j)`, filled column by column.
    public init(rows: Int, cols: Int, _ f: (Int, Int) -> Double) {
        var s = [Double]()
        s.reserveCapacity(rows * cols)
        for j in 0..<cols { for i in 0..<rows { s.append(f(i, j)) } }
        self.init(rows: rows, cols: cols, columnMajor: s)
    }

    /// The n x n identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, cols: n)
        for i in 0..<n { m.storage[i + i * n] = 1 }
        return m
    }

    public subscript(i: Int, j: Int) -> Double {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < cols, "Matrix: index (\(i), \(j)) out of \(rows)x\(cols)")
            return storage[i + j * rows]
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < cols, "Matrix: index (\(i), \(j)) out of \(rows)x\(cols)")
            storage[i + j * rows] = newValue
        }
    }

    /// Column j as an array.
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < cols, "Matrix: column \(j) out of \(cols)")
        return Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// Row i as an array (a strided copy).
    public func row(_ i: Int) -> [Double] {
        precondition(i >= 0 && i < rows, "Matrix: row \(i) out of \(rows)")
        return (0..<cols).map { storage[i + $0 * rows] }
    }

    /// The transpose, as a new matrix. Copied in 32 x 32 tiles so that both the reads and the writes stay
    /// within a few cache lines (a plain double loop strides one of them across the whole matrix).
    public var transposed: Matrix {
        let r = rows, c = cols
        var t = [Double](repeating: 0, count: r * c)
        let tile = 32
        storage.withUnsafeBufferPointer { src in
            t.withUnsafeMutableBufferPointer { dst in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                for j0 in stride(from: 0, to: c, by: tile) {
                    let j1 = min(c, j0 + tile)
                    for i0 in stride(from: 0, to: r, by: tile) {
                        let i1 = min(r, i0 + tile)
                        for j in j0..<j1 {
                            for i in i0..<i1 { d[j + i * c] = s[i + j * r] }
                        }
                    }
                }
            }
        }
        return Matrix(rows: c, cols: r, columnMajor: t)
    }

    /// The first `count` columns.
    public func leadingColumns(_ count: Int) -> Matrix {
        precondition(count >= 0 && count <= cols, "Matrix: \(count) columns of \(cols)")
        return Matrix(rows: rows, cols: count, columnMajor: Array(storage[0..<(rows * count)]))
    }

    /// The first `count` rows.
    public func leadingRows(_ count: Int) -> Matrix {
        precondition(count >= 0 && count <= rows, "Matrix: \(count) rows of \(rows)")
        return Matrix(rows: count, cols: cols) { i, j in storage[i + j * rows] }
    }

    /// Scales every row to unit Euclidean norm; all-zero rows stay zero.
    public mutating func normalizeRows() {
        var norms = [Double](repeating: 0, count: rows)
        for j in 0..<cols { for i in 0..<rows { let v = storage[i + j * rows]; norms[i] += v * v } }
        for i in 0..<rows { norms[i] = norms[i] > 0 ? norms[i].squareRoot() : 1 }
        for j in 0..<cols { for i in 0..<rows { storage[i + j * rows] /= norms[i] } }
    }
}
