import Foundation
import LinearAlgebra
import ThreadModel

/// The topics stage: TF-IDF → LSA → spherical k-means → labels. Pure: no I/O, deterministic for a seed.
///
/// 1. TF-IDF (`TfidfVectorizer`, scikit-learn's definitions) of each document's own words.
/// 2. LSA (`LatentSemanticAnalysis`): a randomized truncated SVD, rows re-normalised.
/// 3. Spherical k-means (`SphericalKMeans`) on the rows that have any term. With a k range, every k is
///    clustered and the one with the highest mean cosine silhouette (`Silhouette`) wins, the smaller k on ties;
///    every k's value is reported in `TopicResult.kScores`.
/// 4. Topics are numbered by size (largest first); each gets c-TF-IDF label terms (`TopicLabels`), its term-space
///    centroid and its most representative documents.
/// 5. Every document gets a topic and its cosine similarity to the centroid. Documents below
///    `minSimilarity`, or with no term at all (they join the largest topic with similarity 0), are flagged
///    `isOutlier`, never dropped.
///
/// Degenerate input gives a sensible result, not a crash: no documents → no topics; fewer usable documents than
/// k → k is lowered to their number (with a note); pruning that leaves no term on a tiny corpus is retried
/// with `minDF = 1, maxDF = 1.0` (with a note); no terms at all → one topic holding every document as an outlier.
public struct TopicModeler: Sendable {
    public var options: TopicOptions
    public init(options: TopicOptions = TopicOptions()) { self.options = options }

    /// - Throws: `TopicError.invalidOption` for out-of-range options, `TfidfError` for invalid TF-IDF options,
    ///   `LAPACKError` if a factorisation fails.
    public func run(_ documents: [TopicDocument]) throws -> TopicResult {
        try options.validate()
        let n = documents.count
        if n == 0 { return TopicResult(topics: [], assignments: [], tfidf: options.tfidf) }
        let texts = documents.map(\.text)
        var notes: [String] = []

        // 1. TF-IDF, relaxing the pruning for corpora too small for it.
        var tfidfOptions = options.tfidf
        var fitted: (model: TfidfModel, matrix: SparseMatrix)
        do {
            fitted = try TfidfVectorizer(options: tfidfOptions).fitTransform(texts)
        } catch TfidfError.nothingLeftAfterPruning, TfidfError.inconsistentBounds {
            tfidfOptions.minDF = .count(1)
            tfidfOptions.maxDF = .proportion(1.0)
            notes.append("no term passed the document-frequency bounds on \(n) documents; used minDF = 1, maxDF = 1.0")
            do {
                fitted = try TfidfVectorizer(options: tfidfOptions).fitTransform(texts)
            } catch TfidfError.emptyVocabulary {
                return degenerate(documents, tfidf: tfidfOptions, notes: notes)
            }
        } catch TfidfError.emptyVocabulary {
            return degenerate(documents, tfidf: tfidfOptions, notes: notes + ["the documents hold no terms"])
        }
        let x = fitted.matrix

        // 2. LSA on the rows with any term.
        let usable = (0..<n).filter { x.rowStart[$0 + 1] > x.rowStart[$0] }
        if usable.isEmpty { return degenerate(documents, tfidf: tfidfOptions, notes: notes + ["the documents hold no terms"]) }
        let lsa = try LatentSemanticAnalysis(components: options.components, oversamples: options.oversamples,
                                             powerIterations: options.powerIterations, seed: options.seed)
            .fit(usable.count == n ? x : x.selectingRows(usable))
        let embeddings = lsa.embeddings

        // 3. k: fixed or chosen by the silhouette.
        var range = options.k.map { $0...$0 } ?? options.kMin...options.kMax
        if range.upperBound > usable.count {
            notes.append("k lowered from \(range.upperBound) to \(usable.count): only \(usable.count) documents have terms")
            range = min(range.lowerBound, usable.count)...usable.count
        }
        let sample = Silhouette.sample(rows: usable.count, size: options.silhouetteSample, seed: options.seed)
        var best: (k: Int, fit: SphericalKMeans.Result, score: Double)?
        var scores: [KScore] = []
        for k in range {
            let fit = SphericalKMeans(k: k, starts: options.starts, maxIterations: options.maxIterations,
                                      seed: options.seed &+ UInt64(k)).fit(embeddings)
            let score = Silhouette.score(embeddings, labels: fit.labels, k: k, sample: sample)
            scores.append(KScore(k: k, silhouette: score, objective: fit.objective))
            if let current = best, current.score >= score { continue }
            best = (k, fit, score)
        }
        guard let chosen = best else { return degenerate(documents, tfidf: tfidfOptions, notes: notes) }
        let k = chosen.k

        // 4. Number topics by size, then earliest member.
        var size = [Int](repeating: 0, count: k), first = [Int](repeating: Int.max, count: k)
        for (r, l) in chosen.fit.labels.enumerated() {
            size[l] += 1
            first[l] = min(first[l], r)
        }
        let order = (0..<k).sorted { size[$0] != size[$1] ? size[$0] > size[$1] : first[$0] < first[$1] }
        var renumber = [Int](repeating: 0, count: k)
        for (newID, old) in order.enumerated() { renumber[old] = newID }

        // 5. Every document: topic, similarity, outlier flag.
        var labels = [Int](repeating: 0, count: n)  // documents without terms join topic 0, the largest
        var similarity = [Double](repeating: 0, count: n)
        var outlier = [Bool](repeating: true, count: n)
        for (r, i) in usable.enumerated() {
            labels[i] = renumber[chosen.fit.labels[r]]
            similarity[i] = chosen.fit.similarities[r]
            outlier[i] = similarity[i] < options.minSimilarity
        }
        let labelTerms = TopicLabels.label(
            texts: texts, labels: labels.indices.map { outlier[$0] && similarity[$0] == 0 ? -1 : labels[$0] }, k: k,
            options: TopicLabels.countOptions(base: tfidfOptions, ngramMax: options.labelNgramMax, documents: n),
            count: options.labelTerms)
        let centroidTerms = TopicLabels.centroidTerms(x, vocabulary: fitted.model.vocabulary, labels: labels, k: k, count: 20)
        let reps = TopicLabels.representatives(labels: labels, similarities: similarity, k: k, count: options.representatives)
        var topics: [Topic] = []
        for t in 0..<k {
            let members = labels.indices.filter { labels[$0] == t }
            let terms = labelTerms[t]
            topics.append(Topic(
                id: t, label: terms.prefix(3).map(\.term).joined(separator: ", "), terms: terms.map(\.term),
                size: members.count, representatives: reps[t].map { documents[$0].id }, termWeights: terms,
                centroidTerms: centroidTerms[t],
                meanSimilarity: members.isEmpty ? 0 : members.reduce(0) { $0 + similarity[$1] } / Double(members.count),
                outliers: members.filter { outlier[$0] }.count))
        }
        let assignments = (0..<n).map {
            TopicAssignment(documentID: documents[$0].id, topic: labels[$0], similarity: similarity[$0], isOutlier: outlier[$0])
        }
        return TopicResult(topics: topics, assignments: assignments, k: k, kScores: scores, tfidf: tfidfOptions,
                           vocabularySize: fitted.model.vocabulary.count, singularValues: lsa.singularValues, notes: notes)
    }

    /// One topic holding every document, all flagged: nothing could be measured.
    func degenerate(_ documents: [TopicDocument], tfidf: TfidfOptions, notes: [String]) -> TopicResult {
        let topic = Topic(id: 0, label: "", terms: [], size: documents.count, representatives: [],
                          outliers: documents.count)
        return TopicResult(
            topics: [topic],
            assignments: documents.map { TopicAssignment(documentID: $0.id, topic: 0, similarity: 0, isOutlier: true) },
            k: 1, kScores: [], tfidf: tfidf, notes: notes)
    }
}
