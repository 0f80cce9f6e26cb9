import Foundation
import Testing
@testable import Topics

/// Checks on the labelled news corpus in ../shared (skipped with a message when it is absent).
/// The NMI/ARI comparison with scikit-learn runs in scripts/bench/topics.sh (release build, both sides).
@Suite("Reference corpus (../shared/reference/topics)")
struct ReferenceCorpusTests {
    static let bbc = Fixtures.shared.appendingPathComponent("reference/topics/bbc.jsonl")

    @Test("TF-IDF with the reference settings has scikit-learn's vocabulary size and non-zero count",
          .enabled(if: FileManager.default.fileExists(atPath: bbc.path), "../shared/reference/topics/bbc.jsonl is absent"))
    func bbcShape() throws {
        let docs = try Fixtures.jsonl(Self.bbc).map(\.text)
        let (model, x) = try TfidfVectorizer(options: .topicDefaults).fitTransform(docs)
        // scikit-learn 1.9.1: TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2, max_df=0.5).
        #expect(docs.count == 2225)
        #expect(model.vocabulary.count == 17471)
        #expect(x.nonZeroCount == 307_415)
        for i in stride(from: 0, to: x.rows, by: 97) {
            let norm = x.row(i).reduce(0) { $0 + $1.value * $1.value }.squareRoot()
            #expect(abs(norm - 1) < 1e-12)
        }
    }
}
