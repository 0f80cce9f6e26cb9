import LinearAlgebra
import Testing

@Suite(.serialized) struct GemmCounterTests {
    /// Counting is opt-in: off, gemm adds nothing; on, each call adds 2·m·n·k flops and some time.
    /// (Other suites may run gemm at the same time, so totals are bounded below while counting is on.)
    @Test func countsOnlyWhenEnabled() {
        let a = Matrix(rows: 30, cols: 40) { i, j in Double(i - j) / 7 }
        let b = Matrix(rows: 40, cols: 50) { i, j in Double(i + j) / 11 }
        GemmCounter.isEnabled = false
        GemmCounter.reset()
        _ = BLAS.gemm(a, .none, b, .none)
        #expect(GemmCounter.current == GemmCounter.Totals())

        GemmCounter.isEnabled = true
        _ = BLAS.gemm(a, .none, b, .none)
        _ = BLAS.gemm(b, .transpose, a, .transpose)
        GemmCounter.isEnabled = false
        let totals = GemmCounter.current
        #expect(totals.calls >= 2)
        #expect(totals.flops >= 2 * 2 * 30 * 40 * 50)
        #expect(totals.seconds > 0)
        #expect(totals.gflops > 0)
        GemmCounter.reset()
        #expect(GemmCounter.current.calls == 0)
    }
}
