import Foundation
import LinearAlgebra

/// Topic labels by class-based TF-IDF (c-TF-IDF, Grootendorst 2022) and representative documents.
///
/// Each topic is treated as one large document. With `tf(t, c)` the count of term t in topic c's
/// documents, `|c|` the topic's total count, `f(t) = Σ_c tf(t, c)` and `A` the mean total count per topic:
///
///     w(t, c) = tf(t, c) / |c| · ln(1 + A / f(t))
///
/// so a label term is frequent in its topic and rare elsewhere. Terms are unigrams and bigrams (stop words
/// removed first, so bigrams read as phrases); ties go to the earlier term in sorted order.
/// Counting uses a `TfidfVectorizer` with IDF and normalisation off (raw counts), keeping terms in at least
/// `max(2, n / 20000)` documents (single-use words make poor labels, and the bound keeps the k x terms
/// table small on a million comments) and at most the stage's `maxDF` (a word in most documents, like
/// "said" in news, labels nothing).
enum TopicLabels {
    static func countOptions(base: TfidfOptions, ngramMax: Int, documents n: Int) -> TfidfOptions {
        TfidfOptions(lowercase: base.lowercase, englishStopWords: true, extraStopWords: base.extraStopWords,
                     ngramMin: 1, ngramMax: ngramMax, minDF: .count(max(2, n / 20000)),
                     maxDF: base.maxDF, useIDF: false, smoothIDF: false, sublinearTF: false, normalize: false)
    }

    /// The `count` best terms per topic, with weights.
    static func label(texts: [String], labels: [Int], k: Int, options: TfidfOptions, count: Int) -> [[TopicTerm]] {
        var fitted = try? TfidfVectorizer(options: options).fitTransform(texts)
        if fitted == nil {  // tiny corpora: allow terms seen once
            var relaxed = options
            relaxed.minDF = .count(1)
            fitted = try? TfidfVectorizer(options: relaxed).fitTransform(texts)
        }
        guard let (model, counts) = fitted else { return Array(repeating: [], count: k) }
        let v = model.vocabulary.count
        var tf = [[Double]](repeating: [Double](repeating: 0, count: v), count: k)
        for i in 0..<counts.rows where labels[i] >= 0 {
            for (column, value) in counts.row(i) { tf[labels[i]][column] += value }
        }
        var f = [Double](repeating: 0, count: v)
        var totals = [Double](repeating: 0, count: k)
        for c in 0..<k {
            for t in 0..<v { f[t] += tf[c][t] }
            totals[c] = tf[c].reduce(0, +)
        }
        let mean = totals.reduce(0, +) / Double(k)
        // A word repeated ("very very") says nothing a unigram does not.
        let repeated = model.vocabulary.map { term -> Bool in
            let words = term.split(separator: " ")
            return words.count > 1 && words.allSatisfy { $0 == words[0] }
        }
        return (0..<k).map { c in
            guard totals[c] > 0 else { return [] }
            let weights = (0..<v).map { t in
                tf[c][t] > 0 && !repeated[t] ? tf[c][t] / totals[c] * Foundation.log(1 + mean / f[t]) : 0
            }
            return top(weights, count: count).map { TopicTerm(term: model.vocabulary[$0], weight: weights[$0]) }
        }
    }

    /// Indices of the `count` largest positive values, largest first, lower index on ties.
    static func top(_ values: [Double], count: Int) -> [Int] {
        values.indices.filter { values[$0] > 0 }
            .sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
            .prefix(count).map { $0 }
    }

    /// The mean TF-IDF row of each topic's documents, top `count` terms.
    static func centroidTerms(_ x: SparseMatrix, vocabulary: [String], labels: [Int], k: Int, count: Int) -> [[TopicTerm]] {
        var sums = [[Double]](repeating: [Double](repeating: 0, count: x.cols), count: k)
        var sizes = [Int](repeating: 0, count: k)
        for i in 0..<x.rows where labels[i] >= 0 {
            sizes[labels[i]] += 1
            for (column, value) in x.row(i) { sums[labels[i]][column] += value }
        }
        return (0..<k).map { c in
            let mean = sums[c].map { $0 / Double(max(1, sizes[c])) }
            return top(mean, count: count).map { TopicTerm(term: vocabulary[$0], weight: mean[$0]) }
        }
    }

    /// Members of each topic, most similar first (earlier document on ties), the first `count`.
    static func representatives(labels: [Int], similarities: [Double], k: Int, count: Int) -> [[Int]] {
        var members = [[Int]](repeating: [], count: k)
        for (i, l) in labels.enumerated() where l >= 0 { members[l].append(i) }
        return members.map { list in
            Array(list.sorted { similarities[$0] != similarities[$1] ? similarities[$0] > similarities[$1] : $0 < $1 }
                .prefix(count))
        }
    }
}
