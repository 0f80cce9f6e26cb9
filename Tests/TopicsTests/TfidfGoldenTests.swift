import Foundation
import LinearAlgebra
import Testing
@testable import Topics

/// scikit-learn's output for one option set (written by scripts/topics/make_tfidf_goldens.py).
struct TfidfGolden: Decodable {
    struct Options: Decodable {
        var ngram_range: [Int]?
        var min_df: Double?
        var max_df: Double?
        var max_features: Int?
        var stop_words: String?
        var sublinear_tf: Bool?
    }
    var options: Options
    var documents: Int
    var vocabulary: [String]
    var idf: [Double]
    var indptr: [Int]
    var indices: [Int]
    var data: [Double]

    static func load(_ name: String) throws -> TfidfGolden {
        let url = Fixtures.directory.appendingPathComponent("tfidf-golden-\(name).json")
        return try JSONDecoder().decode(TfidfGolden.self, from: Data(contentsOf: url))
    }

    /// Our options for the golden's scikit-learn keyword arguments. JSON loses the int/float
    /// distinction of min_df/max_df, so the generator's choice is restated per set.
    func tfidfOptions(_ name: String) -> TfidfOptions {
        var o = TfidfOptions()
        o.englishStopWords = options.stop_words == "english"
        if let r = options.ngram_range { o.ngramMin = r[0]; o.ngramMax = r[1] }
        o.maxFeatures = options.max_features
        o.sublinearTF = options.sublinear_tf ?? false
        switch name {
        case "bigrams": o.minDF = .count(2); o.maxDF = .proportion(0.6)
        case "sublinear": o.minDF = .proportion(0.01); o.maxDF = .count(300)
        default: break
        }
        return o
    }
}

@Suite("TF-IDF equals scikit-learn 1.9.1")
struct TfidfGoldenTests {
    static let corpus: [String] = (try? Fixtures.jsonl(Fixtures.directory.appendingPathComponent("tfidf-corpus.jsonl")))?
        .map(\.text) ?? []

    @Test("vocabulary, idf and every weight within 1e-12", arguments: ["unigrams", "bigrams", "sublinear"])
    func golden(_ name: String) throws {
        let golden = try TfidfGolden.load(name)
        let docs = Self.corpus
        try #require(docs.count == golden.documents, "fixture corpus has \(docs.count) documents, golden \(golden.documents)")
        let options = golden.tfidfOptions(name)
        let (model, x) = try TfidfVectorizer(options: options).fitTransform(docs)

        // Vocabulary: compare code points, not String (== would merge canonically equivalent terms).
        #expect(model.vocabulary.map { Array($0.unicodeScalars.map(\.value)) }
                == golden.vocabulary.map { Array($0.unicodeScalars.map(\.value)) },
                "vocabulary differs: \(model.vocabulary.count) vs \(golden.vocabulary.count) terms")
        try #require(model.vocabulary.count == golden.vocabulary.count)
        expectAllClose(model.idf, golden.idf, tolerance: 1e-12, "idf \(name)")

        // Every stored weight, by (row, column), and the storage order.
        #expect(x.rows == golden.documents && x.nonZeroCount == golden.data.count)
        var worst = 0.0, identical = 0
        for i in 0..<x.rows {
            let mine = x.row(i)
            let theirs = (golden.indptr[i]..<golden.indptr[i + 1]).map { (golden.indices[$0], golden.data[$0]) }
            #expect(mine.map(\.column) == theirs.map(\.0), "row \(i): columns or their order differ")
            guard mine.count == theirs.count else { continue }
            for (m, t) in zip(mine, theirs) where m.column == t.0 {
                worst = max(worst, abs(m.value - t.1))
                if m.value == t.1 { identical += 1 }
            }
        }
        #expect(worst <= 1e-12, "\(name): worst weight error \(worst)")
        // Bit-identical is the design goal (same summation order; 100% when recorded); numpy's log may differ
        // from glibc's by one ulp on rare values, so allow a few.
        #expect(Double(identical) >= 0.99 * Double(golden.data.count), "\(name): only \(identical)/\(golden.data.count) bit-identical")

        // transform on the same documents gives the same matrix as fitTransform.
        #expect(model.transform(docs) == x)
    }

    @Test("a model survives a JSON round trip and transforms the same")
    func codable() throws {
        let options = TfidfOptions(englishStopWords: true, ngramMin: 1, ngramMax: 2, minDF: .count(2))
        let model = try TfidfVectorizer(options: options).fit(Self.corpus)
        let data = try JSONEncoder().encode(model)
        let back = try JSONDecoder().decode(TfidfModel.self, from: data)
        #expect(back.vocabulary == model.vocabulary)
        #expect(back.transform(Array(Self.corpus.prefix(50))) == model.transform(Array(Self.corpus.prefix(50))))
    }
}

func expectAllClose(_ a: [Double], _ b: [Double], tolerance: Double, _ what: String,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.count == b.count, "\(what): \(a.count) vs \(b.count) values", sourceLocation: sourceLocation)
    guard a.count == b.count else { return }
    var worst = 0, err = 0.0
    for i in a.indices where !(abs(a[i] - b[i]) <= err) { err = abs(a[i] - b[i]); worst = i }
    #expect(err <= tolerance, "\(what): worst index \(worst): \(a.isEmpty ? 0 : a[worst]) vs \(b.isEmpty ? 0 : b[worst])",
            sourceLocation: sourceLocation)
}
