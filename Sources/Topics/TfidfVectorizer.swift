import Foundation
import LinearAlgebra

/// Learns a vocabulary and IDF weights from a corpus: scikit-learn 1.9.1's `TfidfVectorizer.fit`.
///
/// 1. Analyse every document (`Analyzer`) and count term occurrences, numbering terms in order of first
///    occurrence in the corpus (scikit-learn's fit-time ids).
/// 2. Keep terms with `minDF <= df <= maxDF` (df = documents containing the term), then at most
///    `maxFeatures` of them by total count (ties broken by sorted order, as a stable sort would).
/// 3. Sort the kept terms by code point (= UTF-8 byte order): column j is the j-th term.
/// 4. `idf = ln((n + 1) / (df + 1)) + 1` (division first, then the logarithm), or `ln(n / df) + 1`.
///
/// Analysis and counting run in parallel over chunks of documents with a private term table each; the
/// tables are then merged in chunk order, which reproduces the sequential first-occurrence numbering. Only
/// each chunk's distinct terms pass through the (sequential) merge; the rows keep their chunk ids and are
/// mapped to columns, and put in fit-time order, by the parallel workers that weigh them.
public struct TfidfVectorizer: Sendable {
    public var options: TfidfOptions

    public init(options: TfidfOptions = TfidfOptions()) { self.options = options }

    /// Fits the model. - Throws: `TfidfError` for bad options, an empty vocabulary, or pruning that leaves nothing.
    public func fit(_ documents: [String]) throws -> TfidfModel {
        try fitTransform(documents).model
    }

    /// Fits the model and returns the documents' TF-IDF rows too, without analysing them twice.
    /// Rows are identical to `model.transform(documents)`.
    public func fitTransform(_ documents: [String]) throws -> (model: TfidfModel, matrix: SparseMatrix) {
        try options.validate()
        let n = documents.count
        let analyzer = Analyzer(options: options)
        let counts = Self.count(documents, analyzer: analyzer)
        let termCount = counts.terms.count
        if termCount == 0 { throw TfidfError.emptyVocabulary }

        // Document and corpus frequencies per fit-time id.
        var df = [Int](repeating: 0, count: termCount)
        var total = [Double](repeating: 0, count: termCount)
        for (chunk, map) in zip(counts.chunks, counts.maps) {
            for (id, c) in zip(chunk.ids, chunk.counts) {
                let g = Int(map[Int(id)])
                df[g] += 1
                total[g] += c
            }
        }
        let lo = options.minDF.documents(outOf: n), hi = options.maxDF.documents(outOf: n)
        if hi < lo { throw TfidfError.inconsistentBounds(minDocuments: lo, maxDocuments: hi) }
        var kept = (0..<termCount).filter { Double(df[$0]) >= lo && Double(df[$0]) <= hi }
        let table = counts.terms
        let byTerm: (Int, Int) -> Bool = { table.term($0).lexicographicallyPrecedes(table.term($1)) }
        kept.sort(by: byTerm)
        if let limit = options.maxFeatures, kept.count > limit {
            // Stable by total count, descending, over the sorted terms.
            let order = kept.indices.sorted { a, b in
                total[kept[a]] != total[kept[b]] ? total[kept[a]] > total[kept[b]] : a < b
            }
            kept = order.prefix(limit).sorted().map { kept[$0] }
        }
        if kept.isEmpty { throw TfidfError.nothingLeftAfterPruning }

        // Columns in sorted order; a column's rank is its fit-time id among the kept terms.
        var column = [Int32](repeating: -1, count: termCount)
        for (j, id) in kept.enumerated() { column[id] = Int32(j) }
        let byID = kept.sorted()
        var fitRank = [Int32](repeating: 0, count: kept.count)
        for (rank, id) in byID.enumerated() { fitRank[Int(column[id])] = Int32(rank) }
        let idf: [Double] = kept.map { id in
            guard options.useIDF else { return 1 }
            return options.smoothIDF
                ? Foundation.log(Double(n + 1) / Double(df[id] + 1)) + 1
                : Foundation.log(Double(n) / Double(df[id])) + 1
        }
        let model = TfidfModel(options: options, vocabulary: kept.map { table.string($0) }, idf: idf,
                               fitRank: fitRank, documentCount: n)

        // Rows, one counting chunk per worker: each entry's chunk id becomes its column; entries are ordered by
        // fit-time id (= by fit rank among the kept terms), the storage order the norm is summed in.
        let chunks = counts.chunks, maps = counts.maps, columnOf = column, rankOf = fitRank
        let pieces = Parallel.mapChunks(count: chunks.count, chunkSize: 1) { range -> RowBlock in
            let chunk = chunks[range.lowerBound]
            let local = maps[range.lowerBound].map { $0 < 0 ? -1 : columnOf[Int($0)] }  // chunk id → column or -1
            var block = RowBlock()
            var columns: [Int32] = [], values: [Double] = []
            for d in 0..<(chunk.rowStart.count - 1) {
                columns.removeAll(keepingCapacity: true)
                values.removeAll(keepingCapacity: true)
                for p in chunk.rowStart[d]..<chunk.rowStart[d + 1] {
                    let c = local[Int(chunk.ids[p])]
                    if c < 0 { continue }
                    columns.append(c)
                    values.append(chunk.counts[p])
                }
                // In fit-rank order (ranks are distinct): by insertion for short rows, mostly in order already;
                // long rows (articles of hundreds of terms) have too many inversions for that.
                if columns.count > 32 {
                    let order = columns.indices.sorted { rankOf[Int(columns[$0])] < rankOf[Int(columns[$1])] }
                    columns = order.map { columns[$0] }
                    values = order.map { values[$0] }
                } else {
                    for at0 in columns.indices.dropFirst() {
                        var at = at0
                        while at > 0 && rankOf[Int(columns[at - 1])] > rankOf[Int(columns[at])] {
                            columns.swapAt(at, at - 1)
                            values.swapAt(at, at - 1)
                            at -= 1
                        }
                    }
                }
                model.weigh(&values, columns: columns)
                block.append(columns: columns, values: values)
            }
            return block
        }
        return (model, RowBlock.joined(pieces, rows: n, cols: kept.count))
    }

    /// Raw counts per document of one chunk, with the chunk's own term ids in first-occurrence order.
    struct ChunkCounts: Sendable {
        var terms = TermTable()
        /// Per chunk id: a stop word, interned only to be recognised once (never counted, never merged).
        var stop: [Bool] = []
        var rowStart: [Int] = [0]
        var ids: [Int32] = []
        var counts: [Double] = []
    }

    /// The corpus's term table (fit-time ids in first-occurrence order) and, per chunk of documents, its
    /// counts and the map from its own ids to fit-time ids (-1 for stop words).
    struct Counts {
        var terms = TermTable()
        var chunks: [ChunkCounts] = []
        var maps: [[Int32]] = []
    }

    /// Documents per counting chunk: at least 2048, and at most about 32 chunks, so that the sequential merge
    /// interns each chunk's distinct terms a few dozen times rather than once per 2048 documents. It depends on
    /// the corpus size only, never on the machine.
    static func chunkSize(documents n: Int) -> Int { max(2048, (n + 31) / 32) }

    /// With unigrams only, every token is interned straight away (one hash and probe) and a new term is checked
    /// against the stop words once, when the chunk first meets it; otherwise the analyzer forms the features
    /// (stop words removed, n-grams joined) and each is interned.
    static func count(_ documents: [String], analyzer: Analyzer) -> Counts {
        let chunks = Parallel.mapChunks(count: documents.count, chunkSize: chunkSize(documents: documents.count)) {
            range -> ChunkCounts in
            var local = ChunkCounts()
            var scratch = Analyzer.Scratch()
            var tally: [Double] = []
            var touched: [Int32] = []
            let unigrams = analyzer.unigramsOnly
            for d in range {
                touched.removeAll(keepingCapacity: true)
                let features: TokenBuffer
                if unigrams {
                    analyzer.tokenize(documents[d], scratch: &scratch)
                    features = scratch.raw
                } else {
                    analyzer.analyze(documents[d], scratch: &scratch)
                    features = scratch.features
                }
                for f in 0..<features.count {
                    let token = features.token(f)
                    let id = local.terms.intern(token)
                    if id == tally.count {
                        tally.append(0)
                        local.stop.append(unigrams && analyzer.isStopWord(token))
                    }
                    if local.stop[id] { continue }
                    if tally[id] == 0 { touched.append(Int32(id)) }
                    tally[id] += 1
                }
                for id in touched {
                    local.ids.append(id)
                    local.counts.append(tally[Int(id)])
                    tally[Int(id)] = 0
                }
                local.rowStart.append(local.ids.count)
            }
            return local
        }
        // Merge in chunk order: a term new to the global table gets the next id, in the chunk's own
        // first-occurrence order, which is the corpus's first-occurrence order.
        var merged = Counts()
        for chunk in chunks {
            var map = [Int32](repeating: -1, count: chunk.terms.count)
            for t in 0..<chunk.terms.count where !chunk.stop[t] {
                map[t] = Int32(merged.terms.intern(chunk.terms.term(t)))
            }
            merged.maps.append(map)
        }
        merged.chunks = chunks
        return merged
    }
}

/// Consecutive CSR rows built by one worker.
struct RowBlock: Sendable {
    var rowLengths: [Int] = []
    var columns: [Int32] = []
    var values: [Double] = []

    mutating func append(columns c: [Int32], values v: [Double]) {
        rowLengths.append(c.count)
        columns.append(contentsOf: c)
        values.append(contentsOf: v)
    }

    static func joined(_ blocks: [RowBlock], rows: Int, cols: Int) -> SparseMatrix {
        var start = [Int]()
        start.reserveCapacity(rows + 1)
        start.append(0)
        var columns = [Int32](), values = [Double]()
        let nnz = blocks.reduce(0) { $0 + $1.values.count }
        columns.reserveCapacity(nnz)
        values.reserveCapacity(nnz)
        for b in blocks {
            for len in b.rowLengths { start.append(start[start.count - 1] + len) }
            columns += b.columns
            values += b.values
        }
        return SparseMatrix(rows: rows, cols: cols, rowStart: start, columnIndices: columns, values: values)
    }
}
