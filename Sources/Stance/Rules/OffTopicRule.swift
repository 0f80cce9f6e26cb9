import ThreadModel

/// Rule "off-topic": decides whether a comment without a stance is off the subject.
///
/// A comment with no stance (|score| below the threshold, nothing inherited) is off-topic when
/// - it has no words of its own (empty, collapsed, deleted, link-only or quote-only), or
/// - it hits the profile's off-topic markers (politics, insults, meta-talk), names neither the
///   target nor any cue, and has no more mentions of the other side and topic terms than markers, or
/// - it names nothing of the debate at all: no alias of either side, no topic term, no cue, and
///   it is not a reply agreeing or disagreeing with an on-topic parent, nor a long reply to one.
/// Otherwise it is neutral: on topic but balanced, factual or asking.
///
/// Markers are listed as evidence with a zero contribution: they decide the label, not the score.
enum OffTopicRule {
    static let name = "off-topic"

    enum Reason: String {
        case noOwnWords = "no words of its own"
        case marker = "off-topic marker and no mention of the target"
        case nothingOnTopic = "names nothing of the debate"
    }

    /// - Parameter answersOnTopicParent: the comment agrees or disagrees with an on-topic parent
    ///   (which keeps a bare "Exactly." on the subject even when the parent took no side), or is a
    ///   long reply to one (`StanceOptions.onTopicReplyWords`).
    static func reason(_ v: CommentView, answersOnTopicParent: Bool = false) -> Reason? {
        let links = linkSpans(v.bytes)
        let ownWords = v.sentences.contains { s in
            s.tokens.contains { k in v.sentenceOf[k] >= 0 && !links.contains { $0.contains(v.tokens[k].span.start) } }
        }
        if !ownWords { return .noOwnWords }
        if !v.offTopic.isEmpty, v.target.isEmpty, v.cues.isEmpty, v.offTopic.count >= v.otherSide.count + v.topic.count {
            return .marker
        }
        if answersOnTopicParent { return nil }
        if v.target.isEmpty, v.otherSide.isEmpty, v.topic.isEmpty, v.cues.isEmpty { return .nothingOnTopic }
        return nil
    }

    static func evidence(_ v: CommentView, profile: CompiledProfile) -> [StanceEvidence] {
        v.offTopic.map { m in
            let marker = profile.offTopicInfo[m.pattern]
            return .raw(name, marker.match, m.span, 0, note: marker.kind)
        }
    }

    /// Regions holding a link: from "http" or "www." to the next white space, and bracketed
    /// host names ("[example.com]", as Slashdot prints a link's site).
    ///
    /// One pass over the bytes; a link start is only compared where its first letter stands.
    static func linkSpans(_ b: [UInt8]) -> [Span] {
        var out: [Span] = []
        var i = 0
        let n = b.count
        @inline(__always) func isSpace(_ x: UInt8) -> Bool { x == 0x20 || x == 0x0A || x == 0x09 || x == 0x0D }
        @inline(__always) func has(_ p: StaticString, at i: Int) -> Bool {
            let count = p.utf8CodeUnitCount
            guard i + count <= n else { return false }
            let u = p.utf8Start
            for k in 0..<count where b[i + k] != u[k] { return false }
            return true
        }
        while i < n {
            let x = b[i]
            if (x == 0x68 && (has("http://", at: i) || has("https://", at: i)) || x == 0x77 && has("www.", at: i))
                && (i == 0 || !Tokenizer.isWordScalar(Unicode.Scalar(b[i - 1]))) {
                var j = i
                while j < n, !isSpace(b[j]) { j += 1 }
                out.append(Span(i, j))
                i = j
            } else if x == 0x5B {  // [
                var j = i + 1
                var dot = false
                while j < n, b[j] != 0x5D, !isSpace(b[j]) { if b[j] == 0x2E { dot = true }; j += 1 }
                if j < n, b[j] == 0x5D, dot {
                    out.append(Span(i, j + 1))
                    i = j + 1
                } else {
                    i += 1
                }
            } else {
                i += 1
            }
        }
        return out
    }
}
