import Foundation
import Reports
import Topics

/// Gives tonight's topics the stable ids (and labels) of the previous run's topics they continue.
///
/// Two topics' similarity is the cosine of their centroids in term space (the mean TF-IDF row of
/// their documents, top terms only, as the modeler reports them) when both have one; otherwise the
/// cosine of their top terms weighted by rank, w(r) = (n - r) / n for the term at rank r of n.
/// Pairs are matched greedily from the most similar down (ties broken by ids), one to one, while the
/// similarity is at least `threshold`. Then:
/// - an unmatched previous topic similar (>= threshold) to a matched tonight topic *merged* into it;
/// - an unmatched tonight topic similar to a matched previous topic was *split* from it;
/// - other unmatched tonight topics are *new* (next free id), other unmatched previous ones *vanished*.
///
/// Design note: centroids in LSA space were turned down because the LSA basis changes every night;
/// term-space centroids and top terms are comparable across nights and readable in the store.
public struct TopicTracker: Sendable {
    public var threshold: Double

    public init(threshold: Double = 0.3) { self.threshold = threshold }

    public struct Outcome: Sendable {
        /// Tonight's modeler id -> stable id.
        public var stableID: [Int: Int]
        /// Tonight's topics under their stable ids and kept labels, sorted by id.
        public var topics: [StoredTopic]
        public var changes: [TopicChange]
    }

    /// - Parameters:
    ///   - current: tonight's topics as the modeler numbered them.
    ///   - previous: the previous run's topics (empty on a first run: every topic is new, no changes listed).
    ///   - nextID: the first unused stable id.
    public func track(_ current: [Topic], previous: [StoredTopic], nextID: Int) -> Outcome {
        let today = current.sorted { $0.id < $1.id }
        let before = previous.sorted { $0.id < $1.id }
        var sims: [(Double, Int, Int)] = []  // (similarity, today index, before index)
        for (i, t) in today.enumerated() {
            for (j, p) in before.enumerated() {
                let s = t.centroidTerms.isEmpty || p.centroid.isEmpty
                    ? Self.similarity(t.terms, p.terms) : Self.cosine(t.centroidTerms, p.centroid)
                if s >= threshold { sims.append((s, i, j)) }
            }
        }
        sims.sort { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) }
        var matchOfToday: [Int: Int] = [:], matchOfBefore: [Int: Int] = [:]
        for (_, i, j) in sims where matchOfToday[i] == nil && matchOfBefore[j] == nil {
            matchOfToday[i] = j
            matchOfBefore[j] = i
        }
        var stable: [Int: Int] = [:]
        var stored: [StoredTopic] = []
        var next = nextID
        for (i, t) in today.enumerated() {
            if let j = matchOfToday[i] {
                stable[t.id] = before[j].id
                stored.append(StoredTopic(id: before[j].id, label: before[j].label, terms: t.terms, size: t.size,
                                          centroid: t.centroidTerms))
            } else {
                stable[t.id] = next
                stored.append(StoredTopic(id: next, label: t.label, terms: t.terms, size: t.size, centroid: t.centroidTerms))
                next += 1
            }
        }
        let ref = { (i: Int) in TopicRef(id: stored[i].id, label: stored[i].label) }
        let refBefore = { (j: Int) in TopicRef(id: before[j].id, label: before[j].label) }
        var changes: [TopicChange] = []
        guard !before.isEmpty else {
            return Outcome(stableID: stable, topics: stored.sorted { $0.id < $1.id }, changes: [])
        }
        var explained: Set<String> = []  // "t<i>" / "b<j>" consumed by a merge or split
        for (i, _) in today.enumerated() {
            guard let j0 = matchOfToday[i] else { continue }
            let absorbed = sims.filter { $0.1 == i && matchOfBefore[$0.2] == nil }.map(\.2).sorted()
            if !absorbed.isEmpty {
                changes.append(TopicChange(kind: .merged, from: ([j0] + absorbed).map(refBefore).sorted(), to: [ref(i)]))
                absorbed.forEach { explained.insert("b\($0)") }
            }
        }
        for (j, _) in before.enumerated() {
            guard let i0 = matchOfBefore[j] else { continue }
            let offspring = sims.filter { $0.2 == j && matchOfToday[$0.1] == nil }.map(\.1)
                .filter { !explained.contains("t\($0)") }.sorted()
            if !offspring.isEmpty {
                changes.append(TopicChange(kind: .split, from: [refBefore(j)], to: ([i0] + offspring).map(ref).sorted()))
                offspring.forEach { explained.insert("t\($0)") }
            }
        }
        for (i, _) in today.enumerated() where matchOfToday[i] == nil && !explained.contains("t\(i)") {
            changes.append(TopicChange(kind: .new, to: [ref(i)]))
        }
        for (j, _) in before.enumerated() where matchOfBefore[j] == nil && !explained.contains("b\(j)") {
            changes.append(TopicChange(kind: .vanished, from: [refBefore(j)]))
        }
        changes.sort { a, b in
            (a.kind.rawValue, a.from.first?.id ?? -1, a.to.first?.id ?? -1) < (b.kind.rawValue, b.from.first?.id ?? -1, b.to.first?.id ?? -1)
        }
        return Outcome(stableID: stable, topics: stored.sorted { $0.id < $1.id }, changes: changes)
    }

    /// Cosine of two sparse term-weight vectors (summed in `a`'s order, so the result is reproducible).
    public static func cosine(_ a: [TopicTerm], _ b: [TopicTerm]) -> Double {
        let lookup = Dictionary(b.map { ($0.term, $0.weight) }, uniquingKeysWith: { x, _ in x })
        var dot = 0.0
        var seen: Set<String> = []
        for t in a where seen.insert(t.term).inserted { dot += t.weight * (lookup[t.term] ?? 0) }
        let na = a.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        let nb = b.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        return na > 0 && nb > 0 ? dot / (na * nb) : 0
    }

    /// Cosine similarity of two ranked term lists under rank weights (n - r) / n.
    public static func similarity(_ a: [String], _ b: [String]) -> Double {
        // Arrays, not dictionary iteration, so the float sums run in one fixed order.
        func weighted(_ terms: [String]) -> [(String, Double)] {
            var seen: Set<String> = []
            return terms.enumerated().compactMap { r, t in
                seen.insert(t).inserted ? (t, Double(terms.count - r) / Double(terms.count)) : nil
            }
        }
        let wa = weighted(a), wb = weighted(b)
        let lookup = Dictionary(wb, uniquingKeysWith: { x, _ in x })
        var dot = 0.0
        for (t, x) in wa { if let y = lookup[t] { dot += x * y } }
        let na = wa.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        let nb = wb.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        return na > 0 && nb > 0 ? dot / (na * nb) : 0
    }
}
