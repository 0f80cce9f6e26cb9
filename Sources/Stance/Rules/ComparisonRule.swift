import ThreadModel

/// Rule "comparison": comparisons and preferences between the target and the other side.
///
/// - "X is safer/better/more reliable than Y" (the comparative up to four words before "than",
///   as in "a better fit for drivers than Y"): weight = ±`comparisonWeight` × factor, + when
///   the target is the better one ("Rust is safer than C", "C is worse than Rust"), − when the
///   other side is ("C is simpler than Rust"). A negation just before the comparative turns it
///   around ("no better than C"). With one side left unnamed ("it's safer than C") the unnamed
///   one is taken to be the opposite side, at `impliedFactor`.
/// - Preferences "X instead of Y", "X rather than Y", "X over Y", "replace Y with X",
///   "Y in favour of X": + when the target is the preferred X, − when the other side is.
///
/// The comparative word lists are English and debate-neutral, so they live here rather than in
/// profiles.
enum ComparisonRule {
    static let name = "comparison"
    static let preferenceName = "preference"
    static let impliedFactor = 0.7
    /// How many words before "than" the comparative may stand.
    static let lookback = 4

    static let better: Set<String> = [
        "better", "safer", "faster", "easier", "simpler", "cleaner", "nicer", "saner", "superior", "stronger",
        "smarter", "sounder", "preferable",
    ]
    static let worse: Set<String> = [
        "worse", "slower", "harder", "buggier", "uglier", "inferior", "weaker", "messier", "riskier", "clunkier",
    ]
    static let goodQualities: Set<String> = [
        "safe", "secure", "reliable", "robust", "readable", "maintainable", "productive", "efficient", "portable",
        "stable", "mature", "correct", "elegant", "pleasant", "useful", "expressive", "powerful", "consistent",
        "trustworthy", "predictable", "modern", "ergonomic",
    ]
    static let badQualities: Set<String> = [
        "complex", "complicated", "dangerous", "verbose", "painful", "bloated", "fragile", "difficult", "confusing",
        "unsafe", "buggy", "insecure", "unstable", "unpredictable", "cumbersome", "annoying", "convoluted",
    ]

    enum Side { case target, other }

    static func apply(_ v: CommentView, options: StanceOptions) -> [StanceEvidence] {
        var out: [StanceEvidence] = []
        for (s, sentence) in v.sentences.enumerated() {
            var side: [Int: Side] = [:]
            for m in v.matches(v.target, inSentence: s) { for t in m.tokens { side[t] = .target } }
            for m in v.matches(v.otherSide, inSentence: s) { for t in m.tokens { side[t] = .other } }
            guard !side.isEmpty else { continue }
            let r = sentence.tokens
            for k in r where v.sentenceOf[k] == s {
                let w = v.tokens[k].folded
                let next = k + 1 < r.upperBound ? v.tokens[k + 1].folded : ""
                if w == "than", k > r.lowerBound, let e = comparative(at: k, v, r, side, options) {
                    out.append(e)
                } else if (w == "instead" && next == "of") || (w == "rather" && next == "than") {
                    // "X instead of Y": X (before) is preferred.
                    let x = nearestSide(from: k - 1, downTo: r.lowerBound, side)?.1
                    let y = nearestSide(from: k + 2, to: min(r.upperBound, k + 6), side)?.1
                    out += preference(x, over: y, at: k, v, o: options, marker: "\(w) \(next)")
                } else if w == "over", let y = nearestSide(from: k + 1, to: min(r.upperBound, k + 3), side)?.1,
                          let x = nearestSide(from: k - 1, downTo: r.lowerBound, side)?.1 {
                    out += preference(x, over: y, at: k, v, o: options, marker: "over")
                } else if w == "favour" || w == "favor", k > r.lowerBound, v.tokens[k - 1].folded == "in",
                          next == "of" {
                    // "drop Y in favour of X": X (after) is preferred.
                    let y = nearestSide(from: k - 2, downTo: r.lowerBound, side)?.1
                    let x = nearestSide(from: k + 2, to: min(r.upperBound, k + 6), side)?.1
                    out += preference(x, over: y, at: k, v, o: options, marker: "in \(w) of")
                } else if w.hasPrefix("replac"), let y = nearestSide(from: k + 1, to: min(r.upperBound, k + 4), side),
                          let by = (y.0..<min(r.upperBound, y.0 + 4)).first(where: { ["with", "by"].contains(v.tokens[$0].folded) }) {
                    // "replace Y with X": X is preferred.
                    let x = nearestSide(from: by + 1, to: min(r.upperBound, by + 4), side)?.1
                    out += preference(x, over: y.1, at: k, v, o: options, marker: v.tokens[k].text)
                }
            }
        }
        return out
    }

    /// "X is <comparative> than Y" around the "than" at `k`.
    private static func comparative(at than: Int, _ v: CommentView, _ r: Range<Int>, _ side: [Int: Side],
                                    _ o: StanceOptions) -> StanceEvidence? {
        // The comparative may stand a few words before "than" ("a better fit for drivers than").
        var k = than
        while k - 1 >= max(r.lowerBound, than - lookback), side[k - 1] == nil {
            let w = v.tokens[k - 1].folded
            if better.contains(w) || worse.contains(w) || goodQualities.contains(w) || badQualities.contains(w) { break }
            k -= 1
        }
        guard k - 1 >= r.lowerBound, side[k - 1] == nil else { return nil }
        let a = v.tokens[k - 1].folded
        var sign: Double
        var start = k - 1
        if better.contains(a) { sign = 1 } else if worse.contains(a) { sign = -1 } else if goodQualities.contains(a) {
            sign = 1
        } else if badQualities.contains(a) { sign = -1 } else { return nil }
        if goodQualities.contains(a) || badQualities.contains(a) {
            guard k - 2 >= r.lowerBound else { return nil }
            let degree = v.tokens[k - 2].folded
            if degree == "less" { sign = -sign } else if degree != "more" { return nil }
            start = k - 2
        }
        if Clauses.isNegated(start, tokens: v.tokens, lowerBound: max(r.lowerBound, start - 2)) { sign = -sign }
        let subject = nearestSide(from: start - 1, downTo: r.lowerBound, side)?.1
        let object = nearestSide(from: than + 1, to: min(r.upperBound, than + 4), side)?.1
        var w: Double
        switch (subject, object) {
        case (.target, .other), (.target, nil): w = sign
        case (.other, .target), (.other, nil): w = -sign
        case (nil, .other): w = sign
        case (nil, .target): w = -sign
        default: return nil
        }
        if subject == nil || object == nil { w *= impliedFactor }
        w *= o.comparisonWeight * v.factor[than]
        let span = Span(v.tokens[start].span.start, v.tokens[than].span.end)
        return .raw(name, v.comment.text.slice(span), span, w,
                    note: w > 0 ? "the target compares favourably" : "the other side compares favourably")
    }

    /// A preference for `preferred` over `other` (either may be unnamed, not both).
    private static func preference(_ preferred: Side?, over other: Side?, at k: Int, _ v: CommentView,
                                   o: StanceOptions, marker: String) -> [StanceEvidence] {
        let sign: Double
        switch (preferred, other) {
        case (.target, .target), (.other, .other), (nil, nil): return []
        case (.target, _), (nil, .other): sign = 1
        case (.other, _), (nil, .target): sign = -1
        }
        var w = sign * o.comparisonWeight * v.factor[k]
        if preferred == nil || other == nil { w *= impliedFactor }
        return [.raw(preferenceName, marker, v.tokens[k].span, w,
                     note: sign > 0 ? "the target is preferred" : "the other side is preferred")]
    }

    private static func nearestSide(from k: Int, downTo lo: Int, _ side: [Int: Side]) -> (Int, Side)? {
        var i = k
        while i >= lo { if let s = side[i] { return (i, s) }; i -= 1 }
        return nil
    }

    private static func nearestSide(from k: Int, to hi: Int, _ side: [Int: Side]) -> (Int, Side)? {
        var i = k
        while i < hi { if let s = side[i] { return (i, s) }; i += 1 }
        return nil
    }
}
