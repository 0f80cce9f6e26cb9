import Foundation

/// From word scores to the four numbers: compound, pos, neu, neg.
///
/// - compound = s / sqrt(s^2 + 15), where s is the sum of word scores plus the punctuation amplifier
///   (moved away from 0 in the sum's direction); clamped to [-1, 1].
/// - pos/neg: each positive word adds (score + 1), each negative word (|score| + 1), each zero word 1 to
///   neu; the amplifier goes to whichever of pos/neg is larger; each is then divided by the total.
/// - vader mode rounds like 3.3.2: compound to 4 decimals, the proportions to 3 (Python's `round`,
///   half-to-even on the exact binary value). The default mode keeps full precision.
/// Source: vaderSentiment 3.3.2 `normalize`, `_sift_sentiment_scores`, `score_valence`; alpha = 15.
enum Normalisation {
    static let alpha = 15.0

    static func compound(_ sum: Double) -> Double {
        let n = sum / (sum * sum + alpha).squareRoot()
        return min(1, max(-1, n))
    }

    static func scores(_ s: [Double], amplifier: Double, round: Bool) -> SentimentScores {
        s.withUnsafeBufferPointer { scores($0, amplifier: amplifier, round: round) }
    }

    static func scores(_ s: UnsafeBufferPointer<Double>, amplifier: Double, round: Bool) -> SentimentScores {
        scores(Sums(s), amplifier: amplifier, round: round)
    }

    /// What the scores are made of, gathered in one pass over the word scores.
    struct Sums {
        /// The plain sum of the word scores (in order).
        var sum = 0.0
        /// Sum of (score + 1) over positive scores, of (score - 1) over negative ones, count of zeros.
        var posSum = 0.0, negSum = 0.0, neutral = 0
        var count = 0

        @inline(__always)
        init(_ s: UnsafeBufferPointer<Double>) {
            count = s.count
            for x in s {
                sum += x
                if x > 0 { posSum += x + 1 }
                if x < 0 { negSum += x - 1 }
                if x == 0 { neutral += 1 }
            }
        }
    }

    /// The scores from the word scores' ``Sums`` (see ``scores(_:amplifier:round:)``).
    static func scores(_ sums: Sums, amplifier: Double, round: Bool) -> SentimentScores {
        guard sums.count > 0 else { return SentimentScores() }
        var sum = sums.sum
        var posSum = sums.posSum, negSum = sums.negSum
        let neutral = sums.neutral
        if sum > 0 { sum += amplifier } else if sum < 0 { sum -= amplifier }
        let c = compound(sum)
        if posSum > abs(negSum) { posSum += amplifier } else if posSum < abs(negSum) { negSum -= amplifier }
        let total = posSum + abs(negSum) + Double(neutral)
        let pos = abs(posSum / total), neg = abs(negSum / total), neu = abs(Double(neutral) / total)
        guard round else { return SentimentScores(compound: c, pos: pos, neu: neu, neg: neg) }
        return SentimentScores(compound: pythonRound(c, 4), pos: pythonRound(pos, 3),
                               neu: pythonRound(neu, 3), neg: pythonRound(neg, 3))
    }

    /// Python's `round(x, digits)` for 0...6 digits: the exact binary value rounded half-to-even, then the
    /// nearest double to that decimal. `fma` recovers the rounding error of x * 10^d exactly.
    static func pythonRound(_ x: Double, _ digits: Int) -> Double {
        let scale = [1.0, 10, 100, 1000, 10000, 100000, 1_000_000][digits]
        let p = x * scale
        guard p.isFinite, abs(p) < 1e15 else { return x }
        let e = (-p).addingProduct(x, scale)  // x * scale - p, exactly
        var r = p.rounded(.toNearestOrEven)
        let d = (p - r) + e                    // exact offset of x * scale from r (|d| <= 0.5 + tiny)
        if d > 0.5 { r += 1 } else if d < -0.5 { r -= 1 } else if abs(d) == 0.5 {
            r = (r + (d > 0 ? 1 : -1)).truncatingRemainder(dividingBy: 2) == 0 ? r + (d > 0 ? 1 : -1) : r
        }
        return r / scale
    }
}
