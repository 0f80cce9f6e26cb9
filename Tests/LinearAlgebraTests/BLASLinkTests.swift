import LinearAlgebra
import Testing

/// The BLAS library links and agrees with a plain loop on a small dot product.
@Test func blasDotMatchesLoop() {
    let x = [1.5, -2.0, 3.25, 0.5]
    let y = [2.0, 4.0, -1.0, 8.0]
    let expected = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
    #expect(abs(BLASInfo.dot(x, y) - expected) < 1e-12)
}
