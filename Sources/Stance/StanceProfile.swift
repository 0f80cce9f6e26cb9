import Foundation

/// A stance cue: a phrase that, said in the commenter's own voice, pushes toward one side.
public struct StanceCue: Sendable, Codable, Hashable {
    public enum Direction: String, Sendable, Codable, CaseIterable {
        case pro
        case anti
    }

    /// The phrase, in the pattern syntax of `TermPattern`.
    public var match: String
    public var stance: Direction
    /// Strength in (0, 1]: the raw contribution of one occurrence before clause and negation factors.
    public var weight: Double
    /// Why the cue points this way; shown with the evidence.
    public var note: String
    /// Whether a negation before the cue turns it around. False for cues that name a problem the
    /// target removes: "no more use-after-free bugs" argues the same side as "use-after-free bugs".
    public var negatable: Bool
    /// Whose conduct or quality the cue describes when it points its way ("toxic" is anti when
    /// said of the target's people, "gatekeeping" pro when said of the other side's). Said in a
    /// sentence that names only the opposite side, the cue turns around. Nil: the side named
    /// does not matter.
    public var saidOf: Side?

    /// The side a cue is said of.
    public enum Side: String, Sendable, Codable, CaseIterable {
        case target
        case otherSide = "other_side"
    }

    public init(match: String, stance: Direction, weight: Double, note: String = "", negatable: Bool = true,
                saidOf: Side? = nil) {
        self.match = match
        self.stance = stance
        self.weight = weight
        self.note = note
        self.negatable = negatable
        self.saidOf = saidOf
    }

    /// +weight for pro, -weight for anti.
    public var signedWeight: Double { stance == .pro ? weight : -weight }
}

/// A marker that a comment has left the debate: politics, insults, meta-talk.
public struct OffTopicMarker: Sendable, Codable, Hashable {
    public var match: String
    /// A short group name ("politics", "insult", "meta") shown with the evidence.
    public var kind: String
    public init(match: String, kind: String) {
        self.match = match
        self.kind = kind
    }
}

/// A debate: the target, its aliases, the other side, and the cues for and against the target.
///
/// Loaded from YAML (`StanceProfile.load(path:)`); the format is documented in docs/stance.md.
/// Every phrase list uses the `TermPattern` syntax.
public struct StanceProfile: Sendable, Codable, Hashable {
    /// Short identifier ("rust-in-linux"), written into reports.
    public var name: String
    /// One line saying what the debate is about.
    public var description: String
    /// The target's display name ("Rust").
    public var target: String
    /// Words naming the target ("rust", "rustc", "r4l", "borrow checker"...). The target's name
    /// itself is matched too, under the same smart-case rule.
    public var aliases: [String]
    /// Words naming the alternative the target competes with ("C", "gcc", "C++"...).
    public var otherSide: [String]
    /// Words that show a comment is on the subject without taking a side ("kernel", "compiler").
    public var topicTerms: [String]
    public var cues: [StanceCue]
    public var offTopic: [OffTopicMarker]
    /// Reply openers and phrases that agree with the parent ("^this", "^exactly", "i agree").
    public var agree: [String]
    /// Reply openers and phrases that disagree with the parent ("^no", "^nonsense", "i disagree").
    public var disagree: [String]

    public init(
        name: String, description: String = "", target: String, aliases: [String], otherSide: [String] = [],
        topicTerms: [String] = [], cues: [StanceCue] = [], offTopic: [OffTopicMarker] = [],
        agree: [String] = [], disagree: [String] = []
    ) {
        self.name = name
        self.description = description
        self.target = target
        self.aliases = aliases
        self.otherSide = otherSide
        self.topicTerms = topicTerms
        self.cues = cues
        self.offTopic = offTopic
        self.agree = agree
        self.disagree = disagree
    }

    /// Reads and validates a profile file.
    /// - Throws: `ProfileError` naming the file, line and key of the first problem.
    public static func load(path: String) throws -> StanceProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProfileError(path: path, line: 0, key: nil, message: "cannot read profile")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ProfileError(path: path, line: 0, key: nil, message: "profile is not UTF-8 text")
        }
        return try parse(yaml: text, path: path)
    }

    /// Parses a profile from YAML text; `path` is used in error messages.
    /// - Throws: `ProfileError` naming the file, line and key of the first problem.
    public static func parse(yaml: String, path: String) throws -> StanceProfile {
        try ProfileParser(path: path).parse(yaml)
    }
}

/// A problem in a profile file: `data/stance/x.yml:12: error: key 'weight': expected a number in (0, 1], found 'x'`.
public struct ProfileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based; 0 when the whole file is meant.
    public var line: Int
    /// The key (dotted path, e.g. `cues[3].weight`) the problem is in, when known.
    public var key: String?
    public var message: String

    public init(path: String, line: Int, key: String?, message: String) {
        self.path = path
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var s = line > 0 ? "\(path):\(line): error: " : "\(path): error: "
        if let key { s += "key '\(key)': " }
        return s + message
    }
}
