import Foundation

/// A small, fast, reproducible random number generator (SplitMix64).
///
/// `SystemRandomNumberGenerator` is neither seedable nor fast; every random choice in the
/// product (random projections, k-means++ seeding) draws from this so a seed fixes the output.
/// Reference: Steele, Lea and Flood, "Fast splittable pseudorandom number generators" (2014).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal draw (Box-Muller, one of the pair).
    public mutating func nextGaussian() -> Double {
        var u = nextUnit()
        while u <= 0 { u = nextUnit() }
        let v = nextUnit()
        return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * .pi * v)
    }
}

extension Matrix {
    /// A rows x cols matrix of independent standard normal draws, filled column by column.
    public static func gaussian(rows: Int, cols: Int, using rng: inout SeededGenerator) -> Matrix {
        var s = [Double](repeating: 0, count: rows * cols)
        var i = 0
        while i < s.count {  // Box-Muller gives two independent draws per pair of uniforms
            var u = rng.nextUnit()
            while u <= 0 { u = rng.nextUnit() }
            let radius = (-2 * Foundation.log(u)).squareRoot(), angle = 2 * .pi * rng.nextUnit()
            s[i] = radius * Foundation.cos(angle)
            if i + 1 < s.count { s[i + 1] = radius * Foundation.sin(angle) }
            i += 2
        }
        return Matrix(rows: rows, cols: cols, columnMajor: s)
    }
}
