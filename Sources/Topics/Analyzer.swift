/// scikit-learn's word analyzer: tokenise (see `WordTokenizer`), drop stop words, then form n-grams.
///
/// Features come out in scikit-learn's order, which fixes the order terms are first seen and so the
/// storage order of each TF-IDF row: all unigrams of the document (when `ngramMin == 1`), then all
/// bigrams, then trigrams..., each n-gram being its words joined by one space, formed after stop
/// words are removed (so "rust in the kernel" gives the bigram "rust kernel" with English stop words).
struct Analyzer: Sendable {
    let lowercase: Bool
    let stopWords: TermTable
    let ngramMin: Int
    let ngramMax: Int

    init(options: TfidfOptions) {
        lowercase = options.lowercase
        var words = options.englishStopWords ? EnglishStopWords.words : []
        words += options.extraStopWords
        stopWords = TermTable(words)
        ngramMin = options.ngramMin
        ngramMax = options.ngramMax
    }

    /// Reusable buffers for one thread.
    struct Scratch {
        var raw = TokenBuffer()
        var kept = TokenBuffer()
        var gram: [UInt8] = []
    }

    /// Calls `feature` with the bytes of each feature of `text`, in scikit-learn's order.
    func features(_ text: String, scratch: inout Scratch, _ feature: (ArraySlice<UInt8>) -> Void) {
        scratch.raw.removeAll()
        WordTokenizer.tokenize(text, lowercase: lowercase, into: &scratch.raw)
        let tokens: TokenBuffer
        if stopWords.count == 0 {
            tokens = scratch.raw
        } else {
            scratch.kept.removeAll()
            for i in 0..<scratch.raw.count {
                let t = scratch.raw.token(i)
                if stopWords.find(t) == nil {
                    scratch.kept.bytes.append(contentsOf: t)
                    scratch.kept.ends.append(scratch.kept.bytes.count)
                }
            }
            tokens = scratch.kept
        }
        if ngramMin == 1 {
            for i in 0..<tokens.count { feature(tokens.token(i)) }
        }
        var n = max(2, ngramMin)
        while n <= ngramMax && n <= tokens.count {
            for i in 0...(tokens.count - n) {
                scratch.gram.removeAll(keepingCapacity: true)
                for j in i..<(i + n) {
                    if j > i { scratch.gram.append(0x20) }
                    scratch.gram.append(contentsOf: tokens.token(j))
                }
                feature(scratch.gram[...])
            }
            n += 1
        }
    }
}
