import CLinearAlgebra

/// Facts about the BLAS library in use.
public enum BLASInfo {
    /// A dot product through CBLAS, proving the library links.
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "dot: length mismatch")
        return cblas_ddot(Int32(x.count), x, 1, y, 1)
    }
}
