/// How the default mode turns sentence scores into one score for a text or comment.
///
/// - compound: the mean compound of the sentences that carry sentiment (a non-zero sum of word scores);
///   0 when none does. It stays in [-1, 1] and does not drift to +-1 as a comment grows, and a neutral
///   sentence ("I compiled it on Tuesday.") does not dilute an opinion stated once.
/// - pos, neu, neg: each sentence's proportions weighted by its token count, i.e. the shares of the
///   whole comment's words; they still sum to 1.
///
/// Roads not taken: scoring the whole comment as one VADER text (its compound saturates, since the sum
/// grows with length while alpha = 15 is fixed); the plain mean over all sentences (neutral sentences
/// dilute it: a long, careful comment with one clear verdict reads as neutral); the strongest sentence
/// (unstable: one sarcastic aside decides).
enum CommentAggregation {
    static func combine(_ results: [SentenceScorer.Result]) -> SentimentScores {
        var compound = 0.0, bearing = 0
        var pos = 0.0, neu = 0.0, neg = 0.0, weight = 0.0
        for r in results {
            if r.rawSum != 0 {
                compound += r.scores.compound
                bearing += 1
            }
            let n = Double(r.tokens.count)
            pos += r.scores.pos * n
            neu += r.scores.neu * n
            neg += r.scores.neg * n
            weight += n
        }
        guard weight > 0 else { return SentimentScores() }
        return SentimentScores(compound: bearing > 0 ? compound / Double(bearing) : 0,
                               pos: pos / weight, neu: neu / weight, neg: neg / weight)
    }
}
