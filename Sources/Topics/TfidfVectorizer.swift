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
/// tables are then merged in chunk order, which reproduces the sequential first-occurrence numbering.
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
        if counts.terms.count == 0 { throw TfidfError.emptyVocabulary }

        // Document and corpus frequencies per fit-time id.
        var df = [Int](repeating: 0, count: counts.terms.count)
        var total = [Double](repeating: 0, count: counts.terms.count)
        for (id, c) in zip(counts.ids, counts.counts) {
            df[Int(id)] += 1
            total[Int(id)] += c
        }
        let lo = options.minDF.documents(outOf: n), hi = options.maxDF.documents(outOf: n)
        if hi < lo { throw TfidfError.inconsistentBounds(minDocuments: lo, maxDocuments: hi) }
        var kept = (0..<counts.terms.count).filter { Double(df[$0]) >= lo && Double(df[$0]) <= hi }
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
        var column = [Int32](repeating: -1, count: counts.terms.count)
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

        // Rows: fit-time ids ascend within each row, which is the storage order the norm is summed in.
        let rowStart = counts.rowStart, ids = counts.ids, tf = counts.counts, columnOf = column
        let pieces = Parallel.mapChunks(count: n, chunkSize: 4096) { range -> RowBlock in
            var block = RowBlock()
            var columns: [Int32] = [], values: [Double] = []
            for d in range {
                columns.removeAll(keepingCapacity: true)
                values.removeAll(keepingCapacity: true)
                for p in rowStart[d]..<rowStart[d + 1] {
                    let c = columnOf[Int(ids[p])]
                    if c >= 0 { columns.append(c); values.append(tf[p]) }
                }
                model.weigh(&values, columns: columns)
                block.append(columns: columns, values: values)
            }
            return block
        }
        return (model, RowBlock.joined(pieces, rows: n, cols: kept.count))
    }

    /// Raw counts per document, with fit-time term ids in first-occurrence order.
    struct Counts {
        var terms = TermTable()
        var rowStart: [Int] = [0]
        var ids: [Int32] = []
        var counts: [Double] = []
    }

    static func count(_ documents: [String], analyzer: Analyzer) -> Counts {
        let chunks = Parallel.mapChunks(count: documents.count, chunkSize: 2048) { range -> Counts in
            var local = Counts()
            var scratch = Analyzer.Scratch()
            var tally: [Double] = []
            var touched: [Int32] = []
            for d in range {
                touched.removeAll(keepingCapacity: true)
                analyzer.analyze(documents[d], scratch: &scratch)
                for f in 0..<scratch.features.count {
                    let id = local.terms.intern(scratch.features.token(f))
                    if id == tally.count { tally.append(0) }
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
            let map = (0..<chunk.terms.count).map { Int32(merged.terms.intern(chunk.terms.term($0))) }
            let base = merged.ids.count
            for d in 0..<(chunk.rowStart.count - 1) {
                let range = chunk.rowStart[d]..<chunk.rowStart[d + 1]
                let row = range.map { (map[Int(chunk.ids[$0])], chunk.counts[$0]) }.sorted { $0.0 < $1.0 }
                for (id, c) in row {
                    merged.ids.append(id)
                    merged.counts.append(c)
                }
                merged.rowStart.append(base + range.upperBound)
            }
        }
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
