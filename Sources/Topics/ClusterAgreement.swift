import Foundation

/// Agreement between a clustering and reference labels, for quality checks.
///
/// - NMI, arithmetic normalisation (scikit-learn's default): `I(U; V) / ((H(U) + H(V)) / 2)`, natural logs;
///   1 when both partitions are single clusters.
/// - ARI (Hubert and Arabie, 1985): `(Σ C(nᵢⱼ, 2) − E) / (½(Σ C(aᵢ, 2) + Σ C(bⱼ, 2)) − E)` with
///   `E = Σ C(aᵢ, 2) · Σ C(bⱼ, 2) / C(n, 2)`.
public enum ClusterAgreement {
    static func table<A: Hashable, B: Hashable>(_ a: [A], _ b: [B]) -> (cells: [[Double]], rows: [Double], cols: [Double]) {
        precondition(a.count == b.count, "ClusterAgreement: \(a.count) vs \(b.count) labels")
        let ua = Array(Set(a)), ub = Array(Set(b))
        let ia = Dictionary(uniqueKeysWithValues: ua.enumerated().map { ($1, $0) })
        let ib = Dictionary(uniqueKeysWithValues: ub.enumerated().map { ($1, $0) })
        var cells = [[Double]](repeating: [Double](repeating: 0, count: ub.count), count: ua.count)
        for (x, y) in zip(a, b) { cells[ia[x, default: 0]][ib[y, default: 0]] += 1 }
        return (cells, cells.map { $0.reduce(0, +) }, (0..<ub.count).map { j in cells.reduce(0) { $0 + $1[j] } })
    }

    public static func nmi<A: Hashable, B: Hashable>(_ a: [A], _ b: [B]) -> Double {
        let (cells, rows, cols) = table(a, b)
        let n = Double(a.count)
        guard n > 0 else { return 1 }
        func entropy(_ counts: [Double]) -> Double {
            counts.reduce(0) { $1 > 0 ? $0 - $1 / n * Foundation.log($1 / n) : $0 }
        }
        let ha = entropy(rows), hb = entropy(cols)
        if ha == 0 && hb == 0 { return 1 }
        var mi = 0.0
        for i in cells.indices {
            for j in cells[i].indices where cells[i][j] > 0 {
                mi += cells[i][j] / n * Foundation.log(n * cells[i][j] / (rows[i] * cols[j]))
            }
        }
        return mi / ((ha + hb) / 2)
    }

    public static func ari<A: Hashable, B: Hashable>(_ a: [A], _ b: [B]) -> Double {
        let (cells, rows, cols) = table(a, b)
        func pairs(_ x: Double) -> Double { x * (x - 1) / 2 }
        let index = cells.reduce(0) { $0 + $1.reduce(0) { $0 + pairs($1) } }
        let sa = rows.reduce(0) { $0 + pairs($1) }, sb = cols.reduce(0) { $0 + pairs($1) }
        let expected = sa * sb / pairs(Double(a.count))
        let maximum = (sa + sb) / 2
        return maximum == expected ? 1 : (index - expected) / (maximum - expected)
    }
}
