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

    /// Whether every feature is a single word (so a feature's stop-word status can be cached by term).
    var unigramsOnly: Bool { ngramMin == 1 && ngramMax == 1 }

    /// Whether `token` is a stop word (English list and the profile's own).
    func isStopWord(_ token: ArraySlice<UInt8>) -> Bool { stopWords.count > 0 && stopWords.find(token) != nil }

    /// The tokens of `text`, stop words included, in `scratch.raw`: with `unigramsOnly` these are the features
    /// once the stop words are skipped, which a caller that interns tokens can look up once per distinct term.
    func tokenize(_ text: String, scratch: inout Scratch) {
        scratch.raw.removeAll()
        WordTokenizer.tokenize(text, lowercase: lowercase, into: &scratch.raw)
    }

    /// Reusable buffers for one thread.
    struct Scratch {
        var raw = TokenBuffer()
        var kept = TokenBuffer()
        /// The features of the last `analyze` call, in order.
        var features = TokenBuffer()
    }

    /// Fills `scratch.features` with the features of `text`, in scikit-learn's order.
    func analyze(_ text: String, scratch: inout Scratch) {
        scratch.features.removeAll()
        let unigramsOnly = ngramMin == 1 && ngramMax == 1
        if unigramsOnly && stopWords.count == 0 {
            WordTokenizer.tokenize(text, lowercase: lowercase, into: &scratch.features)
            return
        }
        // Tokens without stop words go to `kept` (or straight to `features` for unigrams only).
        scratch.raw.removeAll()
        WordTokenizer.tokenize(text, lowercase: lowercase, into: &scratch.raw)
        scratch.kept.removeAll()
        for i in 0..<scratch.raw.count {
            let t = scratch.raw.token(i)
            if stopWords.count > 0 && stopWords.find(t) != nil { continue }
            if unigramsOnly {
                scratch.features.bytes.append(contentsOf: t)
                scratch.features.ends.append(scratch.features.bytes.count)
            } else {
                scratch.kept.bytes.append(contentsOf: t)
                scratch.kept.ends.append(scratch.kept.bytes.count)
            }
        }
        if unigramsOnly { return }
        let tokens = scratch.kept
        if ngramMin == 1 {
            scratch.features.bytes.append(contentsOf: tokens.bytes)
            scratch.features.ends.append(contentsOf: tokens.ends)
        }
        var n = max(2, ngramMin)
        while n <= ngramMax && n <= tokens.count {
            for i in 0...(tokens.count - n) {
                for j in i..<(i + n) {
                    if j > i { scratch.features.bytes.append(0x20) }
                    scratch.features.bytes.append(contentsOf: tokens.token(j))
                }
                scratch.features.ends.append(scratch.features.bytes.count)
            }
            n += 1
        }
    }

    /// Calls `feature` with the bytes of each feature of `text`, in scikit-learn's order.
    func features(_ text: String, scratch: inout Scratch, _ feature: (ArraySlice<UInt8>) -> Void) {
        analyze(text, scratch: &scratch)
        for i in 0..<scratch.features.count { feature(scratch.features.token(i)) }
    }
}
