import Sentiment
import TextProcessing
import ThreadModel

/// One of the commenter's own sentences, with its tokens and sentiment.
struct OwnSentence {
    var span: Span
    /// Indices into `CommentView.tokens`.
    var tokens: Range<Int>
    /// The sentence's compound sentiment (0 when the sentiment stage gave none).
    var compound: Double
    /// The sentiment stage's word contributions in this sentence, with spans when it gave them.
    var contributions: [Contribution] = []
    /// Whether the sentence ends with a question mark.
    var isQuestion = false
}

/// A profile's phrase lists, compiled once per classifier (a class: rules take it by reference).
final class CompiledProfile: Sendable {
    let target: PhraseMatcher
    let otherSide: PhraseMatcher
    let topic: PhraseMatcher
    let cues: PhraseMatcher
    let cueInfo: [StanceCue]
    let offTopic: PhraseMatcher
    let offTopicInfo: [OffTopicMarker]
    let agree: PhraseMatcher
    let disagree: PhraseMatcher
    /// The seven lists above in one index, in that order, so a comment is scanned once.
    let index: PatternIndex
    /// Whether a test of `index` is one of `Clauses.contrastMarkers`.
    let isContrastTest: [Bool]

    init(_ p: StanceProfile) {
        func compile(_ list: [String]) -> PhraseMatcher { PhraseMatcher(list.compactMap(TermPattern.init)) }
        target = compile([p.target] + p.aliases)
        otherSide = compile(p.otherSide)
        topic = compile(p.topicTerms)
        let cuePairs = p.cues.compactMap { c in TermPattern(c.match).map { ($0, c) } }
        cues = PhraseMatcher(cuePairs.map(\.0))
        cueInfo = cuePairs.map(\.1)
        let offPairs = p.offTopic.compactMap { m in TermPattern(m.match).map { ($0, m) } }
        offTopic = PhraseMatcher(offPairs.map(\.0))
        offTopicInfo = offPairs.map(\.1)
        agree = compile(p.agree)
        disagree = compile(p.disagree)
        index = PatternIndex(groups: [target, otherSide, topic, cues, offTopic, agree, disagree].map(\.patterns),
                             words: Clauses.contrastMarkers.sorted())
        var contrast = [Bool](repeating: false, count: index.tests.count)
        for id in index.wordIDs { contrast[Int(id)] = true }
        isContrastTest = contrast
    }
}

/// What the rules see of one comment: its own words (quotes removed), where the profile's
/// phrases occur in them, and how much each word counts.
///
/// Own words are those of sentences not marked quoted and outside every quote span. Sentences
/// come from the comment; failing that from the sentiment stage; failing that from
/// `SentenceSplitter`. A phrase match counts only if all its words lie in one own sentence.
struct CommentView {
    let comment: Comment
    let bytes: [UInt8]
    let tokens: [Token]
    let sentences: [OwnSentence]
    /// Sentence index for each token, or -1 for a token outside the commenter's own sentences.
    let sentenceOf: [Int]
    /// Clause factor for each token (see `Clauses`).
    let factor: [Double]
    let target: [PhraseMatch]
    let otherSide: [PhraseMatch]
    let topic: [PhraseMatch]
    let cues: [PhraseMatch]
    let offTopic: [PhraseMatch]
    let agree: [PhraseMatch]
    let disagree: [PhraseMatch]

    init(comment c: Comment, sentiment: CommentSentiment?, profile: CompiledProfile) {
        comment = c
        bytes = Array(c.text.utf8)
        let tokens = Tokenizer.tokenize(bytes: bytes)
        self.tokens = tokens
        let quoteSpans = c.quotes.map(\.span)
        var spans: [Sentence] = c.sentences
        if spans.isEmpty, let s = sentiment, !s.sentences.isEmpty {
            spans = s.sentences.map { Sentence(span: $0.span, isQuoted: $0.isQuoted) }
        }
        if spans.isEmpty { spans = SentenceSplitter.split(c.text).map { Sentence(span: $0) } }
        let scored = sentiment?.sentences ?? []

        var own: [OwnSentence] = []
        var sentenceOf = [Int](repeating: -1, count: tokens.count)
        var t = 0
        for s in spans.sorted(by: { $0.span < $1.span }) {
            while t < tokens.count, tokens[t].span.start < s.span.start { t += 1 }
            let lo = t
            while t < tokens.count, tokens[t].span.end <= s.span.end { t += 1 }
            let quoted = s.isQuoted || quoteSpans.contains { $0.start <= s.span.start && s.span.end <= $0.end }
            guard !quoted, lo < t else { continue }
            // Words of a partly quoted sentence that fall inside a quote are not the author's.
            let kept = (lo..<t).filter { k in !quoteSpans.contains { $0.overlaps(tokens[k].span) } }
            guard let first = kept.first, let last = kept.last else { continue }
            let hi = last + 1
            let index = own.count
            for k in kept { sentenceOf[k] = index }
            let (compound, contributions) = Self.sentiment(for: s.span, in: scored)
            var sentence = OwnSentence(span: s.span, tokens: first..<hi, compound: compound, contributions: contributions)
            sentence.isQuestion = s.span.end > 0 && s.span.end <= bytes.count && bytes[s.span.end - 1] == 0x3F
            own.append(sentence)
        }
        sentences = own
        self.sentenceOf = sentenceOf
        let hits = profile.index.hits(tokens, text: bytes)
        let isContrast = (0..<tokens.count).map { t in
            hits.ids[Int(hits.start[t])..<Int(hits.start[t + 1])].contains { profile.isContrastTest[Int($0)] }
        }
        factor = Clauses.factors(tokens: tokens, sentences: own.map(\.tokens), text: bytes, isContrast: isContrast)

        let found = profile.index.matches(tokens, hits)
        func ownMatches(_ group: Int) -> [PhraseMatch] {
            let all = found[group]
            if all.isEmpty { return all }
            return PhraseMatcher.leftmostLongest(all).filter { match in
                let s = sentenceOf[match.tokens.lowerBound]
                return s >= 0 && match.tokens.allSatisfy { sentenceOf[$0] == s }
            }
        }
        target = ownMatches(0)
        otherSide = ownMatches(1)
        topic = ownMatches(2)
        cues = ownMatches(3)
        offTopic = ownMatches(4)
        agree = ownMatches(5)
        disagree = ownMatches(6)
    }

    /// The compound and contributions of the scored sentence with the same span, else of the one
    /// overlapping most (its contributions then limited to those inside `span`).
    static func sentiment(for span: Span, in scored: [SentenceSentiment]) -> (Double, [Contribution]) {
        if let same = scored.first(where: { $0.span == span }) { return (same.scores.compound, same.contributions) }
        var best: (overlap: Int, index: Int) = (0, -1)
        for (i, s) in scored.enumerated() {
            let overlap = min(s.span.end, span.end) - max(s.span.start, span.start)
            if overlap > best.overlap { best = (overlap, i) }
        }
        guard best.index >= 0 else { return (0, []) }
        let s = scored[best.index]
        return (s.scores.compound, s.contributions.filter { $0.span.map { span.start <= $0.start && $0.end <= span.end } ?? false })
    }

    /// The first token of the commenter's own words.
    var firstOwnToken: Int? { sentences.first?.tokens.lowerBound }

    /// Number of words the commenter wrote.
    var ownWordCount: Int { sentenceOf.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }

    /// Whether the commenter wrote no words of their own.
    var isEmpty: Bool { sentences.isEmpty }

    /// The own sentence holding byte offset `offset`, if any.
    func sentenceIndex(at offset: Int) -> Int? {
        sentences.firstIndex { $0.span.start <= offset && offset < $0.span.end }
    }

    /// Matches of `list` lying in own sentence `s`.
    func matches(_ list: [PhraseMatch], inSentence s: Int) -> [PhraseMatch] {
        list.filter { sentenceOf[$0.tokens.lowerBound] == s }
    }
}
