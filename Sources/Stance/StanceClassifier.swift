import Foundation
import Sentiment
import TextProcessing
import ThreadModel

/// Options of the stance stage; the defaults live here and only here.
public struct StanceOptions: Sendable, Codable, Hashable {
    /// Below this |score| a comment has no stance of its own (neutral, off-topic, or inherited).
    public var threshold: Double
    /// Multiplies a sentence's compound when the sentence names the target.
    public var targetSentimentWeight: Double
    /// Multiplies (and inverts) a sentence's compound when it names only the other side.
    public var otherSideSentimentWeight: Double
    /// Share of the target weight for a sentence that refers back to the target with "it".
    public var carryFactor: Double
    /// Weight of one comparison or preference between the two sides.
    public var comparisonWeight: Double
    /// Factor on a negated cue: negative turns it around, its size says how much survives.
    public var negationFactor: Double
    /// Share of the parent's score a reply inherits when it agrees (or inverts when it disagrees).
    public var inheritFactor: Double
    /// Share of the parent's score taken, inverted, by a reply that quotes its parent and answers
    /// without a stance or marker of its own (quoting to answer is how rebuttals are written); 0 turns it off.
    public var quotingReplyFactor: Double
    /// A reply with at least this many words of its own, to an on-topic parent, is taken as
    /// continuing the debate even when it names none of the profile's words.
    public var onTopicReplyWords: Int
    /// Share of the parent's score taken by a reply with no marker whose own evidence leans, below
    /// the threshold, to one side: + when it leans the parent's way, − when it leans against (a
    /// weak own lean read in the light of what it answers); 0 turns it off.
    public var leaningReplyFactor: Double
    /// The smallest |R| (raw own evidence) that counts as a lean for `leaningReplyFactor`.
    public var minimumLean: Double
    /// Share of the parent's score taken, inverted, by an on-topic reply with no own evidence at
    /// all, no marker and no quote (it answers in its own words); 0 turns it off.
    public var silentReplyFactor: Double

    public init(threshold: Double = 0.2, targetSentimentWeight: Double = 0.5, otherSideSentimentWeight: Double = 0.3,
                carryFactor: Double = 0.7, comparisonWeight: Double = 0.6, negationFactor: Double = -0.5,
                inheritFactor: Double = 0.8, quotingReplyFactor: Double = 0.6, onTopicReplyWords: Int = 20,
                leaningReplyFactor: Double = 0.5, minimumLean: Double = 0.05, silentReplyFactor: Double = 0.8) {
        self.threshold = threshold
        self.targetSentimentWeight = targetSentimentWeight
        self.otherSideSentimentWeight = otherSideSentimentWeight
        self.carryFactor = carryFactor
        self.comparisonWeight = comparisonWeight
        self.negationFactor = negationFactor
        self.inheritFactor = inheritFactor
        self.quotingReplyFactor = quotingReplyFactor
        self.onTopicReplyWords = onTopicReplyWords
        self.leaningReplyFactor = leaningReplyFactor
        self.minimumLean = minimumLean
        self.silentReplyFactor = silentReplyFactor
    }
}

/// The stance stage: where each comment's author stands toward the profile's target, why, and
/// how sure.
///
/// For each comment, in tree order (parents first), the rules run on the commenter's own words
/// (quoted text is ignored) in this order: `ComparisonRule`, `CueRule` (a cue that is also the
/// comparative counts once), `TargetSentimentRule` (only in sentences where neither spoke), and
/// cues and comparisons of the comment's own subject line. Their raw weights wᵢ add up to R, and
///
///     score = tanh(R),   contributionᵢ = wᵢ · tanh(R) / R   (so Σ contributionᵢ = score)
///
/// If |score| ≥ `threshold` the stance is the comment's own (`direct`). Otherwise a reply that
/// agrees or disagrees with a pro or anti parent adds ±`inheritFactor` × the parent's score, and
/// an on-topic reply quoting its parent without a marker adds −`quotingReplyFactor` × it
/// (`ReplyRule`; source `inherited` or `inverted`). When the reply quotes a passage of its parent
/// that takes a side on its own, that passage is the claim answered (`quotedClaim`). Whatever is still below the threshold is
/// `neutral`, or `off_topic` by `OffTopicRule`.
///
/// Confidence, in [0, 1]: for pro and anti, |score| × agreement, where agreement = |Σ wᵢ| / Σ |wᵢ|
/// is 1 when all evidence points one way; for neutral, 1 − |score| / threshold (sure of
/// abstaining when nothing points anywhere); for off-topic, 1 with no own words, else 0.6 plus
/// 0.2 per marker, at most 1.
///
/// Design notes: a learned classifier was turned down: 74 labelled comments cannot train one,
/// and analysts must be able to see and argue with every reason. tanh keeps one strong cue
/// decisive and several weak ones additive without letting the score leave [-1, 1].
public struct StanceClassifier: Sendable {
    public let profile: StanceProfile
    public var options: StanceOptions
    let compiled: CompiledProfile

    public init(profile: StanceProfile, options: StanceOptions = StanceOptions()) {
        self.profile = profile
        self.options = options
        self.compiled = CompiledProfile(profile)
    }

    /// Scores every comment of every thread.
    /// - Returns: one stance per comment, in thread order then comment order.
    /// - Complexity: O(total text length × patterns per word); no recursion.
    public func run(threads: [DiscussionThread], sentiments: [CommentKey: CommentSentiment]) -> [CommentStance] {
        var out: [CommentStance] = []
        out.reserveCapacity(threads.reduce(0) { $0 + $1.comments.count })
        for thread in threads {
            let (order, parentOf) = TreeOrder.order(thread.comments)
            var stances = [CommentStance?](repeating: nil, count: thread.comments.count)
            for i in order {
                let c = thread.comments[i]
                let parent = parentOf[i].flatMap { stances[$0] }
                stances[i] = classify(c, sentiment: sentiments[c.key], parent: parent,
                                      parentComment: parentOf[i].map { thread.comments[$0] })
            }
            out += stances.compactMap { $0 }
        }
        return out
    }

    /// Scores one comment given its parent's stance (nil for a top-level comment).
    /// - Parameter parentComment: the parent itself, when known: a passage the reply quotes that
    ///   the parent was itself quoting is not the parent's claim (see `quotedClaim`).
    public func classify(_ c: Comment, sentiment: CommentSentiment?, parent: CommentStance?,
                         parentComment: Comment? = nil) -> CommentStance {
        let v = CommentView(comment: c, sentiment: sentiment, profile: compiled)
        let comparisons = Self.sideTaking(v, options: options)
        // A comparative that is also a cue ("safer than C") counts once, as the comparison.
        var evidence = CueRule.apply(v, profile: compiled, options: options).filter { cue in
            !comparisons.contains { c in c.span.map { s in cue.span.map { $0.overlaps(s) } ?? false } ?? false }
        }
        evidence += comparisons
        let decided = Set(evidence.compactMap { $0.span.map { v.sentenceIndex(at: $0.start) } ?? nil })
        evidence += TargetSentimentRule.apply(v, options: options, decided: decided)
        evidence.sort { ($0.span?.start ?? -1, $0.rule) < ($1.span?.start ?? -1, $1.rule) }
        evidence = titleEvidence(c) + evidence
        if let tag = SarcasmRule.tag(v) {
            evidence.append(SarcasmRule.evidence(flipping: evidence, tag: tag))
        }

        var source = StanceSource.direct
        let relation = parent == nil ? nil : ReplyRule.relation(v, profile: compiled)
        let parentOnTopic = parent.map { $0.label != .offTopic } ?? false
        let longReply = parentOnTopic && v.ownWordCount >= options.onTopicReplyWords
        // Quoting a passage of an on-topic parent to answer it keeps a short reply on the subject.
        let answers = relation != nil || longReply || ReplyRule.quotesParent(c)
        let offTopic = OffTopicRule.reason(v, answersOnTopicParent: parentOnTopic && answers)
        // An explicit reply marker outranks tone: when the own evidence is sentiment only, the
        // marker still applies ("Ah yes, the mythical careful C programmer" is warm about C in
        // words and disagrees in fact). A concession ("I agree, but") is inferred, not said, and
        // does not outrank tone.
        let toneOnly = !evidence.isEmpty && evidence.allSatisfy { TargetSentimentRule.names.contains($0.rule) }
        let explicitMarker = relation.map { !$0.marker.hasSuffix("... but") } ?? false
        // The claim a reply answers: the passage of the parent it quotes when that passage takes a
        // side on its own, else the parent as a whole.
        let claim = parent.flatMap { quotedClaim(c, parent: $0, parentComment: parentComment) }
        let answered = claim ?? parent.flatMap { $0.label == .pro || $0.label == .anti ? $0 : nil }
            // A parent that only leans: see `leaningContext`.
            ?? (relation != nil || evidence.isEmpty ? parent.flatMap { Self.leaningContext($0, options: options) } : nil)
        if abs(Self.squash(evidence).score) < options.threshold || (explicitMarker && toneOnly),
           let parent = answered {
            if let relation {
                evidence.append(ReplyRule.evidence(relation, parent: parent, options: options))
                source = relation.relation == .agrees ? .inherited : .inverted
            } else if offTopic == nil, options.quotingReplyFactor > 0, ReplyRule.quotesParent(c) {
                evidence.append(ReplyRule.rebuttal(parent: parent, options: options, quote: ReplyRule.parentQuote(c)))
                source = .inverted
            } else if offTopic == nil, options.quotingReplyFactor > 0, let echo = ReplyRule.scareQuote(v) {
                evidence.append(ReplyRule.rebuttal(parent: parent, options: options, echo: echo))
                source = .inverted
            } else if offTopic == nil, options.leaningReplyFactor > 0,
                      let e = ReplyRule.leaning(own: evidence.reduce(0) { $0 + $1.weight }, parent: parent, options: options) {
                evidence.append(e)
                source = e.weight * parent.score > 0 ? .inherited : .inverted
            } else if offTopic == nil, options.silentReplyFactor > 0, evidence.isEmpty,
                      v.sentences.first?.isQuestion == false {
                evidence.append(ReplyRule.silentAnswer(parent: parent, options: options))
                source = .inverted
            }
        }
        if claim != nil, let k = evidence.indices.last, evidence[k].rule.hasPrefix("reply-") {
            evidence[k].note += "; scored on the passage it quotes"
        }
        var (score, scaled) = Self.squash(evidence)
        let label: StanceLabel
        var confidence: Double
        // A reply that takes its side from a pro or anti parent keeps a side even when the share
        // it takes falls below the threshold (a parent at 0.24 passes 0.19 to an agreeing reply),
        // as long as its own words do not turn the sum around.
        let taken = source != .direct && evidence.last.map { $0.weight * score > 0 } == true
        if score >= options.threshold || score <= -options.threshold || taken {
            label = score > 0 ? .pro : .anti
            let total = evidence.reduce(0) { $0 + abs($1.weight) }
            confidence = total > 0 ? abs(score) * abs(evidence.reduce(0) { $0 + $1.weight }) / total : 0
        } else if let reason = offTopic {
            label = .offTopic
            source = .direct
            let markers = OffTopicRule.evidence(v, profile: compiled)
            confidence = reason == .noOwnWords ? 1 : min(1, 0.6 + 0.2 * Double(markers.count))
            scaled += markers
            scaled.append(.raw(OffTopicRule.name, reason.rawValue, nil, 0))
        } else {
            label = .neutral
            source = .direct
            confidence = max(0, 1 - abs(score) / max(options.threshold, 1e-9))
        }
        scaled = scaled.map { Self.named($0, in: c) }
        score = scaled.reduce(0) { $0 + $1.contribution }
        confidence = min(1, max(0, confidence))
        return CommentStance(key: c.key, label: label, score: score, confidence: confidence, source: source,
                             evidence: scaled)
    }

    /// Cues and comparisons in a subject line the commenter wrote (not a "Re: ..." copy).
    /// The title is not part of `text`, so this evidence has no span; its note quotes the title.
    func titleEvidence(_ c: Comment) -> [StanceEvidence] {
        guard let title = c.title?.trimmingSpaces(), !title.isEmpty, !title.lowercased().hasPrefix("re:") else { return [] }
        let t = Comment(id: c.id, threadID: c.threadID, rawText: title, location: c.location)
        let v = CommentView(comment: t, sentiment: nil, profile: compiled)
        return (CueRule.apply(v, profile: compiled, options: options) + Self.sideTaking(v, options: options))
            .map { e in
                var e = e
                e.span = nil
                e.note = "in the title \"\(title)\": " + e.note
                return e
            }
    }

    /// The stance of the parent's passage a reply quotes, when that passage alone takes a side
    /// (its cues and comparisons give |tanh R| ≥ threshold): quoting one sentence of a long
    /// comment says which of its claims the reply answers, and that claim may lean the other way
    /// from the whole comment, or take a side the whole comment balanced out.
    /// - Returns: a stance keyed by the parent, or nil when the reply quotes nothing of it or the
    ///   passage takes no side.
    ///
    /// Only the parent's own words count: a passage the parent was itself quoting (a reply that
    /// keeps the grandparent's line above the parent's answer) is skipped line by line; the
    /// remaining quoted lines are scored together.
    func quotedClaim(_ c: Comment, parent: CommentStance, parentComment: Comment?) -> CommentStance? {
        let parentQuoted = parentComment.map { p in p.quotes.map { p.text.slice($0.span) } } ?? []
        func words(_ s: String) -> String { Tokenizer.tokenize(s).map(\.folded).joined(separator: " ") }
        let theirs = parentQuoted.map(words)
        let length = c.text.utf8.count
        // Lines of the quoted passages that are the parent's own words.
        let lines = ReplyRule.parentQuotes(c).filter { $0.start >= 0 && $0.end <= length }
            .flatMap { c.text.slice($0).split(separator: "\n").map(String.init) }
            .filter { line in let w = words(line); return !w.isEmpty && !theirs.contains { $0.contains(w) } }
        guard !lines.isEmpty else { return nil }
        let text = lines.joined(separator: "\n")
        let passage = Comment(id: c.id, threadID: c.threadID, rawText: text, location: c.location)
        let v = CommentView(comment: passage, sentiment: nil, profile: compiled)
        let comparisons = Self.sideTaking(v, options: options)
        let cues = CueRule.apply(v, profile: compiled, options: options).filter { cue in
            !comparisons.contains { c in c.span.map { s in cue.span.map { $0.overlaps(s) } ?? false } ?? false }
        }
        let score = Self.squash(cues + comparisons).score
        guard abs(score) >= options.threshold else { return nil }
        return CommentStance(key: parent.key, label: score > 0 ? .pro : .anti, score: score, confidence: abs(score))
    }

    /// Lean context: a neutral parent whose own evidence all points one way, too weakly to take a
    /// side (|score| ≥ `minimumLean`, below the threshold), still says which way the exchange
    /// started. A reply with no evidence of its own, or with an agreement or disagreement marker,
    /// answers that lean as it would answer a side (`ReplyRule`), so a chain under a sideless
    /// comment is not left unlabelled all the way down. A parent whose evidence points both ways
    /// is mixed, not leaning, and gives no context.
    static func leaningContext(_ p: CommentStance, options: StanceOptions) -> CommentStance? {
        guard p.label == .neutral, abs(p.score) >= options.minimumLean else { return nil }
        guard p.evidence.allSatisfy({ $0.weight * p.score >= 0 }) else { return nil }
        return p
    }

    /// Evidence of the rules that set the two sides against each other: comparisons and
    /// preferences (`ComparisonRule`) and advice naming one side (`RecommendationRule`).
    static func sideTaking(_ v: CommentView, options: StanceOptions) -> [StanceEvidence] {
        ComparisonRule.apply(v, options: options) + RecommendationRule.apply(v, options: options)
    }

    /// Evidence always says what it matched: an empty or blank `matched` takes the words its span
    /// covers, or else the rule's name in parentheses.
    static func named(_ e: StanceEvidence, in c: Comment) -> StanceEvidence {
        guard e.matched.allSatisfy(\.isWhitespace) else { return e }
        var e = e
        let covered = e.span.map { c.text.slice($0).trimmingSpaces() } ?? ""
        e.matched = covered.isEmpty ? "(\(e.rule))" : covered
        return e
    }

    /// score = tanh(R) with R = Σ wᵢ; each contribution is wᵢ · tanh(R) / R.
    static func squash(_ evidence: [StanceEvidence]) -> (score: Double, evidence: [StanceEvidence]) {
        let r = evidence.reduce(0) { $0 + $1.weight }
        let factor = abs(r) < 1e-12 ? 1 : tanh(r) / r
        var out = evidence
        for k in out.indices { out[k].contribution = out[k].weight * factor }
        return (out.reduce(0) { $0 + $1.contribution }, out)
    }
}

