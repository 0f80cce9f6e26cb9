import Foundation
import LinearAlgebra

/// A fitted TF-IDF model: the sorted vocabulary and its IDF weights. Immutable and `Codable`, so a run
/// can keep the model it used beside its report; only a model can `transform`, so "not fitted" cannot occur.
///
/// For a document, `transform` counts the vocabulary terms (others are ignored), weighs each
/// `w = tf' · idf` with `tf' = tf` or `1 + ln tf`, and divides the row by `sqrt(Σ w²)` (a division, as
/// scikit-learn does; an all-zero row stays zero). The sum runs in the order scikit-learn stores the
/// row after `fit_transform`: terms by first occurrence in the training corpus (`fitRank`), so the
/// weights match its to the last bit, not just within rounding.
public struct TfidfModel: Sendable, Codable {
    public let options: TfidfOptions
    /// Terms, sorted by code point; term j is column j.
    public let vocabulary: [String]
    /// IDF per column (all 1 when `useIDF` is off).
    public let idf: [Double]
    /// Per column: the rank of the term's first occurrence in the training corpus.
    public let fitRank: [Int32]
    /// Documents the model was fitted on.
    public let documentCount: Int
    let table: TermTable
    let analyzer: Analyzer

    init(options: TfidfOptions, vocabulary: [String], idf: [Double], fitRank: [Int32], documentCount: Int) {
        self.options = options
        self.vocabulary = vocabulary
        self.idf = idf
        self.fitRank = fitRank
        self.documentCount = documentCount
        self.table = TermTable(vocabulary)
        self.analyzer = Analyzer(options: options)
    }

    enum CodingKeys: String, CodingKey { case options, vocabulary, idf, fitRank, documentCount }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let vocabulary = try c.decode([String].self, forKey: .vocabulary)
        let idf = try c.decode([Double].self, forKey: .idf)
        let fitRank = try c.decode([Int32].self, forKey: .fitRank)
        guard idf.count == vocabulary.count, fitRank.count == vocabulary.count else {
            throw DecodingError.dataCorruptedError(forKey: .idf, in: c,
                debugDescription: "\(vocabulary.count) terms but \(idf.count) idf values and \(fitRank.count) ranks")
        }
        self.init(options: try c.decode(TfidfOptions.self, forKey: .options), vocabulary: vocabulary, idf: idf,
                  fitRank: fitRank, documentCount: try c.decode(Int.self, forKey: .documentCount))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(options, forKey: .options)
        try c.encode(vocabulary, forKey: .vocabulary)
        try c.encode(idf, forKey: .idf)
        try c.encode(fitRank, forKey: .fitRank)
        try c.encode(documentCount, forKey: .documentCount)
    }

    /// The column of a term, or nil when it is not in the vocabulary.
    public func column(of term: String) -> Int? { table.find(Array(term.utf8)[...]) }

    /// TF-IDF rows of `documents`, one per document, as CSR (entries of a row in `fitRank` order).
    /// Runs in parallel over chunks of documents; the result does not depend on the thread count.
    public func transform(_ documents: [String]) -> SparseMatrix {
        let pieces = Parallel.mapChunks(count: documents.count, chunkSize: 2048) { range -> RowBlock in
            var block = RowBlock()
            var scratch = Analyzer.Scratch()
            var tally = [Double](repeating: 0, count: vocabulary.count)
            var touched: [Int32] = []
            var values: [Double] = []
            for d in range {
                touched.removeAll(keepingCapacity: true)
                analyzer.analyze(documents[d], scratch: &scratch)
                for f in 0..<scratch.features.count {
                    guard let j = table.find(scratch.features.token(f)) else { continue }
                    if tally[j] == 0 { touched.append(Int32(j)) }
                    tally[j] += 1
                }
                touched.sort { fitRank[Int($0)] < fitRank[Int($1)] }
                values.removeAll(keepingCapacity: true)
                for j in touched {
                    values.append(tally[Int(j)])
                    tally[Int(j)] = 0
                }
                weigh(&values, columns: touched)
                block.append(columns: touched, values: values)
            }
            return block
        }
        return RowBlock.joined(pieces, rows: documents.count, cols: vocabulary.count)
    }

    /// Turns raw counts into normalised weights, in place, summing the norm in the given order.
    func weigh(_ values: inout [Double], columns: [Int32]) {
        var sum = 0.0
        for k in values.indices {
            let tf = options.sublinearTF ? Foundation.log(values[k]) + 1 : values[k]
            let w = tf * idf[Int(columns[k])]
            values[k] = w
            sum += w * w
        }
        guard options.normalize, sum != 0 else { return }
        let norm = sum.squareRoot()
        for k in values.indices { values[k] /= norm }
    }
}
