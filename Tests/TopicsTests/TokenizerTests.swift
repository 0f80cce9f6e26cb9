import Foundation
import Testing
@testable import Topics

@Suite("Tokenizer and analyzer match scikit-learn's")
struct TokenizerTests {
    static func tokens(_ text: String, lowercase: Bool = true) -> [String] {
        var buffer = TokenBuffer()
        WordTokenizer.tokenize(text, lowercase: lowercase, into: &buffer)
        return (0..<buffer.count).map { String(decoding: buffer.token($0), as: UTF8.self) }
    }

    static func scalars(_ strings: [String]) -> [[UInt32]] { strings.map { $0.unicodeScalars.map(\.value) } }

    @Test("the cases of the TF-IDF spec", arguments: [
        ("don't", ["don"]), ("e-mail", ["mail"]), ("C++ C# .NET", ["net"]), ("x86_64", ["x86_64"]),
        ("rust-lang/rust", ["rust", "lang", "rust"]), ("cafe\u{301}", ["cafe"]), ("İstanbul", ["stanbul"]),
        ("½ ²³", ["²³"]), ("ΟΔΟΣ", ["οδος"]), ("ΣΟΦΙΑ ΟΔΟΣ.", ["σοφια", "οδος"]),
        ("ΟΔΟΣ'Α", ["οδοσ", "α"].filter { $0.unicodeScalars.count >= 2 }), ("a bb ccc", ["bb", "ccc"]),
        ("Straße", ["straße"]), ("ǅemal", ["ǆemal"]), ("東京 と", ["東京"]), ("１２３", ["１２３"]),
        ("__init__ 🦀🦀 ok", ["__init__", "ok"]),
    ] as [(String, [String])])
    func specCases(_ text: String, _ expected: [String]) {
        #expect(Self.scalars(Self.tokens(text)) == Self.scalars(expected), "tokens of \(text.debugDescription)")
    }

    @Test("precomposed and decomposed accents stay different terms")
    func noCanonicalMerging() throws {
        let model = try TfidfVectorizer().fit(["caf\u{E9} one", "cafe\u{301} two"])
        #expect(model.vocabulary.count == 4)  // café (U+00E9), cafe (U+0301 splits it off), one, two
        let precomposed = model.column(of: "caf\u{E9}"), plain = model.column(of: "cafe")
        #expect(precomposed != nil && plain != nil && precomposed != plain)
    }

    @Test("stop words are removed before n-grams are formed; unigrams come first")
    func ngrams() {
        var options = TfidfOptions(englishStopWords: true, ngramMin: 1, ngramMax: 2)
        var features: [String] = []
        var scratch = Analyzer.Scratch()
        Analyzer(options: options).features("Rust in the kernel is here", scratch: &scratch) {
            features.append(String(decoding: $0, as: UTF8.self))
        }
        #expect(features == ["rust", "kernel", "rust kernel"])
        options.ngramMin = 2
        features = []
        Analyzer(options: options).features("Rust in the kernel", scratch: &scratch) {
            features.append(String(decoding: $0, as: UTF8.self))
        }
        #expect(features == ["rust kernel"])
    }

    @Test("the compiled-in English stop words equal data/stopwords/english.txt")
    func stopWordsFile() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("data/stopwords/english.txt")
        let words = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(words == EnglishStopWords.words)
        #expect(words.count == 318)
    }

    @Test("errors: empty vocabulary, bounds that cross, nothing left, bad options")
    func errors() {
        #expect(throws: TfidfError.emptyVocabulary) { try TfidfVectorizer().fit(["", "a b", "!!"]) }
        #expect(throws: TfidfError.self) {
            try TfidfVectorizer(options: TfidfOptions(minDF: .count(3), maxDF: .count(2))).fit(["aa bb", "aa"])
        }
        #expect(throws: TfidfError.nothingLeftAfterPruning) {
            try TfidfVectorizer(options: TfidfOptions(minDF: .count(2))).fit(["aa bb", "cc"])
        }
        #expect(throws: TfidfError.self) { try TfidfVectorizer(options: TfidfOptions(ngramMin: 2, ngramMax: 1)).fit(["aa"]) }
    }
}
