/// One token of a sentence after tokenisation and look-up.
struct Token: Sendable {
    /// Word id in the ``Vocabulary``, or -1 for a word it does not know.
    var id: Int32
    /// UTF-8 byte span in the scored text (an emoji's description keeps the emoji's span).
    var start: Int32
    var end: Int32
    /// Counts as ALL-CAPS emphasis (see ``CapsEmphasis`` for each mode's definition).
    var shouted: Bool
    /// Python's `str.isupper()` on the token.
    var upper: Bool
    /// A negating word: listed in ``Negation/words`` or containing "n't".
    var negates: Bool
    /// Has at least one letter.
    var hasLetters: Bool
}

/// Ids of the function words the rules test for; -1 only if a word is missing (never, as all are interned).
struct FunctionWords: Sendable {
    var no: Int32 = -1, or: Int32 = -1, nor: Int32 = -1, kind: Int32 = -1, of: Int32 = -1
    var least: Int32 = -1, at: Int32 = -1, very: Int32 = -1, never: Int32 = -1, so: Int32 = -1
    var this: Int32 = -1, without: Int32 = -1, doubt: Int32 = -1, but: Int32 = -1, however: Int32 = -1
}

/// The interned words of one mode with what each rule needs to know about them, indexed by id.
///
/// Built once per analyser from a ``Lexicon``: the VADER lexicon, the booster and negation lists, the
/// function words and idiom words, and in the default mode the overlay (single words override the VADER
/// valence, a valence of 0 removes the word; phrases become one vocabulary entry keyed "w1 w2 ...", which
/// no single token can collide with since tokens never contain spaces).
///
/// A final class with constant properties: scoring passes one reference around (a struct of a dozen
/// arrays was copied, with a retain and release per array, each time a scoring closure captured it).
final class Vocabulary: Sendable {
    let table: WordTable
    let valence: [Double]
    let hasValence: [Bool]
    let booster: [Double]
    let negation: [Bool]
    let acronym: [Bool]
    let words: FunctionWords
    let idioms: Idioms.Table
    let phrases: PhraseRule.Table
    /// Single-scalar emoji to the UTF-8 bytes of their description (multi-scalar entries never match, as in 3.3.2).
    let emoji: EmojiTable

    init(lexicon: Lexicon, mode: SentimentMode) {
        let b = VocabularyBuilder(lexicon: lexicon, mode: mode)
        table = b.table
        valence = b.valence
        hasValence = b.hasValence
        booster = b.booster
        negation = b.negation
        acronym = b.acronym
        words = b.words
        idioms = b.idioms
        phrases = b.phrases
        emoji = b.emoji
    }

    @inline(__always)
    func inLexicon(_ t: Token) -> Bool { t.id >= 0 && hasValence[Int(t.id)] }

    @inline(__always)
    func isBooster(_ t: Token) -> Bool { t.id >= 0 && booster[Int(t.id)] != 0 }

    /// Whether the bytes contain "n't".
    static func containsNT<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        VocabularyBuilder.containsNT(bytes)
    }
}

/// Builds the contents of a ``Vocabulary``.
struct VocabularyBuilder {
    var table: WordTable
    var valence: [Double] = []
    var hasValence: [Bool] = []
    var booster: [Double] = []
    var negation: [Bool] = []
    var acronym: [Bool] = []
    var words = FunctionWords()
    var idioms = Idioms.Table()
    var phrases = PhraseRule.Table()
    /// Single-scalar emoji to the UTF-8 bytes of their description (multi-scalar entries never match, as in 3.3.2).
    var emoji = EmojiTable([])

    init(lexicon: Lexicon, mode: SentimentMode) {
        table = WordTable(expectedCount: lexicon.valences.count + 256)
        for (word, v) in lexicon.valences.sorted(by: { $0.key < $1.key }) {
            let id = intern(word)
            valence[Int(id)] = v
            hasValence[Int(id)] = true
        }
        for w in Boosters.boosting { booster[Int(intern(w))] = Boosters.increment }
        for w in Boosters.dampening { booster[Int(intern(w))] = Boosters.decrement }
        for w in Negation.words { negation[Int(intern(w))] = true }
        words = FunctionWords(
            no: intern("no"), or: intern("or"), nor: intern("nor"), kind: intern("kind"), of: intern("of"),
            least: intern("least"), at: intern("at"), very: intern("very"), never: intern("never"),
            so: intern("so"), this: intern("this"), without: intern("without"), doubt: intern("doubt"),
            but: intern("but"), however: intern("however"))
        for p in Idioms.phrases {
            let ids = p.words.map { intern($0) }
            if ids.count == 2 { idioms.pairs.append((ids[0], ids[1], p.valence)) }
            if ids.count == 3 { idioms.triples.append((ids[0], ids[1], ids[2], p.valence)) }
        }
        idioms.dampeningPairs = Boosters.dampeningPairs.map { (intern($0.0), intern($0.1)) }
        idioms.member = Array(repeating: false, count: table.count)
        for p in Idioms.phrases { for w in p.words { idioms.member[Int(table.find(w))] = true } }
        for p in Boosters.dampeningPairs { idioms.member[Int(table.find(p.0))] = true; idioms.member[Int(table.find(p.1))] = true }
        var singles: [(UInt32, [UInt8])] = []
        for (key, description) in lexicon.emoji.sorted(by: { $0.key < $1.key }) {
            let scalars = key.unicodeScalars
            if scalars.count == 1, let s = scalars.first { singles.append((s.value, Array(description.utf8))) }
        }
        emoji = EmojiTable(singles)
        if mode == .default { applyOverlay(lexicon.overlay) }
    }

    private mutating func applyOverlay(_ overlay: [OverlayEntry]) {
        for entry in overlay {
            let words = entry.words
            let id = intern(words.joined(separator: " "))
            valence[Int(id)] = entry.valence
            hasValence[Int(id)] = entry.valence != 0
            acronym[Int(id)] = entry.isAcronym
            if words.count > 1 { phrases.add(words.map { intern($0) }, id: id) }
        }
        phrases.sortLongestFirst()
        phrases.starts = Array(repeating: false, count: table.count)
        for first in phrases.byFirst.keys { phrases.starts[Int(first)] = true }
    }

    @discardableResult
    mutating func intern(_ word: String) -> Int32 {
        let id = table.insert(word)
        while valence.count < table.count {
            let key = table.key(Int32(valence.count))
            valence.append(0)
            hasValence.append(false)
            booster.append(0)
            negation.append(VocabularyBuilder.containsNT(key))
            acronym.append(false)
        }
        return id
    }

    /// Whether the bytes contain "n't".
    static func containsNT<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var state = 0
        for b in bytes {
            if b == 0x6E { state = 1 } else if b == 0x27 && state == 1 { state = 2 } else if b == 0x74 && state == 2 {
                return true
            } else { state = 0 }
        }
        return false
    }
}
