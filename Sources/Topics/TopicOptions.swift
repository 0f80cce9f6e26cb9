/// Options of the topics stage; every default lives here. Decoding accepts any subset of the keys.
public struct TopicOptions: Sendable, Codable, Hashable {
    /// A fixed number of topics, or nil to choose within `kMin...kMax` by the cosine silhouette.
    public var k: Int?
    public var kMin: Int = 2
    public var kMax: Int = 8
    /// Seeds the random projection, the k-means++ seeding and the silhouette sample.
    public var seed: UInt64 = 42
    /// The document vectors (scikit-learn's reference settings by default).
    public var tfidf: TfidfOptions = .topicDefaults
    /// LSA dimensions (capped by the corpus), oversampling and power iterations of the randomized SVD.
    public var components: Int = 100
    public var oversamples: Int = 10
    public var powerIterations: Int = 5
    /// k-means starts (the best objective is kept) and iterations per start.
    public var starts: Int = 10
    public var maxIterations: Int = 100
    /// Documents less similar than this to their topic's centroid are flagged as outliers.
    public var minSimilarity: Double = 0.2
    /// Label terms per topic, and the longest n-gram they may be (2: bigrams welcome).
    public var labelTerms: Int = 10
    public var labelNgramMax: Int = 2
    /// Representative comments per topic.
    public var representatives: Int = 3
    /// Documents sampled for the silhouette when k is chosen automatically.
    public var silhouetteSample: Int = 2000

    public init(k: Int? = nil, kMin: Int = 2, kMax: Int = 8, seed: UInt64 = 42) {
        self.k = k
        self.kMin = kMin
        self.kMax = kMax
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey {
        case k, kMin, kMax, seed, tfidf, components, oversamples, powerIterations, starts, maxIterations
        case minSimilarity, labelTerms, labelNgramMax, representatives, silhouetteSample
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var o = TopicOptions()
        o.k = try c.decodeIfPresent(Int.self, forKey: .k)
        o.kMin = try c.decodeIfPresent(Int.self, forKey: .kMin) ?? o.kMin
        o.kMax = try c.decodeIfPresent(Int.self, forKey: .kMax) ?? o.kMax
        o.seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? o.seed
        o.tfidf = try c.decodeIfPresent(TfidfOptions.self, forKey: .tfidf) ?? o.tfidf
        o.components = try c.decodeIfPresent(Int.self, forKey: .components) ?? o.components
        o.oversamples = try c.decodeIfPresent(Int.self, forKey: .oversamples) ?? o.oversamples
        o.powerIterations = try c.decodeIfPresent(Int.self, forKey: .powerIterations) ?? o.powerIterations
        o.starts = try c.decodeIfPresent(Int.self, forKey: .starts) ?? o.starts
        o.maxIterations = try c.decodeIfPresent(Int.self, forKey: .maxIterations) ?? o.maxIterations
        o.minSimilarity = try c.decodeIfPresent(Double.self, forKey: .minSimilarity) ?? o.minSimilarity
        o.labelTerms = try c.decodeIfPresent(Int.self, forKey: .labelTerms) ?? o.labelTerms
        o.labelNgramMax = try c.decodeIfPresent(Int.self, forKey: .labelNgramMax) ?? o.labelNgramMax
        o.representatives = try c.decodeIfPresent(Int.self, forKey: .representatives) ?? o.representatives
        o.silhouetteSample = try c.decodeIfPresent(Int.self, forKey: .silhouetteSample) ?? o.silhouetteSample
        self = o
    }

    /// Checks ranges; the message names the option, the allowed range and the value found.
    public func validate() throws {
        func fail(_ m: String) -> TopicError { .invalidOption(m) }
        if let k, k < 1 { throw fail("k must be >= 1, found \(k)") }
        if k == nil && (kMin < 1 || kMax < kMin) { throw fail("k range must satisfy 1 <= kMin <= kMax, found \(kMin)...\(kMax)") }
        if components < 1 { throw fail("components must be >= 1, found \(components)") }
        if oversamples < 0 { throw fail("oversamples must be >= 0, found \(oversamples)") }
        if powerIterations < 0 { throw fail("powerIterations must be >= 0, found \(powerIterations)") }
        if starts < 1 { throw fail("starts must be >= 1, found \(starts)") }
        if maxIterations < 1 { throw fail("maxIterations must be >= 1, found \(maxIterations)") }
        if !(minSimilarity >= -1 && minSimilarity <= 1) { throw fail("minSimilarity must be in [-1, 1], found \(minSimilarity)") }
        if labelTerms < 1 { throw fail("labelTerms must be >= 1, found \(labelTerms)") }
        if labelNgramMax < 1 { throw fail("labelNgramMax must be >= 1, found \(labelNgramMax)") }
        if representatives < 0 { throw fail("representatives must be >= 0, found \(representatives)") }
        if silhouetteSample < 2 { throw fail("silhouetteSample must be >= 2, found \(silhouetteSample)") }
        try tfidf.validate()
    }
}

/// Why the topics stage failed.
public enum TopicError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidOption(String)
    public var description: String {
        switch self {
        case .invalidOption(let m): return "topics: \(m)"
        }
    }
}
