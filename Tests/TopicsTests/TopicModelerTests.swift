import Foundation
import LinearAlgebra
import Testing
@testable import Topics

/// A small corpus written for these tests: three clear subjects plus noise.
/// The plain mean of each cluster's rows (k clusters, every one non-empty).
func clusterMeans(_ x: Matrix, labels: [Int], k: Int) -> [[Double]] {
    var means = [[Double]](repeating: [Double](repeating: 0, count: x.cols), count: k)
    var size = [Double](repeating: 0, count: k)
    for i in 0..<x.rows {
        size[labels[i]] += 1
        for j in 0..<x.cols { means[labels[i]][j] += x[i, j] }
    }
    for c in 0..<k { for j in 0..<x.cols { means[c][j] /= size[c] } }
    return means
}

/// Squared Euclidean distances from row `i` of `x` to each of `means`.
func squaredDistances(_ x: Matrix, row i: Int, to means: [[Double]]) -> [Double] {
    means.map { m in (0..<x.cols).reduce(0.0) { $0 + (x[i, $1] - m[$1]) * (x[i, $1] - m[$1]) } }
}

enum SmallCorpus {
    static let subjects: [[String]] = [
        ["rust", "borrow", "checker", "memory", "safety", "unsafe", "lifetimes", "ownership", "compiler"],
        ["football", "match", "goal", "striker", "league", "referee", "penalty", "stadium", "season"],
        ["garden", "tomatoes", "roses", "soil", "compost", "watering", "seeds", "pruning", "greenhouse"],
    ]

    static func documents(perSubject: Int = 30, seed: UInt64 = 7) -> [TopicDocument] {
        var rng = SeededGenerator(seed: seed)
        var docs: [TopicDocument] = []
        for i in 0..<(perSubject * subjects.count) {
            let words = subjects[i % subjects.count]
            let text = (0..<8).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
            docs.append(TopicDocument(id: "d\(i)", text: "The \(text) again."))
        }
        return docs
    }
}

@Suite("Topic modeler")
struct TopicModelerTests {
    @Test("empty input gives no topics")
    func empty() throws {
        let result = try TopicModeler().run([])
        #expect(result.topics.isEmpty && result.assignments.isEmpty)
    }

    @Test("three clear subjects: fixed k recovers them, with labels, representatives and every document assigned")
    func recoversSubjects() throws {
        let docs = SmallCorpus.documents()
        let result = try TopicModeler(options: TopicOptions(k: 3)).run(docs)
        #expect(result.k == 3 && result.topics.count == 3)
        #expect(result.assignments.map(\.documentID) == docs.map(\.id))
        let truth = docs.indices.map { $0 % 3 }
        #expect(ClusterAgreement.ari(truth, result.assignments.map(\.topic)) > 0.99)
        for topic in result.topics {
            #expect(topic.representatives.count == 3)
            #expect(!topic.terms.isEmpty && topic.label.split(separator: ",").count == 3)
            #expect(topic.size == 30)
            let members = Set(result.assignments.filter { $0.topic == topic.id }.map(\.documentID))
            #expect(topic.representatives.allSatisfy(members.contains))
            // The label words all come from one subject.
            let subject = SmallCorpus.subjects.first { $0.contains(topic.terms[0]) } ?? []
            #expect(topic.terms.prefix(3).allSatisfy { term in term.split(separator: " ").allSatisfy { subject.contains(String($0)) } })
        }
        #expect(result.assignments.allSatisfy { $0.similarity >= -1 && $0.similarity <= 1.000_000_1 })
    }

    @Test("automatic k reports the silhouette of every k and picks the best")
    func automaticK() throws {
        var options = TopicOptions(kMin: 2, kMax: 6)
        options.starts = 3
        let result = try TopicModeler(options: options).run(SmallCorpus.documents())
        #expect(result.kScores.map(\.k) == [2, 3, 4, 5, 6])
        let best = result.kScores.max { $0.silhouette < $1.silhouette }
        #expect(result.k == best?.k)
        #expect(result.k == 3)
        #expect(result.kScores.allSatisfy { $0.silhouette >= -1 && $0.silhouette <= 1 })
    }

    // The process-wide BLAS thread count is not changed here: other suites run pipelines at the same
    // time, and a count changed under them changes their topics.
    @Test("the same input and seed give the same result")
    func deterministic() throws {
        let docs = SmallCorpus.documents(perSubject: 40)
        let options = TopicOptions(kMin: 2, kMax: 4)
        let one = try TopicModeler(options: options).run(docs)
        let again = try TopicModeler(options: options).run(docs)
        for other in [again] {
            #expect(other.topics == one.topics)
            #expect(other.assignments.map(\.topic) == one.assignments.map(\.topic))
            expectAllClose(other.assignments.map(\.similarity), one.assignments.map(\.similarity), tolerance: 1e-12, "similarities")
        }
    }

    @Test("degenerate input: fewer documents than k, stop words only, a single document")
    func degenerate() throws {
        let few = [TopicDocument(id: "a", text: "rust kernel driver"), TopicDocument(id: "b", text: "garden roses soil")]
        let r1 = try TopicModeler(options: TopicOptions(k: 5)).run(few)
        #expect(r1.k == 2 && r1.assignments.count == 2 && !r1.notes.isEmpty)
        let stop = [TopicDocument(id: "a", text: "the and of"), TopicDocument(id: "b", text: "!!!")]
        let r2 = try TopicModeler().run(stop)
        #expect(r2.topics.count == 1 && r2.assignments.allSatisfy(\.isOutlier))
        let one = try TopicModeler().run([TopicDocument(id: "x", text: "just one comment about rust")])
        #expect(one.assignments.count == 1 && one.k == 1)
    }

    @Test("documents without terms and off-topic ones are flagged, not dropped")
    func outliers() throws {
        var docs = SmallCorpus.documents()
        docs.append(TopicDocument(id: "empty", text: "..."))
        let result = try TopicModeler(options: TopicOptions(k: 3)).run(docs)
        #expect(result.assignments.count == docs.count)
        let empty = result.assignments.last
        #expect(empty?.isOutlier == true && empty?.similarity == 0)
    }

    @Test("bad options give a clear error")
    func badOptions() {
        #expect(throws: TopicError.self) { try TopicModeler(options: TopicOptions(kMin: 5, kMax: 2)).run(SmallCorpus.documents()) }
        #expect(throws: TopicError.self) { try TopicModeler(options: TopicOptions(k: 0)).run(SmallCorpus.documents()) }
    }

    @Test("options decode from a partial document, keeping defaults")
    func partialOptions() throws {
        let json = #"{"k": 4, "tfidf": {"minDF": {"count": 3}, "ngramMax": 2}}"#
        let o = try JSONDecoder().decode(TopicOptions.self, from: Data(json.utf8))
        #expect(o.k == 4 && o.components == 100 && o.tfidf.minDF == .count(3) && o.tfidf.ngramMax == 2)
        #expect(o.tfidf.sublinearTF == false)  // a given tfidf block starts from TfidfOptions() defaults
    }
}

@Suite("LSA and clustering")
struct LSAClusteringTests {
    static func fixtureMatrix() throws -> SparseMatrix {
        let docs = try Fixtures.jsonl(Fixtures.directory.appendingPathComponent("tfidf-corpus.jsonl")).map(\.text)
        return try TfidfVectorizer().fitTransform(docs).matrix
    }

    @Test("randomized SVD finds the leading singular values of the exact SVD")
    func singularValues() throws {
        let x = try Self.fixtureMatrix()
        let exact = try LAPACK.svd(x.dense).singularValues
        // This corpus has a flat spectrum (templated sentences), the hard case for subspace iteration:
        // many iterations converge to the exact values, the default 5 to within a few per cent.
        let converged = try LatentSemanticAnalysis(components: 20, oversamples: 10, powerIterations: 60, seed: 3).fit(x)
        expectAllClose(converged.singularValues.prefix(10).map { $0 }, Array(exact.prefix(10)), tolerance: 1e-9, "top 10 singular values")
        let lsa = try LatentSemanticAnalysis(components: 20, seed: 3).fit(x)
        expectAllClose(lsa.singularValues.prefix(5).map { $0 }, Array(exact.prefix(5)), tolerance: 1e-3, "top 5, default iterations")
        expectAllClose(lsa.singularValues, Array(exact.prefix(20)), tolerance: 5e-2, "top 20, default iterations")
        // Rows are unit length (no fixture document is empty after the unigram tokenizer but a few).
        for i in 0..<x.rows {
            let norm = lsa.embeddings.row(i).reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-12 || norm == 0)
        }
    }

    @Test("embeddings equal U·Σ: their Gram matrix equals that of the exact rank-r reconstruction")
    func embeddingsAreUSigma() throws {
        let x = try Self.fixtureMatrix()
        let d = try LAPACK.svd(x.dense)
        let r = 5
        let lsa = try LatentSemanticAnalysis(components: r, powerIterations: 60, seed: 1).fit(x, normalizeRows: false)
        let us = Matrix(rows: x.rows, cols: r) { i, j in d.u[i, j] * d.singularValues[j] }
        // Signs and rotations inside equal singular values do not matter: compare U Σ Σ Uᵀ.
        let g1 = BLAS.gemm(lsa.embeddings, .none, lsa.embeddings, .transpose)
        let g2 = BLAS.gemm(us, .none, us, .transpose)
        expectAllClose(g1.storage, g2.storage, tolerance: 1e-6, "document Gram matrices")
    }

    @Test("k-means: the objective never falls across iterations; labels agree with the best similarities")
    func kmeansInvariants() throws {
        let x = try LatentSemanticAnalysis(components: 10, seed: 2).fit(try Self.fixtureMatrix()).embeddings
        let usable = (0..<x.rows).filter { x.row($0).contains { $0 != 0 } }
        let xu = Matrix(rows: usable.count, cols: x.cols) { i, j in x[usable[i], j] }
        let km = SphericalKMeans(k: 4, starts: 1, maxIterations: 1, seed: 5)
        var rng = SeededGenerator(seed: 5)
        var centroids = km.seedCentroids(xu, using: &rng)
        var last = -Double.infinity
        for _ in 0..<15 {
            let step = km.iterate(xu, centroids: centroids)
            #expect(step.objective >= last - 1e-9, "objective fell from \(last) to \(step.objective)")
            last = step.objective
            centroids = SphericalKMeans.centroids(xu, labels: step.labels, k: 4, similarities: step.similarities)
        }
        let full = SphericalKMeans(k: 4, starts: 5, seed: 5).fit(xu)
        let s = BLAS.gemm(xu, .none, full.centroids, .transpose)
        for i in 0..<xu.rows {
            let best = (0..<4).map { s[i, $0] }.max() ?? 0
            #expect(abs(full.similarities[i] - best) < 1e-12)
        }
    }

    @Test("k-means: starts run together reach what each start reaches alone, in both centroid modes")
    func kmeansStartsTogether() throws {
        let x = try LatentSemanticAnalysis(components: 10, seed: 2).fit(try Self.fixtureMatrix()).embeddings
        let usable = (0..<x.rows).filter { x.row($0).contains { $0 != 0 } }
        let xu = Matrix(rows: usable.count, cols: x.cols) { i, j in x[usable[i], j] }
        for normalize in [true, false] {
            var km = SphericalKMeans(k: 4, starts: 5, seed: 11)
            km.normalizeCentroids = normalize
            var generators = km.startGenerators()
            let seeds = km.seedRows(xu, generators: &generators)
            let together = km.iterate(xu, centroids: seeds.map { SphericalKMeans.rows($0, of: xu) })
            for (s, start) in km.startGenerators().enumerated() {
                var rng = start
                let alone = km.iterate(xu, centroids: km.seedCentroids(xu, using: &rng))
                #expect(alone.labels == together[s].labels, "start \(s), normalize \(normalize)")
                #expect(abs(alone.score - together[s].score) < 1e-9)
            }
            let best = km.fit(xu)
            #expect(best.score == together.map(\.score).max())
            #expect(Set(best.labels).count == 4)
            if !normalize && best.iterations < km.maxIterations {
                // Lloyd's fixed point: every row is nearest (Euclidean) to the mean of its own cluster.
                let means = clusterMeans(xu, labels: best.labels, k: 4)
                for i in 0..<xu.rows {
                    let dist = squaredDistances(xu, row: i, to: means)
                    #expect(dist[best.labels[i]] <= (dist.min() ?? 0) + 1e-9, "row \(i)")
                }
            }
        }
    }

    @Test("NMI and ARI equal scikit-learn's on small cases")
    func agreement() {
        let a = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2], b = [1, 1, 0, 0, 2, 2, 2, 2, 0, 1]
        expectAllClose([ClusterAgreement.nmi(a, b), ClusterAgreement.ari(a, b)],
                       [0.26733692039994567, -0.022727272727272728], tolerance: 1e-12, "case 1")
        let c = ["x", "x", "y", "y", "z", "z"], d = [0, 0, 1, 1, 1, 2]
        expectAllClose([ClusterAgreement.nmi(c, d), ClusterAgreement.ari(c, d)],
                       [0.7396673768007592, 0.4444444444444444], tolerance: 1e-12, "case 2")
        expectAllClose([ClusterAgreement.nmi(a, a), ClusterAgreement.ari(a, a)], [1, 1], tolerance: 1e-12, "identical")
    }
}
