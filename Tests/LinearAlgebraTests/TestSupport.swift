import LinearAlgebra
import Testing

/// Seeded uniform matrix in [-1, 1).
func randomMatrix(_ rows: Int, _ cols: Int, seed: UInt64) -> Matrix {
    var rng = SeededGenerator(seed: seed)
    return Matrix(rows: rows, cols: cols) { _, _ in 2 * rng.nextUnit() - 1 }
}

/// The textbook triple loop: C = op(A) op(B).
func naiveProduct(_ a: Matrix, _ ta: Bool, _ b: Matrix, _ tb: Bool) -> Matrix {
    let opA = ta ? a.transposed : a
    let opB = tb ? b.transposed : b
    precondition(opA.cols == opB.rows)
    return Matrix(rows: opA.rows, cols: opB.cols) { i, j in
        var s = 0.0
        for k in 0..<opA.cols { s += opA[i, k] * opB[k, j] }
        return s
    }
}

/// Expects two arrays equal within `tolerance` (absolute, scaled by max(1, |expected|)); names the worst index.
func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double, _ what: String = "",
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)",
            sourceLocation: sourceLocation)
    guard actual.count == expected.count else { return }
    var worst = -1
    var worstErr = 0.0
    for i in actual.indices {
        let err = abs(actual[i] - expected[i]) / max(1, abs(expected[i]))
        if !(err <= worstErr) { worstErr = err; worst = i }
    }
    if worst >= 0 {
        #expect(worstErr <= tolerance,
                "\(what): worst index \(worst): \(actual[worst]) vs \(expected[worst]) (error \(worstErr))",
                sourceLocation: sourceLocation)
    }
}

func expectClose(_ actual: Matrix, _ expected: Matrix, tolerance: Double, _ what: String = "",
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.rows == expected.rows && actual.cols == expected.cols,
            "\(what): shape \(actual.rows)x\(actual.cols), expected \(expected.rows)x\(expected.cols)",
            sourceLocation: sourceLocation)
    if actual.rows == expected.rows && actual.cols == expected.cols {
        expectClose(actual.storage, expected.storage, tolerance: tolerance, what, sourceLocation: sourceLocation)
    }
}

/// Awkward shapes: (m, k, n) for an m x k times k x n product.
let productShapes: [(Int, Int, Int)] = [(1, 1, 1), (3, 7, 5), (64, 33, 17), (7, 3, 1), (1, 9, 4)]
