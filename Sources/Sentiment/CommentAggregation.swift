/// How the default mode turns sentence scores into one score for a text or comment.
///
/// - compound = S / sqrt(S^2 + 15) with S = (sum over sentences of their amplified sums) / m, where
///   m = max(1, n / 30) and n is the number of tokens. A text of up to 30 tokens (a tweet, a short reply)
///   is therefore scored like one VADER text, rules applied per sentence; a longer one by its sentiment
///   per 30 tokens, so compound stays put as a comment of steady tone grows instead of drifting to +-1.
/// - pos, neu, neg: each sentence's proportions weighted by its token count, i.e. the shares of the
///   whole comment's words; they still sum to 1.
///
/// Roads not taken, measured on the VADER tweets (r of vaderSentiment 0.872): the mean compound of the
/// sentiment-bearing sentences (r 0.845: it throws away that two positive sentences say more than one);
/// scoring the whole comment as one text (its compound saturates on long comments); the strongest
/// sentence (one sarcastic aside decides).
enum CommentAggregation {
    /// Tokens per unit of text: the typical length of a one-sentence post.
    static let unitTokens = 30.0

    static func combine(_ results: [SentenceScorer.Result]) -> SentimentScores {
        var a = Accumulator()
        for r in results { a.add(r.summary) }
        return a.scores
    }

    /// Sums sentence results as they come, so a text's sentences need not be kept.
    struct Accumulator {
        var sum = 0.0, pos = 0.0, neu = 0.0, neg = 0.0, weight = 0.0

        mutating func add(_ r: SentenceScorer.Summary) {
            sum += r.amplifiedSum
            let n = Double(r.tokenCount)
            pos += r.scores.pos * n
            neu += r.scores.neu * n
            neg += r.scores.neg * n
            weight += n
        }

        var scores: SentimentScores {
            guard weight > 0 else { return SentimentScores() }
            let units = max(1, weight / unitTokens)
            return SentimentScores(compound: Normalisation.compound(sum / units),
                                   pos: pos / weight, neu: neu / weight, neg: neg / weight)
        }
    }
}
