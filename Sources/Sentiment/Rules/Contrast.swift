/// Contrastive conjunctions: the clause after "but" outweighs the one before it.
///
/// vader mode (3.3.2, quirks kept): only the first "but" counts; "however" is ignored. Each score before
/// it is halved and each score after it is multiplied by 1.5, but the position updated is the *first*
/// position holding an equal value (Python's `list.index`), so repeated values can be scaled at the
/// wrong place or twice, exactly as 3.3.2 does.
/// default mode: every "but" and "however" counts. A word followed (later in the sentence) by any
/// marker is halved; a word after the last marker gets x1.5. So in "A but B however C" only C is
/// emphasised and A, B are both dampened.
enum Contrast {
    static let before = 0.5
    static let after = 1.5

    static func applyVader(_ s: UnsafeMutableBufferPointer<Double>, _ t: Tokens, but: Int32) {
        guard let bi = t.firstIndex(where: { $0.id == but }) else { return }
        for k in 0..<s.count {
            let value = s[k]
            guard let si = s.firstIndex(of: value) else { continue }
            if si < bi { s[si] = value * before } else if si > bi { s[si] = value * after }
        }
    }

    static func applyDefault(_ s: UnsafeMutableBufferPointer<Double>, _ t: Tokens, but: Int32, however: Int32) {
        guard let last = t.lastIndex(where: { $0.id == but || $0.id == however }) else { return }
        for k in 0..<s.count {
            if k < last { s[k] *= before } else if k > last { s[k] *= after }
        }
    }
}
