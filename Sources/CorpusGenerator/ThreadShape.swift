import Foundation
import LinearAlgebra

/// The random choices generated text is made of, drawn from the project's seeded generator.
extension SeededGenerator {
    /// Uniform in 0..<n.
    public mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// Uniform in [0, 1).
    public mutating func unit() -> Double { nextUnit() }
    public mutating func chance(_ p: Double) -> Bool { unit() < p }
    public mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    /// Standard normal (Box-Muller).
    mutating func normal() -> Double {
        let u = max(unit(), 0x1p-53)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * unit())
    }
    /// Log-uniform index in 0..<n: a Zipf-like law with exponent about 1.
    mutating func zipf(_ n: Int) -> Int { min(n - 1, Int(exp(unit() * log(Double(n + 1)))) - 1) }
}

/// A template split at its slots.
enum Piece {
    case text([UInt8])
    case slot(UInt8)
}

/// The random state and the prepared phrase bank.
struct GeneratorState {
    var rng: SeededGenerator
    let templates: [Flavour: [[Piece]]]
    let identifiers: [[UInt8]]
    static let identifierCount = 40_000

    init(seed: UInt64) {
        rng = SeededGenerator(seed: seed ^ 0x5EED_C0DE_2026_0001)
        func parse(_ s: String) -> [Piece] {
            var pieces: [Piece] = []
            var literal: [UInt8] = []
            var bytes = Array(s.utf8)[...]
            while let b = bytes.first {
                if b == UInt8(ascii: "{"), bytes.count >= 3 {
                    if !literal.isEmpty { pieces.append(.text(literal)); literal = [] }
                    pieces.append(.slot(bytes[bytes.startIndex + 1]))
                    bytes = bytes.dropFirst(3)
                } else {
                    literal.append(b)
                    bytes = bytes.dropFirst()
                }
            }
            if !literal.isEmpty { pieces.append(.text(literal)) }
            return pieces
        }
        templates = [.pro: Phrases.pro.map(parse), .anti: Phrases.anti.map(parse),
                     .neutral: Phrases.neutral.map(parse), .offTopic: Phrases.offTopic.map(parse)]
        // The identifier vocabulary comes from its own stream so it is the same for every seed's text.
        var words = SeededGenerator(seed: 0x1D_E471_F1E5)
        var ids: [[UInt8]] = []
        ids.reserveCapacity(Self.identifierCount)
        for _ in 0..<Self.identifierCount {
            var w = ""
            for k in 0..<(1 + words.int(3)) { w += (k > 0 ? "_" : "") + words.pick(Phrases.syllables) }
            w += words.pick(Phrases.suffixes)
            ids.append(Array(w.utf8))
        }
        identifiers = ids
    }

    /// Comments in the next thread: log-normal, median 25, capped at 3000.
    mutating func threadSize() -> Int {
        min(3000, max(1, Int(25 * exp(1.1 * rng.normal()))))
    }

    mutating func makeThread(index: Int, firstID: Int, size: Int) -> DraftThread {
        let subjectIndex = rng.int(Phrases.subjects.count)
        let subject = Phrases.subjects[subjectIndex]
        let offTopicSubject = subjectIndex == Phrases.subjects.count - 1
        // Flavour weights (pro, anti, neutral, off-topic) for this thread: each thread leans a little.
        let lean = rng.unit() - 0.5
        let weights = offTopicSubject ? [0.1, 0.1, 0.3, 0.5] : [0.33 + 0.2 * lean, 0.30 - 0.2 * lean, 0.27, 0.10]
        var comments: [DraftComment] = []
        comments.reserveCapacity(size)
        var time = 1_760_000_000 + index * 1_800 + rng.int(1_800)
        var chainLeft = 0
        var chainAuthors = (0, 0)
        for i in 0..<size {
            var parent: Int? = nil
            if i > 0 {
                if chainLeft > 0 {
                    parent = i - 1
                    chainLeft -= 1
                } else if rng.chance(0.02) {
                    chainLeft = 6 + rng.int(15)
                    chainAuthors = (rng.zipf(20_000), rng.zipf(20_000))
                    parent = i - 1
                } else {
                    let r = rng.unit()
                    if r < 0.3 { parent = nil } else if r < 0.6 { parent = i - 1 } else { parent = rng.int(i) }
                }
            }
            let depth = parent.map { comments[$0].depth + 1 } ?? 0
            var flavour = pickFlavour(weights)
            if let p = parent, rng.chance(0.45) {
                // Replies often take the other side.
                switch comments[p].flavour {
                case .pro: flavour = .anti
                case .anti: flavour = .pro
                default: break
                }
            }
            let author = chainLeft > 0 ? (i % 2 == 0 ? chainAuthors.0 : chainAuthors.1) : rng.zipf(20_000)
            time += 20 + rng.int(900)
            var text: [UInt8] = []
            var quotes = false
            if let p = parent, rng.chance(0.3), let line = firstSentence(comments[p].text) {
                text += Array("> ".utf8) + line + [0x0A]
                quotes = true
            }
            appendBody(flavour, subject: subject.nouns, into: &text)
            comments.append(DraftComment(id: firstID + i, parent: parent, depth: depth, author: author, time: time,
                                         score: rng.zipf(60) - 1, flavour: flavour, quotesParent: quotes, text: text))
        }
        // Parents were indices in the thread; make them global ids.
        for k in comments.indices { comments[k].parent = comments[k].parent.map { firstID + $0 } }
        return DraftThread(index: index, title: subject.title, comments: comments, firstID: firstID)
    }

    private mutating func pickFlavour(_ w: [Double]) -> Flavour {
        var r = rng.unit()
        for (k, f) in Flavour.allCases.enumerated() {
            r -= w[k]
            if r < 0 { return f }
        }
        return .neutral
    }

    /// The first sentence of a text's own part (after any quote line), without its ending.
    private func firstSentence(_ text: [UInt8]) -> ArraySlice<UInt8>? {
        var start = text.startIndex
        if text.first == UInt8(ascii: ">"), let nl = text.firstIndex(of: 0x0A) { start = nl + 1 }
        guard start < text.endIndex else { return nil }
        let rest = text[start...]
        // A sentence ends at . ! or ? before a space, a line break or the end ("6.9" does not end one);
        // quotes stop at the first line break and at about 160 bytes, at a space.
        var end = rest.endIndex
        for i in rest.indices {
            let b = rest[i]
            if b == 0x0A { end = i; break }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?"),
               i + 1 == rest.endIndex || rest[i + 1] == 0x20 || rest[i + 1] == 0x0A {
                end = i
                break
            }
            if i - start >= 160, b == 0x20 { end = i; break }
        }
        return rest[..<end]
    }

    /// Mostly one to four sentences (log-normally many); 1.5% are long posts of 6 to 45 sentences, the long
    /// tail of real threads. Long comments get a few paragraph breaks.
    private mutating func appendBody(_ flavour: Flavour, subject: [String], into text: inout [UInt8]) {
        let sentences = rng.chance(0.015) ? 6 + rng.zipf(40) : min(12, max(1, Int(0.8 * exp(0.75 * rng.normal()) + 0.5)))
        for s in 0..<sentences {
            if s > 0 { text.append(s % 4 == 0 && rng.chance(0.5) ? 0x0A : 0x20) }
            // Most sentences follow the comment's flavour; some are neutral asides.
            let f = s == 0 || rng.chance(0.7) ? flavour : .neutral
            let template = rng.pick(templates[f] ?? [])
            for piece in template {
                switch piece {
                case .text(let bytes): text += bytes
                case .slot(let slot): fill(slot, subject: subject, into: &text)
                }
            }
        }
    }

    private mutating func fill(_ slot: UInt8, subject: [String], into text: inout [UInt8]) {
        switch slot {
        case UInt8(ascii: "A"): text += rng.pick(Phrases.aliases).utf8
        case UInt8(ascii: "C"): text += rng.pick(Phrases.otherSide).utf8
        case UInt8(ascii: "N"): text += rng.pick(subject).utf8
        case UInt8(ascii: "X"): text += identifiers[rng.zipf(identifiers.count)]
        case UInt8(ascii: "V"): text += "6.\(rng.int(20))".utf8
        case UInt8(ascii: "B"): text += rng.pick(Phrases.boosters).utf8
        case UInt8(ascii: "E"): text += rng.pick(Phrases.endings).utf8
        default: break
        }
    }
}
