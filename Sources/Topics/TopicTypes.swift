import Foundation

/// A document to cluster: a comment's own words (quotes already removed by ingest).
public struct TopicDocument: Sendable, Hashable {
    public var id: String
    public var text: String
    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

/// A term and its weight in a topic.
public struct TopicTerm: Sendable, Hashable, Codable {
    public var term: String
    public var weight: Double
    public init(term: String, weight: Double) {
        self.term = term
        self.weight = weight
    }
}

public struct Topic: Sendable, Hashable, Codable {
    /// 0-based; topics are numbered by size, largest first (ties: the one holding the earliest document).
    public var id: Int
    /// The top three label terms joined by ", ".
    public var label: String
    /// Label terms by class-based TF-IDF, best first.
    public var terms: [String]
    public var size: Int
    /// Ids of the comments nearest the centroid, nearest first.
    public var representatives: [String]
    /// `terms` with their class-based TF-IDF weights.
    public var termWeights: [TopicTerm]
    /// The topic's centroid in term space: the mean TF-IDF row of its documents, top terms only.
    /// Two nights' topics can be matched by the cosine of these vectors.
    public var centroidTerms: [TopicTerm]
    /// Mean similarity of the members to the centroid.
    public var meanSimilarity: Double
    /// Members flagged as outliers.
    public var outliers: Int

    public init(id: Int, label: String, terms: [String], size: Int, representatives: [String],
                termWeights: [TopicTerm] = [], centroidTerms: [TopicTerm] = [], meanSimilarity: Double = 0,
                outliers: Int = 0) {
        self.id = id
        self.label = label
        self.terms = terms
        self.size = size
        self.representatives = representatives
        self.termWeights = termWeights
        self.centroidTerms = centroidTerms
        self.meanSimilarity = meanSimilarity
        self.outliers = outliers
    }
}

public struct TopicAssignment: Sendable, Hashable, Codable {
    public var documentID: String
    public var topic: Int
    /// Cosine similarity to the topic's centroid in LSA space, in [-1, 1].
    public var similarity: Double
    /// True when the document fits no topic well (similarity below `TopicOptions.minSimilarity`, or no terms).
    public var isOutlier: Bool

    public init(documentID: String, topic: Int, similarity: Double, isOutlier: Bool) {
        self.documentID = documentID
        self.topic = topic
        self.similarity = similarity
        self.isOutlier = isOutlier
    }
}

/// The criterion's value for one k tried.
public struct KScore: Sendable, Hashable, Codable {
    public var k: Int
    /// Mean cosine silhouette on the sample (higher is better); the criterion.
    public var silhouette: Double
    /// Σ cosine similarity to the centroid (the k-means objective; always grows with k).
    public var objective: Double
    public init(k: Int, silhouette: Double, objective: Double) {
        self.k = k
        self.silhouette = silhouette
        self.objective = objective
    }
}

public struct TopicResult: Sendable, Codable {
    public var topics: [Topic]
    /// One per input document, in input order.
    public var assignments: [TopicAssignment]
    /// The k used (0 for no documents).
    public var k: Int
    /// Every k tried with its criterion value (one entry when k was fixed).
    public var kScores: [KScore]
    /// The TF-IDF options actually used (after any fallback for tiny corpora).
    public var tfidf: TfidfOptions
    public var vocabularySize: Int
    /// Singular values of the LSA components kept.
    public var singularValues: [Double]
    /// What was adjusted and why (k clamped, pruning relaxed...).
    public var notes: [String]

    public init(topics: [Topic], assignments: [TopicAssignment], k: Int = 0, kScores: [KScore] = [],
                tfidf: TfidfOptions = TfidfOptions.topicDefaults, vocabularySize: Int = 0,
                singularValues: [Double] = [], notes: [String] = []) {
        self.topics = topics
        self.assignments = assignments
        self.k = k
        self.kScores = kScores
        self.tfidf = tfidf
        self.vocabularySize = vocabularySize
        self.singularValues = singularValues
        self.notes = notes
    }
}
