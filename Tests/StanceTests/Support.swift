import Foundation
import Sentiment
import TextProcessing
import ThreadModel
@testable import Stance

/// Builders for hand-written comments and a small profile, so rule tests do not depend on the
/// shipped profile's exact cue list.
enum Fixture {
    /// A small valence lexicon in VADER's -4...4 scale: enough for the test sentences.
    static let lexicon = Lexicon(valences: [
        "great": 3.1, "love": 3.2, "good": 1.9, "nice": 1.8, "fine": 0.8, "excellent": 2.7, "happy": 2.7,
        "sick": -1.9, "hate": -2.7, "terrible": -2.1, "awful": -2.0, "mess": -1.5, "pain": -2.3, "tired": -1.0,
        "disaster": -3.1, "bad": -2.5, "hard": -0.4, "approve": 1.7, "calm": 1.3, "stupid": -2.4, "wonderful": 2.7,
    ])
    static let analyzer = SentimentAnalyzer(lexicon: lexicon)

    static let profileYAML = """
    name: test-debate
    description: A small profile for rule tests.
    target: Rust
    aliases: [rust, rustc, borrow checker, rustacean*]
    other_side: [C, gcc, c++]
    topic_terms: [kernel, compiler*, code, language*]
    cues:
      pro:
        - match: memory safety
          weight: 0.5
          note: safety
        - match: use after free*
          weight: 0.4
          negatable: false
          note: a bug class the target removes
        - match: here to stay
          weight: 0.4
      anti:
        - match: [hype, fad, zealot*]
          weight: 0.5
          note: fashion
        - match: [their own kernel, no spec]
          weight: 0.6
          note: keep it out
    off_topic:
      politics: [woke, trump]
      meta: [slashdot]
    replies:
      agree: [^this, ^exactly, ^indeed, i agree]
      disagree: [^no, ^nonsense, i disagree, have to disagree, i don't agree]
    """

    static let profile: StanceProfile = {
        do { return try StanceProfile.parse(yaml: profileYAML, path: "test.yml") } catch {
            preconditionFailure("test profile does not parse: \(error)")
        }
    }()

    static let classifier = StanceClassifier(profile: profile)

    /// A comment with sentences split and, when given, quote spans taken from `quoted` substrings.
    static func comment(_ text: String, id: String = "1", parent: String? = nil, thread: String = "t",
                        quoted: [String] = [], score: Int? = nil) -> Comment {
        var quotes: [QuoteSpan] = []
        let bytes = Array(text.utf8)
        for q in quoted {
            let qb = Array(q.utf8)
            if let start = (0...(bytes.count - qb.count)).first(where: { Array(bytes[$0..<($0 + qb.count)]) == qb }) {
                quotes.append(QuoteSpan(span: Span(start, start + qb.count)))
            }
        }
        let sentences = SentenceSplitter.split(text).map { s in
            Sentence(span: s, isQuoted: quotes.contains { $0.span.start <= s.start && s.end <= $0.span.end })
        }
        return Comment(id: id, threadID: thread, parentID: parent, parentLink: parent == nil ? .none : .explicit,
                       score: score, rawText: text, quotes: quotes, sentences: sentences,
                       location: SourceLocation(file: "test", line: 1))
    }

    static func sentiments(_ comments: [Comment]) -> [CommentKey: CommentSentiment] {
        Dictionary(uniqueKeysWithValues: comments.map { ($0.key, analyzer.analyze($0)) })
    }

    /// Classifies one top-level comment.
    static func stance(_ text: String, quoted: [String] = [], classifier: StanceClassifier = classifier) -> CommentStance {
        let c = comment(text, quoted: quoted)
        return classifier.classify(c, sentiment: analyzer.analyze(c), parent: nil)
    }

    /// Classifies a thread given as (id, parent, text) and returns stances by id.
    static func thread(_ rows: [(String, String?, String)], classifier: StanceClassifier = classifier)
        -> [String: CommentStance] {
        let comments = rows.map { comment($0.2, id: $0.0, parent: $0.1) }
        let t = DiscussionThread(id: "t", source: .jsonl, file: "test", comments: comments)
        let out = classifier.run(threads: [t], sentiments: sentiments(comments))
        return Dictionary(uniqueKeysWithValues: out.map { ($0.key.commentID, $0) })
    }

    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

func close(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }

/// The two baselines every stance evaluation reports beside its own scores: "everything is pro" and
/// "the sign of VADER's compound is the stance" (VADER's own thresholds: >= 0.05 positive, <= -0.05
/// negative, else neutral).
struct Baselines {
    let allPro: StanceScores
    let vaderSign: StanceScores

    init(comments: [ThreadModel.Comment], gold: [StanceLabel], vader: SentimentAnalyzer) {
        allPro = StanceScores(predicted: gold.map { _ in .pro }, gold: gold)
        vaderSign = StanceScores(predicted: comments.map { c in
            let compound = vader.analyze(c).scores.compound
            return compound >= 0.05 ? .pro : compound <= -0.05 ? .anti : .neutral
        }, gold: gold)
    }

    /// The report lines, each indented two spaces.
    var lines: String { "  baseline all pro:  \(allPro)\n  baseline VADER:    \(vaderSign)\n" }
}
