/// One token of a sentence after tokenisation and look-up.
///
/// Besides its span it carries what the rules ask of its word (``WordFlags``, copied from the
/// ``Vocabulary`` at look-up) and of its shape, in one 16-byte value: the rules test bits of the token they
/// already hold instead of reading the vocabulary's arrays again for every word they look back at.
struct Token: Sendable {
    /// Word id in the ``Vocabulary``, or -1 for a word it does not know.
    var id: Int32
    /// UTF-8 byte span in the scored text (an emoji's description keeps the emoji's span).
    var start: Int32
    var end: Int32
    /// The word's ``WordFlags`` (low byte) and the token's own shape bits (``Token/shoutedBit`` and the rest).
    var flags: UInt16

    static let shoutedBit: UInt16 = 1 << 8, upperBit: UInt16 = 1 << 9, negatesBit: UInt16 = 1 << 10
    static let lettersBit: UInt16 = 1 << 11

    @inline(__always) func has(_ bit: UInt16) -> Bool { flags & bit != 0 }
    @inline(__always) mutating func set(_ bit: UInt16, _ on: Bool) { flags = on ? flags | bit : flags & ~bit }

    /// Counts as ALL-CAPS emphasis (see ``CapsEmphasis`` for each mode's definition).
    var shouted: Bool { get { has(Token.shoutedBit) } set { set(Token.shoutedBit, newValue) } }
    /// Python's `str.isupper()` on the token.
    var upper: Bool { has(Token.upperBit) }
    /// A negating word: listed in ``Negation/words`` or containing "n't".
    var negates: Bool { get { has(Token.negatesBit) } set { set(Token.negatesBit, newValue) } }
    /// Has at least one letter.
    var hasLetters: Bool { has(Token.lettersBit) }
    /// A word of this mode's lexicon (the default mode's overlay removes the words it rates 0).
    var inLexicon: Bool { has(UInt16(WordFlags.lexicon)) }
    /// A booster or dampener.
    var isBooster: Bool { has(UInt16(WordFlags.boosts | WordFlags.dampens)) }
}

/// What the rules need to know of a word, one byte per vocabulary id (``Vocabulary/wordFlags``).
enum WordFlags {
    /// A word of this mode's lexicon (``Token/inLexicon``).
    static let lexicon: UInt8 = 1
    /// A booster (``Boosters/boosting``) or a dampener (``Boosters/dampening``).
    static let boosts: UInt8 = 2
    static let dampens: UInt8 = 4
    /// Listed in ``Negation/words`` or containing "n't".
    static let negator: UInt8 = 8
    /// An overlay acronym (`CVE`, `UB`): never shouting.
    static let acronym: UInt8 = 16
    /// Occurs in an idiom or a two-word dampener (``Idioms``).
    static let idiom: UInt8 = 32
    /// Starts an overlay phrase (``PhraseRule``).
    static let phraseStart: UInt8 = 64
    /// "but" or "however" (``Contrast``, which is skipped for a sentence without either).
    static let contrast: UInt8 = 128
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
    /// The words, each with its flags (slot payload) and valence (``WordTable/value(_:)``).
    let table: WordTable
    /// ``WordFlags`` by id.
    let wordFlags: [UInt8]
    let words: FunctionWords
    let idioms: Idioms.Table
    let phrases: PhraseRule.Table
    /// Single-scalar emoji to the UTF-8 bytes of their description (multi-scalar entries never match, as in 3.3.2).
    let emoji: EmojiTable

    init(lexicon: Lexicon, mode: SentimentMode) {
        let b = VocabularyBuilder(lexicon: lexicon, mode: mode)
        let flags = b.wordFlags()
        var table = b.table
        table.setPayloads(flags)  // a look-up returns the word's flags with its id
        table.setValues(b.valence)  // stored beside the key a look-up reads
        self.table = table
        wordFlags = flags
        words = b.words
        idioms = b.idioms
        phrases = b.phrases
        emoji = b.emoji
    }

    /// The ``WordFlags`` of word `id` (0 for an unknown word, -1).
    @inline(__always)
    func flags(_ id: Int32) -> UInt8 { id >= 0 ? wordFlags[Int(id)] : 0 }

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
    /// Ids of the words of idioms and two-word dampeners.
    var idiomWords: Set<Int32> = []
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
        idiomWords = Set(Idioms.phrases.flatMap { $0.words.map { table.find($0) } }
                         + Boosters.dampeningPairs.flatMap { [table.find($0.0), table.find($0.1)] })
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
    }

    /// The ``WordFlags`` of every id.
    func wordFlags() -> [UInt8] {
        (0..<valence.count).map { k in
            var f: UInt8 = 0
            if hasValence[k] { f |= WordFlags.lexicon }
            if booster[k] > 0 { f |= WordFlags.boosts }
            if booster[k] < 0 { f |= WordFlags.dampens }
            if negation[k] { f |= WordFlags.negator }
            if acronym[k] { f |= WordFlags.acronym }
            if idiomWords.contains(Int32(k)) { f |= WordFlags.idiom }
            if phrases.startsPhrase(Int32(k)) { f |= WordFlags.phraseStart }
            if Int32(k) == words.but || Int32(k) == words.however { f |= WordFlags.contrast }
            return f
        }
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
