import Foundation
import LinearAlgebra
import ThreadModel

/// A document to cluster: a comment's own words.
public struct TopicDocument: Sendable, Hashable {
    public var id: String
    public var text: String
    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

public struct TopicOptions: Sendable, Codable, Hashable {
    /// A fixed number of topics, or nil to choose within `kMin...kMax`.
    public var k: Int?
    public var kMin: Int
    public var kMax: Int
    public var seed: UInt64
    public init(k: Int? = nil, kMin: Int = 2, kMax: Int = 8, seed: UInt64 = 42) {
        self.k = k
        self.kMin = kMin
        self.kMax = kMax
        self.seed = seed
    }
}

public struct Topic: Sendable, Hashable, Codable {
    public var id: Int
    public var label: String
    public var terms: [String]
    public var size: Int
    /// Ids of the comments nearest the centroid.
    public var representatives: [String]
}

public struct TopicAssignment: Sendable, Hashable, Codable {
    public var documentID: String
    public var topic: Int
    public var similarity: Double
    /// True when the document fits no topic well.
    public var isOutlier: Bool
}

public struct TopicResult: Sendable, Codable {
    public var topics: [Topic]
    public var assignments: [TopicAssignment]
}

/// The topics stage. First slice: a single topic labelled by the most frequent words.
public struct TopicModeler: Sendable {
    public var options: TopicOptions
    public init(options: TopicOptions = TopicOptions()) { self.options = options }

    public func run(_ documents: [TopicDocument]) throws -> TopicResult {
        var counts: [String: Int] = [:]
        for d in documents {
            for w in d.text.lowercased().split(whereSeparator: { !$0.isLetter }) where w.count > 3 {
                counts[String(w), default: 0] += 1
            }
        }
        let terms = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map(\.key)
        let topic = Topic(id: 0, label: terms.prefix(3).joined(separator: " "), terms: terms,
                          size: documents.count, representatives: documents.prefix(3).map(\.id))
        let assignments = documents.map { TopicAssignment(documentID: $0.id, topic: 0, similarity: 1, isOutlier: false) }
        return TopicResult(topics: documents.isEmpty ? [] : [topic], assignments: assignments)
    }
}
