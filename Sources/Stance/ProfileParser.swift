import Yams

/// Reads a profile from YAML, checking every key and value, and locating each problem.
///
/// Design notes: the document is read as a Yams node tree rather than through `Decodable`
/// because the decoder reports neither the line of a bad value nor unknown keys; a profile
/// with a misspelt key (`aliasses:`) must fail loudly, not load with an empty list.
struct ProfileParser {
    let path: String

    private static let topKeys = ["name", "description", "target", "aliases", "other_side", "topic_terms",
                                  "cues", "off_topic", "replies"]

    func parse(_ yaml: String) throws -> StanceProfile {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw ProfileError(path: path, line: 0, key: nil, message: "the profile is empty")
            }
            root = node
        } catch let error as YamlError {
            throw yamlProblem(error)
        }
        let top = try mapping(root, key: nil, allowed: Self.topKeys)

        var profile = StanceProfile(name: try string(required(top, "name", in: root), key: "name"),
                                    target: try string(required(top, "target", in: root), key: "target"),
                                    aliases: try patterns(required(top, "aliases", in: root), key: "aliases"))
        if let d = top["description"] { profile.description = try string(d, key: "description") }
        if let o = top["other_side"] { profile.otherSide = try patterns(o, key: "other_side") }
        if let t = top["topic_terms"] { profile.topicTerms = try patterns(t, key: "topic_terms") }
        if let c = top["cues"] { profile.cues = try cues(c) }
        if let o = top["off_topic"] { profile.offTopic = try offTopic(o) }
        if let r = top["replies"] {
            let m = try mapping(r, key: "replies", allowed: ["agree", "disagree"])
            if let a = m["agree"] { profile.agree = try replyMarkers(a, key: "replies.agree") }
            if let d = m["disagree"] { profile.disagree = try replyMarkers(d, key: "replies.disagree") }
        }
        guard TermPattern(profile.target) != nil else {
            throw fail(top["target"], "target", "expected a name with at least one letter or digit")
        }
        return profile
    }

    // MARK: - Sections

    private func cues(_ node: Node) throws -> [StanceCue] {
        let sides = try mapping(node, key: "cues", allowed: StanceCue.Direction.allCases.map(\.rawValue))
        var out: [StanceCue] = []
        var seen: [String: (StanceCue.Direction, Int)] = [:]
        for direction in StanceCue.Direction.allCases {
            guard let list = sides[direction.rawValue] else { continue }
            let key = "cues.\(direction.rawValue)"
            guard case .sequence(let items) = list else { throw fail(list, key, "expected a list of cues") }
            for (i, item) in items.enumerated() {
                let k = "\(key)[\(i)]"
                let m = try mapping(item, key: k, allowed: ["match", "weight", "note", "negatable", "said_of"])
                let phrases = try patterns(required(m, "match", in: item, key: k), key: "\(k).match")
                if let anchored = phrases.first(where: { $0.trimmingSpaces().hasPrefix("^") }) {
                    throw fail(item, "\(k).match", "'\(anchored)': '^' anchors reply markers only, not cues")
                }
                let weightNode = try required(m, "weight", in: item, key: k)
                guard let w = weightNode.float, w > 0, w <= 1 else {
                    throw fail(weightNode, "\(k).weight", "expected a number in (0, 1], found '\(weightNode.string ?? "?")'")
                }
                let note = try m["note"].map { try string($0, key: "\(k).note") } ?? ""
                var negatable = true
                if let n = m["negatable"] {
                    guard let b = n.bool else { throw fail(n, "\(k).negatable", "expected true or false, found '\(n.string ?? "?")'") }
                    negatable = b
                }
                var saidOf: StanceCue.Side? = nil
                if let n = m["said_of"] {
                    guard let v = n.string, let side = StanceCue.Side(rawValue: v) else {
                        throw fail(n, "\(k).said_of", "expected target or other_side, found '\(n.string ?? "?")'")
                    }
                    saidOf = side
                }
                for p in phrases {
                    let folded = TermPattern(p)?.words.joined(separator: " ") ?? p
                    if let (other, line) = seen[folded], other != direction {
                        throw fail(item, "\(k).match", "'\(p)' is also a \(other.rawValue) cue (line \(line))")
                    }
                    seen[folded] = (direction, item.mark?.line ?? 0)
                    out.append(StanceCue(match: p, stance: direction, weight: w, note: note, negatable: negatable, saidOf: saidOf))
                }
            }
        }
        return out
    }

    private func offTopic(_ node: Node) throws -> [OffTopicMarker] {
        guard case .mapping(let groups) = node else {
            throw fail(node, "off_topic", "expected a mapping from a kind (politics, insult, meta...) to a list of phrases")
        }
        var out: [OffTopicMarker] = []
        for (k, v) in groups {
            guard let kind = k.string, !kind.isEmpty else { throw fail(k, "off_topic", "expected a kind name") }
            for p in try patterns(v, key: "off_topic.\(kind)") { out.append(OffTopicMarker(match: p, kind: kind)) }
        }
        return out
    }

    // MARK: - Values

    private func mapping(_ node: Node, key: String?, allowed: [String]) throws -> Node.Mapping {
        guard case .mapping(let m) = node else { throw fail(node, key, "expected a mapping") }
        for k in m.keys {
            let name = k.string ?? "?"
            if !allowed.contains(name) {
                let full = key.map { "\($0).\(name)" } ?? name
                throw fail(k, full, "unknown key; expected one of: \(allowed.joined(separator: ", "))")
            }
        }
        return m
    }

    private func required(_ m: Node.Mapping, _ name: String, in parent: Node, key: String? = nil) throws -> Node {
        guard let v = m[name] else {
            throw fail(parent, key.map { "\($0).\(name)" } ?? name, "required key is missing")
        }
        return v
    }

    private func string(_ node: Node, key: String) throws -> String {
        guard case .scalar(let s) = node, !s.string.isEmpty else { throw fail(node, key, "expected a non-empty text") }
        return s.string
    }

    /// A pattern or a list of patterns; each must hold at least one word.
    private func patterns(_ node: Node, key: String) throws -> [String] {
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let seq): items = Array(seq)
        default: throw fail(node, key, "expected a phrase or a list of phrases")
        }
        return try items.enumerated().map { i, item in
            let k = items.count > 1 || node.sequence != nil ? "\(key)[\(i)]" : key
            guard case .scalar(let s) = item else { throw fail(item, k, "expected a phrase") }
            guard TermPattern(s.string) != nil else {
                throw fail(item, k, "'\(s.string)' holds no word to match")
            }
            return s.string
        }
    }

    /// Words so common that, as an unanchored one-word reply marker, they would match almost
    /// every reply (a YAML flow list splits `[yeah, because]` into two such markers).
    static let commonWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "because", "but", "by", "for", "from", "i", "if", "in", "is",
        "it", "just", "of", "on", "or", "so", "that", "the", "then", "this", "to", "was", "we", "well", "with",
        "yeah", "yes", "you",
    ]

    /// Reply markers: phrases as `patterns`, and no unanchored marker of one common word.
    private func replyMarkers(_ node: Node, key: String) throws -> [String] {
        let out = try patterns(node, key: key)
        let items: [Node] = node.sequence.map { Array($0) } ?? [node]
        for (i, (p, item)) in zip(out, items).enumerated() {
            guard let t = TermPattern(p), !t.anchored, t.words.count == 1, Self.commonWords.contains(t.words[0]) else { continue }
            let k = items.count > 1 || node.sequence != nil ? "\(key)[\(i)]" : key
            throw fail(item, k, "'\(p)' is a common word: unanchored it matches almost every reply; "
                       + "anchor it ('^\(p)') or write a phrase (quote one holding a comma: 'yeah, because')")
        }
        return out
    }

    // MARK: - Errors

    private func fail(_ node: Node?, _ key: String?, _ message: String) -> ProfileError {
        ProfileError(path: path, line: node?.mark?.line ?? 0, key: key, message: message)
    }

    private func yamlProblem(_ error: YamlError) -> ProfileError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ProfileError(path: path, line: mark.line, key: nil, message: "invalid YAML: \(problem)")
        default:
            return ProfileError(path: path, line: 0, key: nil, message: "invalid YAML: \(error)")
        }
    }
}
