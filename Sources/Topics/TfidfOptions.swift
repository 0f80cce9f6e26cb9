/// A document-frequency bound: an absolute number of documents or a proportion of them.
///
/// scikit-learn tells the two apart by type (`int` 2 vs `float` 0.5), so `max_df=1` means "at most
/// one document" while `max_df=1.0` means "all". Here the case says which.
public enum DocumentFrequencyBound: Sendable, Hashable, Codable {
    case count(Int)
    case proportion(Double)

    enum CodingKeys: String, CodingKey { case count, proportion }

    /// Encoded as `{"count": 2}` or `{"proportion": 0.5}`, keeping the distinction JSON numbers lose.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let n = try c.decodeIfPresent(Int.self, forKey: .count) {
            self = .count(n)
        } else if let p = try c.decodeIfPresent(Double.self, forKey: .proportion) {
            self = .proportion(p)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "a document-frequency bound needs 'count' (an integer) or 'proportion' (0...1)"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .count(let n): try c.encode(n, forKey: .count)
        case .proportion(let p): try c.encode(p, forKey: .proportion)
        }
    }

    /// The bound in documents for a corpus of `n`, as scikit-learn compares it (a float, not rounded).
    func documents(outOf n: Int) -> Double {
        switch self {
        case .count(let c): return Double(c)
        case .proportion(let p): return p * Double(n)
        }
    }
}

/// The options of `TfidfVectorizer`, with scikit-learn 1.9.1's defaults.
///
/// Weights: `w(t, d) = tf'(t, d) · idf(t)`, then each row divided by its Euclidean norm, where
/// `tf' = tf` or `1 + ln tf` (`sublinearTF`) and `idf = ln((n + 1) / (df + 1)) + 1` (`smoothIDF`)
/// or `ln(n / df) + 1`, n counting every document, empty ones included.
public struct TfidfOptions: Sendable, Hashable, Codable {
    /// Lower-case (Python `str.lower()` semantics) before tokenising.
    public var lowercase: Bool = true
    /// Drop scikit-learn's English stop words (318; see `EnglishStopWords`).
    public var englishStopWords: Bool = false
    /// Further stop words (compared with the lower-cased tokens).
    public var extraStopWords: [String] = []
    /// Smallest and largest n-gram length, in words (scikit-learn's `ngram_range`).
    public var ngramMin: Int = 1
    public var ngramMax: Int = 1
    /// Keep terms in at least `minDF` documents...
    public var minDF: DocumentFrequencyBound = .count(1)
    /// ...and in at most `maxDF`.
    public var maxDF: DocumentFrequencyBound = .proportion(1.0)
    /// Then keep at most this many terms, the most frequent in the corpus (ties: earlier in sorted order).
    public var maxFeatures: Int? = nil
    public var useIDF: Bool = true
    public var smoothIDF: Bool = true
    public var sublinearTF: Bool = false
    /// Divide each row by its Euclidean norm.
    public var normalize: Bool = true

    public init(lowercase: Bool = true, englishStopWords: Bool = false, extraStopWords: [String] = [],
                ngramMin: Int = 1, ngramMax: Int = 1, minDF: DocumentFrequencyBound = .count(1),
                maxDF: DocumentFrequencyBound = .proportion(1.0), maxFeatures: Int? = nil, useIDF: Bool = true,
                smoothIDF: Bool = true, sublinearTF: Bool = false, normalize: Bool = true) {
        self.lowercase = lowercase
        self.englishStopWords = englishStopWords
        self.extraStopWords = extraStopWords
        self.ngramMin = ngramMin
        self.ngramMax = ngramMax
        self.minDF = minDF
        self.maxDF = maxDF
        self.maxFeatures = maxFeatures
        self.useIDF = useIDF
        self.smoothIDF = smoothIDF
        self.sublinearTF = sublinearTF
        self.normalize = normalize
    }

    enum CodingKeys: String, CodingKey {
        case lowercase, englishStopWords, extraStopWords, ngramMin, ngramMax, minDF, maxDF, maxFeatures
        case useIDF, smoothIDF, sublinearTF, normalize
    }

    /// Decoding accepts any subset of the keys; the others keep their defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var o = TfidfOptions()
        o.lowercase = try c.decodeIfPresent(Bool.self, forKey: .lowercase) ?? o.lowercase
        o.englishStopWords = try c.decodeIfPresent(Bool.self, forKey: .englishStopWords) ?? o.englishStopWords
        o.extraStopWords = try c.decodeIfPresent([String].self, forKey: .extraStopWords) ?? o.extraStopWords
        o.ngramMin = try c.decodeIfPresent(Int.self, forKey: .ngramMin) ?? o.ngramMin
        o.ngramMax = try c.decodeIfPresent(Int.self, forKey: .ngramMax) ?? o.ngramMax
        o.minDF = try c.decodeIfPresent(DocumentFrequencyBound.self, forKey: .minDF) ?? o.minDF
        o.maxDF = try c.decodeIfPresent(DocumentFrequencyBound.self, forKey: .maxDF) ?? o.maxDF
        o.maxFeatures = try c.decodeIfPresent(Int.self, forKey: .maxFeatures)
        o.useIDF = try c.decodeIfPresent(Bool.self, forKey: .useIDF) ?? o.useIDF
        o.smoothIDF = try c.decodeIfPresent(Bool.self, forKey: .smoothIDF) ?? o.smoothIDF
        o.sublinearTF = try c.decodeIfPresent(Bool.self, forKey: .sublinearTF) ?? o.sublinearTF
        o.normalize = try c.decodeIfPresent(Bool.self, forKey: .normalize) ?? o.normalize
        self = o
    }

    /// The settings of the quality reference: `sublinear_tf=True, stop_words="english", min_df=2, max_df=0.5`.
    public static let topicDefaults = TfidfOptions(englishStopWords: true, minDF: .count(2),
                                                   maxDF: .proportion(0.5), sublinearTF: true)

    /// Checks ranges; the message names the option, the allowed range and the value found.
    public func validate() throws {
        func fail(_ m: String) -> TfidfError { .invalidOption(m) }
        if ngramMin < 1 || ngramMax < ngramMin {
            throw fail("ngram range must satisfy 1 <= ngramMin <= ngramMax, found \(ngramMin)...\(ngramMax)")
        }
        for (name, bound) in [("minDF", minDF), ("maxDF", maxDF)] {
            switch bound {
            case .count(let c) where c < 0: throw fail("\(name) as a count must be >= 0, found \(c)")
            case .proportion(let p) where !(p >= 0 && p <= 1): throw fail("\(name) as a proportion must be in [0, 1], found \(p)")
            default: break
            }
        }
        if let m = maxFeatures, m < 1 { throw fail("maxFeatures must be >= 1, found \(m)") }
    }
}

/// Why a TF-IDF fit failed.
public enum TfidfError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidOption(String)
    /// No document has a single term (all empty, or only stop words).
    case emptyVocabulary
    /// `maxDF` allows fewer documents than `minDF` requires.
    case inconsistentBounds(minDocuments: Double, maxDocuments: Double)
    /// Every term was pruned by the document-frequency bounds.
    case nothingLeftAfterPruning

    public var description: String {
        switch self {
        case .invalidOption(let m): return "tf-idf: \(m)"
        case .emptyVocabulary: return "tf-idf: empty vocabulary; the documents hold no terms (only stop words or nothing)"
        case .inconsistentBounds(let lo, let hi):
            return "tf-idf: maxDF allows \(hi) documents, fewer than minDF's \(lo)"
        case .nothingLeftAfterPruning: return "tf-idf: no terms remain after pruning; lower minDF or raise maxDF"
        }
    }
}
