import Foundation
import LinearAlgebra

/// Spherical (cosine) k-means on unit-length rows.
///
/// Maximises `Σᵢ cos(xᵢ, c(xᵢ))` where each centroid is its members' mean scaled to unit length
/// (Dhillon and Modha, 2001). Every iteration computes all document-centroid similarities at once,
/// `S = X·Cᵀ` (gemm), assigns each document to its most similar centroid (lowest index on ties), and
/// recomputes the centroids; it stops when at most `tolerance · n` assignments change (none on corpora
/// under 10,000 documents at the default 1e-4; on a million, a few stragglers no longer cost dozens of
/// passes) or after `maxIterations`. The objective
/// never decreases. A centroid left without members moves to the document that fits its own centroid
/// worst. Seeding is greedy k-means++ (Arthur and Vassilvitskii, 2007, with 2 + ⌊ln k⌋ candidates per
/// step, as scikit-learn) using the squared chord distance `‖x − c‖² = 2 − 2·cos`; `starts` seedings,
/// each from its own generator (drawn in order from one seeded generator), the best objective kept (the
/// earliest on ties).
///
/// All starts run together: one product `X·[C₁ … C_S]ᵀ` (n x d x k·S) per iteration gives every start's
/// similarities, taken in blocks of rows that are consumed while in cache (`assignAll`), and one pass over X
/// (`clusterSums`) gives every start's new centroid sums; seeding likewise scores every start's candidates in
/// one gemm per step. On a million rows this reads X once per iteration instead of once per start, and the
/// gemms are wide enough to run near the BLAS's peak (a n x d x k product with k = 8 is bound by memory). A
/// start that has converged drops out of the products; its result is the one it would reach alone.
///
/// With `normalizeCentroids = false` the same code runs Lloyd's Euclidean k-means on the rows (what
/// scikit-learn's `KMeans` does after a `Normalizer`): centroids are plain means and a row joins the centroid
/// that maximises `x·c − ½‖c‖²`, i.e. the nearest one; the best start is the one with the lowest inertia.
/// Similarities are still cosines to the centroid's direction.
public struct SphericalKMeans: Sendable {
    public var k: Int
    public var starts: Int
    public var maxIterations: Int
    /// Converged when at most this fraction of the documents changed cluster in an iteration.
    public var tolerance: Double = 1e-4
    public var seed: UInt64
    /// Unit-length centroids (spherical k-means, the default) or plain means (Euclidean k-means).
    public var normalizeCentroids = true
    /// After the spherical starts, Lloyd iterations with mean centroids from their partitions (see `refine`).
    /// Off by default.
    public var refinesWithMeans = false

    public init(k: Int, starts: Int = 10, maxIterations: Int = 100, seed: UInt64 = 42) {
        self.k = k
        self.starts = starts
        self.maxIterations = maxIterations
        self.seed = seed
    }

    public struct Result: Sendable {
        /// Cluster of each row, 0..<k.
        public var labels: [Int]
        /// Cosine similarity of each row to its centroid.
        public var similarities: [Double]
        /// k x dims, unit rows.
        public var centroids: Matrix
        /// `Σ similarities`.
        public var objective: Double
        public var iterations: Int
        /// What the starts compete on: `Σ (x·c − ½‖c‖²)` (the objective minus n/2 for unit centroids,
        /// minus half the inertia plus a constant for mean centroids).
        var score: Double
    }

    /// The generators of the `starts` seedings, drawn in order from one generator seeded with `seed`.
    func startGenerators() -> [SeededGenerator] {
        var master = SeededGenerator(seed: seed)
        return (0..<max(1, starts)).map { _ in SeededGenerator(seed: master.next()) }
    }

    /// Clusters the rows of `x` (n x d, rows of unit length or zero). Requires 1 <= k <= n.
    public func fit(_ x: Matrix) -> Result {
        precondition(k >= 1 && k <= x.rows, "SphericalKMeans: k = \(k) for \(x.rows) rows")
        var generators = startGenerators()
        let seeds = seedRows(x, generators: &generators)
        let runs = iterate(x, centroids: seeds.map { rows in Self.rows(rows, of: x) })
        var best = runs[0]
        for run in runs.dropFirst() where run.score > best.score + 1e-9 * Swift.max(1, abs(best.score)) { best = run }
        if normalizeCentroids && refinesWithMeans { return refine(x, runs) }
        return best
    }

    /// Lloyd iterations with mean centroids from every start's spherical partition, until at most
    /// `tolerance · n` documents move; the start whose refinement has the lowest inertia wins (the earliest on
    /// ties). Similarities stay cosines to the centroid direction, so a row need not be most similar to its own.
    ///
    /// A mean centroid `c = r·μ` keeps its mean resultant length r (how tightly the topic gathers around its
    /// direction μ), and a row joins the topic maximising `x·c − ½‖c‖² = r·(x·μ − ½r)`: between two topics
    /// equally close in direction, a borderline document goes to the looser one, whose members lie further out.
    /// Spherical k-means treats every topic as equally tight. Measured (docs/topics.md): on the BBC articles it
    /// raises NMI by about 0.0015, to scikit-learn's; on generated short comments it lowers it by 0.02 and it
    /// doubles the clustering time, so the product leaves it off.
    func refine(_ x: Matrix, _ spherical: [Result]) -> Result {
        var lloyd = self
        lloyd.normalizeCentroids = false
        let means = spherical.map {
            Self.centroids(x, labels: $0.labels, k: k, similarities: $0.similarities, normalize: false)
        }
        let refined = lloyd.iterate(x, centroids: means)
        var pick = 0
        for r in refined.indices.dropFirst() where refined[r].score > refined[pick].score { pick = r }
        var result = refined[pick]
        result.iterations += spherical[pick].iterations
        return result
    }

    /// Greedy k-means++ for one start: the first centre uniformly, then each next one among 2 + ⌊ln k⌋
    /// candidates drawn with probability ∝ D² (distance to the nearest chosen centre), keeping the candidate
    /// that most lowers the total D². Returns the k x d centroids.
    func seedCentroids(_ x: Matrix, using rng: inout SeededGenerator) -> Matrix {
        var generators = [rng]
        let rows = seedRows(x, generators: &generators)[0]
        rng = generators[0]
        return Self.rows(rows, of: x)
    }

    /// Greedy k-means++ for every generator at once: the rows chosen as centres, per start.
    func seedRows(_ x: Matrix, generators: inout [SeededGenerator]) -> [[Int]] {
        let n = x.rows, count = generators.count
        var chosen = (0..<count).map { s in [Int(generators[s].next() % UInt64(n))] }
        let firstSims = BLAS.gemm(x, .none, Self.rows(chosen.map { $0[0] }, of: x), .transpose)  // n x starts
        var dist = (0..<count).map { s in (0..<n).map { i in max(0, 2 - 2 * firstSims.storage[i + s * n]) } }
        let trials = 2 + Int(Foundation.log(Double(k)))
        for _ in 1..<max(1, k) {
            var candidates: [Int] = []  // start-major: start s owns columns s·trials ..< (s + 1)·trials
            for s in 0..<count {
                let total = dist[s].reduce(0, +)
                for _ in 0..<trials {
                    if total <= 0 { candidates.append(Int(generators[s].next() % UInt64(n))); continue }
                    let target = generators[s].nextUnit() * total
                    var acc = 0.0, pick = n - 1
                    for i in 0..<n {
                        acc += dist[s][i]
                        if acc > target { pick = i; break }
                    }
                    candidates.append(pick)
                }
            }
            // Similarities of every row to every start's candidates at once.
            let sims = BLAS.gemm(x, .none, Self.rows(candidates, of: x), .transpose)
            let current = dist
            let picks = Parallel.mapChunks(count: count, chunkSize: 1) { range -> (trial: Int, dist: [Double]) in
                let s = range.lowerBound
                var bestTrial = 0, bestPotential = Double.infinity
                for t in 0..<trials {
                    let column = (s * trials + t) * n
                    var potential = 0.0
                    for i in 0..<n { potential += min(current[s][i], max(0, 2 - 2 * sims.storage[column + i])) }
                    if potential < bestPotential - 1e-9 * Swift.max(1, abs(potential)) {
                        bestPotential = potential
                        bestTrial = t
                    }
                }
                let column = (s * trials + bestTrial) * n
                return (bestTrial, (0..<n).map { i in min(current[s][i], max(0, 2 - 2 * sims.storage[column + i])) })
            }
            dist = []
            for s in 0..<count {
                chosen[s].append(candidates[s * trials + picks[s].trial])
                dist.append(picks[s].dist)
            }
        }
        return chosen
    }

    /// Lloyd-style iterations from the given centroids (one start).
    func iterate(_ x: Matrix, centroids start: Matrix) -> Result {
        iterate(x, centroids: [start])[0]
    }

    /// Lloyd-style iterations of several starts together, each from its own k x d centroids.
    func iterate(_ x: Matrix, centroids starts: [Matrix]) -> [Result] {
        let n = x.rows, d = x.cols, k = self.k
        let normalize = normalizeCentroids, tolerance = self.tolerance
        struct Run {
            var centroids: Matrix
            var labels: [Int]
            var sims: [Double]
            /// k x d: the sums of the clusters' rows under `labels`, once known.
            var sums: Matrix?
            var score = 0.0
            var iterations = 0
            var done = false
        }
        var runs = starts.map { Run(centroids: $0, labels: [Int](repeating: -1, count: n), sims: []) }
        while true {
            let active = runs.indices.filter { !runs[$0].done && runs[$0].iterations < maxIterations }
            if active.isEmpty { break }
            let assigned = Self.assignAll(x, centroids: active.map { runs[$0].centroids }, k: k,
                                          previous: active.map { runs[$0].labels }, normalized: normalize)
            var update: [Int] = []  // positions in `active` whose centroids move
            var before: [[Int]] = []  // their labels before this assignment
            for (p, r) in active.enumerated() {
                runs[r].iterations += 1
                let previous = runs[r].labels
                runs[r].labels = assigned[p].labels
                runs[r].sims = assigned[p].sims
                runs[r].score = assigned[p].score
                let converged = runs[r].iterations > 1 && Double(assigned[p].changed) <= tolerance * Double(n)
                if converged || runs[r].iterations >= maxIterations {
                    runs[r].done = true
                } else {
                    update.append(p)
                    before.append(previous)
                }
            }
            if update.isEmpty { continue }
            // Where few rows moved, only their contributions move between sums (see `moveRows`); the other
            // starts' sums are taken afresh, all in one pass over X (see `clusterSums`).
            var fresh: [Int] = []  // positions in `update`
            for (u, p) in update.enumerated() {
                let r = active[p]
                if var sums = runs[r].sums, assigned[p].changed <= n / 8 {
                    runs[r].sums = nil  // one owner while it changes
                    Self.moveRows(&sums, x: x, from: before[u], to: runs[r].labels, k: k)
                    runs[r].sums = sums
                } else {
                    fresh.append(u)
                }
            }
            if !fresh.isEmpty {
                let all = Self.clusterSums(x, labels: fresh.map { runs[active[update[$0]]].labels }, k: k)
                for (f, u) in fresh.enumerated() {
                    runs[active[update[u]]].sums = Matrix(rows: k, cols: d) { c, j in all.storage[f * k + c + j * all.rows] }
                }
            }
            for p in update {
                let r = active[p]
                guard let sums = runs[r].sums else { continue }
                runs[r].centroids = Self.centroids(sums: sums, block: 0, k: k, x: x, labels: runs[r].labels,
                                                   similarities: runs[r].sims, normalize: normalize)
            }
        }
        return runs.map { run in
            var unit = run.centroids
            unit.normalizeRows()
            return Result(labels: run.labels, similarities: run.sims, centroids: unit,
                          objective: run.sims.reduce(0, +), iterations: run.iterations, score: run.score)
        }
    }

    /// Rows of X per block of the fused assignment, before `assignRows` adapts it to the product's width: the
    /// block's rows of X (block x d) and its similarities (block x k·starts) stay in cache while every start reads them.
    static let assignBlock = 1024
    /// Rows per parallel chunk of the assignment (a fixed size, so results do not depend on the thread count).
    static let assignChunk = 16 * 1024

    /// Rows per block of the assignment's product `block x dims x width` (width = k · active starts).
    ///
    /// OpenBLAS (0.3.21, AVX-512 cores) multiplies products with `m·n·k <= 10⁶` by its unpacked "small matrix"
    /// kernels, which read X straight from memory while they compute; larger ones first copy X's block into a
    /// packed panel (`dgemm_itcopy`), a pass without arithmetic that waits on memory (20 % of the call at width
    /// 80 on 100k rows). Measured per width on 100k x 100 (one thread, CPU GFLOP/s, docs/topics.md): from
    /// width 32 up the small kernels win (80: 37 → 41; 48-72: +4-12 %), so the block shrinks to fit them;
    /// below they lose (8-24: 10-20 % slower), so narrow products take blocks of at least 1024 rows that stay
    /// above the threshold (width 8: 2,048 rows, 12 → 15.5). Same bits either way: every element sums over d
    /// in order and the rows are consumed in order.
    static func assignRows(width: Int, dims: Int) -> Int {
        let fit = 1_000_000 / Swift.max(1, width * dims)  // the most rows with block · dims · width <= 10⁶
        if width >= 32 { return Swift.min(assignBlock, Swift.max(64, fit / 8 * 8)) }
        var rows = assignBlock  // doubled, so that blocks still divide a chunk
        while rows <= fit && rows < 4 * assignBlock { rows *= 2 }
        return rows
    }

    /// Every start's assignment from the similarities `X·[C₁ … C_S]ᵀ`, computed one block of rows at a time
    /// (a gemm of `assignRows` x d x k·S) and consumed at once, so the n x k·S matrix is never written: on a
    /// million rows and ten starts of k = 8 it was 640 MB written and read back per iteration. Chunks of rows
    /// run on both cores when BLAS itself runs one thread (with more, BLAS spreads each block's product); each
    /// element of a product sums over d in the same order whatever the split, and the partial scores add in chunk
    /// order, so the result does not depend on the thread count.
    /// `chunksOnEveryCore`: compute the row chunks on every core (the default when BLAS itself runs one
    /// thread) or one after the other with BLAS's own threads; both give the same bits.
    static func assignAll(_ x: Matrix, centroids: [Matrix], k: Int, previous: [[Int]], normalized: Bool,
                          chunksOnEveryCore: Bool = BLASInfo.threadCount() <= 1)
        -> [(labels: [Int], sims: [Double], score: Double, changed: Int)] {
        let n = x.rows, d = x.cols, count = centroids.count, width = k * count
        let stacked = Matrix(rows: width, cols: d) { r, j in centroids[r / k].storage[r % k + j * k] }
        let norms = centroids.map(rowNorms)
        let half = norms.map { start in start.map { normalized ? 0 : 0.5 * $0 * $0 } }
        struct Part {
            var labels: [[Int]], sims: [[Double]], score: [Double], changed: [Int]
        }
        @Sendable func work(_ range: Range<Int>) -> Part {
            var part = Part(labels: Array(repeating: [], count: count), sims: Array(repeating: [], count: count),
                            score: Array(repeating: 0, count: count), changed: Array(repeating: 0, count: count))
            for a in 0..<count {
                part.labels[a].reserveCapacity(range.count)
                part.sims[a].reserveCapacity(range.count)
            }
            let block = assignRows(width: width, dims: d)
            var s = [Double](repeating: 0, count: min(block, range.count) * width)
            for lo in stride(from: range.lowerBound, to: range.upperBound, by: block) {
                let m = min(block, range.upperBound - lo)
                BLAS.gemmRows(x, lo..<(lo + m), stacked, into: &s)
                for a in 0..<count {
                    let base = a * k * m, h = half[a], prev = previous[a]
                    for r in 0..<m {
                        var bestC = 0, best = s[base + r] - h[0]
                        for c in 1..<k {
                            let v = s[base + r + c * m] - h[c]
                            if v > best + 1e-12 { best = v; bestC = c }
                        }
                        part.labels[a].append(bestC)
                        if prev[lo + r] != bestC { part.changed[a] += 1 }
                        let dot = s[base + r + bestC * m]
                        part.sims[a].append(normalized ? dot : (norms[a][bestC] > 0 ? dot / norms[a][bestC] : 0))
                        part.score[a] += best
                    }
                }
            }
            return part
        }
        let parts: [Part]
        if chunksOnEveryCore {
            parts = Parallel.mapChunks(count: n, chunkSize: assignChunk) { work($0) }
        } else {
            parts = stride(from: 0, to: n, by: assignChunk).map { work($0..<min(n, $0 + assignChunk)) }
        }
        return (0..<count).map { a in
            var labels: [Int] = [], sims: [Double] = []
            labels.reserveCapacity(n)
            sims.reserveCapacity(n)
            var score = 0.0, changed = 0
            for p in parts {
                labels += p.labels[a]
                sims += p.sims[a]
                score += p.score[a]
                changed += p.changed[a]
            }
            return (labels, sims, score, changed)
        }
    }

    /// The sums of each cluster's rows for several labellings at once, as a (k · labellings) x d matrix whose
    /// rows `u·k ..< (u + 1)·k` belong to labelling u. X is read once whatever the number of labellings (a gemm
    /// with an n x k·S membership matrix would read X once too but write and multiply S·k mostly-zero columns:
    /// 640 MB on a million rows and ten starts). X is taken in blocks of rows, each copied row-major into a small
    /// buffer, so that adding a row to a cluster's sum is one vector add over contiguous columns (one scalar add
    /// per column and labelling, each waiting on the previous one to the same sum, was most of the k-means time).
    /// Every sum still adds its rows in row order, and the columns are split in fixed parts, so the bits do not
    /// depend on the thread count.
    static func clusterSums(_ x: Matrix, labels: [[Int]], k: Int) -> Matrix {
        let n = x.rows, d = x.cols, count = labels.count, width = k * count
        // slots[i·count + u] = u·k + (row i's cluster in labelling u)
        var slots = [Int32](repeating: 0, count: n * count)
        for (u, l) in labels.enumerated() {
            precondition(l.count == n, "clusterSums: \(l.count) labels for \(n) rows")
            for i in 0..<n { slots[i * count + u] = Int32(u * k + l[i]) }
        }
        let slotTable = slots
        let block = 256, part = max(1, (d + 3) / 4)
        let pieces = Parallel.mapChunks(count: d, chunkSize: part) { range -> [Double] in
            let w = range.count
            // Row-major: out[slot·w + j] is the sum of column range.lowerBound + j.
            var out = [Double](repeating: 0, count: width * w)
            var rows = [Double](repeating: 0, count: block * w)
            out.withUnsafeMutableBufferPointer { o in
                rows.withUnsafeMutableBufferPointer { r in
                    x.storage.withUnsafeBufferPointer { xs in
                        slotTable.withUnsafeBufferPointer { sl in
                            guard let ob = o.baseAddress, let rb = r.baseAddress, let xb = xs.baseAddress,
                                  let sb = sl.baseAddress else { return }
                            for i0 in stride(from: 0, to: n, by: block) {
                                let m = min(block, n - i0)
                                for j in 0..<w {
                                    let column = xb + (range.lowerBound + j) * n + i0
                                    for i in 0..<m { rb[i * w + j] = column[i] }
                                }
                                for i in 0..<m {
                                    let row = rb + i * w, slot = sb + (i0 + i) * count
                                    for u in 0..<count {
                                        let acc = ob + Int(slot[u]) * w
                                        for j in 0..<w { acc[j] += row[j] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return out
        }
        var sums = Matrix(rows: width, cols: d)
        for (p, piece) in pieces.enumerated() {
            let lo = p * part, w = piece.count / max(1, width)
            for s in 0..<width { for j in 0..<w { sums.storage[s + (lo + j) * width] = piece[s * w + j] } }
        }
        return sums
    }

    /// Moves each row whose cluster changed from its old cluster's sum to its new one's (k x d sums), rows in
    /// order: O(moved · d) where summing afresh is O(n · d). Late iterations move a few rows in a thousand, so
    /// on a million comments this replaces most passes over X. The sums drift from fresh ones by rounding only
    /// (about 1e-16 of their size per move), and the same moves give the same bits whatever the thread count.
    static func moveRows(_ sums: inout Matrix, x: Matrix, from old: [Int], to new: [Int], k: Int) {
        let n = x.rows, d = x.cols
        precondition(sums.rows == k && sums.cols == d && old.count == n && new.count == n, "moveRows: shapes")
        let moved = (0..<n).filter { old[$0] != new[$0] }
        if moved.isEmpty { return }
        sums.storage.withUnsafeMutableBufferPointer { s in
            x.storage.withUnsafeBufferPointer { xs in
                for j in 0..<d {
                    for i in moved {
                        let v = xs[i + j * n]
                        s[old[i] + j * k] -= v
                        s[new[i] + j * k] += v
                    }
                }
            }
        }
    }

    /// New centroids of one start from its block of rows of `sums` ((k · starts) x d): unit-length sums or
    /// plain means; an empty cluster takes the worst-fitting document not already taken.
    static func centroids(sums: Matrix, block: Int, k: Int, x: Matrix, labels: [Int], similarities: [Double],
                          normalize: Bool) -> Matrix {
        let n = x.rows, d = x.cols, ld = sums.rows
        var size = [Int](repeating: 0, count: k)
        for l in labels { size[l] += 1 }
        var c = Matrix(rows: k, cols: d) { cluster, j in
            let v = sums.storage[block * k + cluster + j * ld]
            return normalize || size[cluster] == 0 ? v : v / Double(size[cluster])
        }
        var taken = Set<Int>()
        for cluster in 0..<k where size[cluster] == 0 {
            let order = (0..<n).filter { !taken.contains($0) }.min { similarities[$0] < similarities[$1] }
            if let worst = order {
                taken.insert(worst)
                for j in 0..<d { c.storage[cluster + j * k] = x.storage[worst + j * n] }
            }
        }
        if normalize { c.normalizeRows() }
        return c
    }

    /// Unit-length (or plain) means of each cluster's rows; an empty cluster takes the worst-fitting document.
    static func centroids(_ x: Matrix, labels: [Int], k: Int, similarities: [Double], normalize: Bool = true) -> Matrix {
        return centroids(sums: clusterSums(x, labels: [labels], k: k), block: 0, k: k, x: x, labels: labels,
                         similarities: similarities, normalize: normalize)
    }

    /// The given rows of `x` as a matrix, in order.
    static func rows(_ indices: [Int], of x: Matrix) -> Matrix {
        Matrix(rows: indices.count, cols: x.cols) { r, j in x.storage[indices[r] + j * x.rows] }
    }

    static func rowNorms(_ c: Matrix) -> [Double] {
        (0..<c.rows).map { i in (0..<c.cols).reduce(0) { $0 + c.storage[i + $1 * c.rows] * c.storage[i + $1 * c.rows] }.squareRoot() }
    }
}
