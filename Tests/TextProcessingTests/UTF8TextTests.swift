import LinearAlgebra
import Testing
@testable import TextProcessing

@Suite struct UTF8TextTests {
    private func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Text.firstInvalid($0) }
    }

    @Test func wellFormedTextHasNoInvalidByte() {
        let samples = ["", "a", "plain ASCII longer than eight bytes", "naïve café — ✓ 😀 \u{10FFFF}",
                       String(repeating: "é", count: 33), String(repeating: "x", count: 7) + "😀"]
        for s in samples {
            let bytes = Array(s.utf8)
            #expect(firstInvalid(bytes) == nil, "\(s)")
            var invalid = false
            #expect(UTF8Text.decode(bytes, 0..<bytes.count, invalid: &invalid) == s && !invalid)
        }
    }

    @Test func findsEachKindOfMalformedSequence() {
        let cases: [([UInt8], Int)] = [
            ([0x61, 0x80], 1),                         // lone continuation byte
            ([0xC0, 0xAF], 0), ([0xC1, 0xBF], 0),      // overlong two-byte forms
            ([0xE0, 0x80, 0xAF], 0),                   // overlong three-byte form
            ([0xF0, 0x80, 0x80, 0xAF], 0),             // overlong four-byte form
            ([0x61, 0xED, 0xA0, 0x80], 1),             // surrogate U+D800
            ([0xED, 0xBF, 0xBF], 0),                   // surrogate U+DFFF
            ([0xF4, 0x90, 0x80, 0x80], 0),             // above U+10FFFF
            ([0xF5, 0x80, 0x80, 0x80], 0), ([0xFF], 0),
            ([0x61, 0x62, 0xE2, 0x82], 2),             // truncated at the end
            ([0xE2, 0x82, 0x61], 0),                   // truncated before ASCII
            ([0xF0, 0x9F, 0x98], 0),                   // four-byte form cut short
        ]
        for (bytes, at) in cases {
            #expect(firstInvalid(bytes) == at, "\(bytes)")
            var invalid = false
            let s = UTF8Text.decode(bytes, 0..<bytes.count, invalid: &invalid)
            #expect(invalid && s.unicodeScalars.contains("\u{FFFD}"), "\(bytes)")
        }
    }

    @Test func highBytesAtEveryPositionOfTheEightByteSteps() {
        // A bad and a good multi-byte sequence at each offset around the word steps, and one cut by the end.
        for offset in 0..<20 {
            var bad = [UInt8](repeating: 0x61, count: 24)
            bad[offset] = 0xE2
            bad[offset + 1] = 0x28  // not a continuation byte
            #expect(firstInvalid(bad) == offset)
            var good = [UInt8](repeating: 0x61, count: 24)
            good.replaceSubrange(offset..<(offset + 3), with: [0xE2, 0x80, 0x94])  // an em dash
            #expect(firstInvalid(good) == nil)
            #expect(firstInvalid(Array(good[0..<(offset + 2)])) == offset)
        }
    }

    @Test func decodingARangeFlagsOnlyThatRange() {
        let bytes: [UInt8] = Array("ok ".utf8) + [0xFF] + Array(" fine é".utf8)
        var invalid = false
        #expect(UTF8Text.decode(bytes, 5..<bytes.count, invalid: &invalid) == "fine é" && !invalid)
        #expect(UTF8Text.decode(bytes, 0..<bytes.count, invalid: &invalid) == "ok \u{FFFD} fine é" && invalid)
        // A literal U+FFFD in valid input is not a repair.
        invalid = false
        let literal = Array("a\u{FFFD}b".utf8)
        #expect(UTF8Text.decode(literal, 0..<literal.count, invalid: &invalid) == "a\u{FFFD}b" && !invalid)
        // F0 90 80 is repaired to one U+FFFD of the same length: still reported.
        let sameLength: [UInt8] = [0xF0, 0x90, 0x80]
        #expect(UTF8Text.decode(sameLength, 0..<3, invalid: &invalid) == "\u{FFFD}" && invalid)
    }
}

@Suite struct UTF8TextAgreementTests {
    /// Bytes that sit on the edges of Unicode's table of well-formed sequences, and plain ASCII.
    private static let edgeBytes: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                             0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var rng = SeededGenerator(seed: 0x5DEE_CE66_D1CE_4E5B)  // seeded: a failure names a case that reproduces
        for round in 0..<20_000 {
            let count = Int(rng.next() % 24)
            var bytes: [UInt8] = []
            for _ in 0..<count {
                let r = rng.next()
                bytes.append(r % 3 == 0 ? UInt8(truncatingIfNeeded: r >> 8) : Self.edgeBytes[Int((r >> 8) % UInt64(Self.edgeBytes.count))])
            }
            let valid = String(validating: bytes, as: UTF8.self)
            let first = bytes.withUnsafeBufferPointer { UTF8Text.firstInvalid($0) }
            #expect((first == nil) == (valid != nil), "round \(round): \(bytes)")
            var invalid = false
            let s = UTF8Text.decode(bytes, 0..<bytes.count, invalid: &invalid)
            #expect(invalid == (valid == nil), "round \(round): \(bytes)")
            #expect(s == String(decoding: bytes, as: UTF8.self), "round \(round): \(bytes)")
            if let first {
                // Everything before the first invalid byte is well-formed.
                #expect(String(validating: bytes[0..<first], as: UTF8.self) != nil, "round \(round): \(bytes)")
            }
        }
    }

    @Test func everyTwoAndThreeByteSequenceAgrees() {
        for a in 0x80...0xFF {
            for b in 0...0xFF {
                let two: [UInt8] = [UInt8(a), UInt8(b)]
                let first = two.withUnsafeBufferPointer { UTF8Text.firstInvalid($0) }
                #expect((first == nil) == (String(validating: two, as: UTF8.self) != nil), "\(two)")
            }
        }
        for a in 0xE0...0xF4 {
            for b in 0x70...0xC0 {
                for c in [0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0] {
                    let three: [UInt8] = [UInt8(a), UInt8(b), UInt8(c)]
                    let first = three.withUnsafeBufferPointer { UTF8Text.firstInvalid($0) }
                    #expect((first == nil) == (String(validating: three, as: UTF8.self) != nil), "\(three)")
                    let four = three + [0x80]
                    let first4 = four.withUnsafeBufferPointer { UTF8Text.firstInvalid($0) }
                    #expect((first4 == nil) == (String(validating: four, as: UTF8.self) != nil), "\(four)")
                }
            }
        }
    }

    @Test func asciiIsKnownAsASCII() {
        let ascii = Array("plain words, nothing else: 0123456789".utf8)
        let a = ascii.withUnsafeBufferPointer { UTF8Text.check($0) }
        #expect(a.firstInvalid == nil && a.isASCII)
        let mixed = Array("plain words — then a dash".utf8)
        let m = mixed.withUnsafeBufferPointer { UTF8Text.check($0) }
        #expect(m.firstInvalid == nil && !m.isASCII)
        // The made strings compare, hash and index like any other.
        var invalid = false
        let s = UTF8Text.decode(mixed, 0..<mixed.count, invalid: &invalid)
        #expect(s == "plain words — then a dash" && s.count == 25 && s.hashValue == "plain words — then a dash".hashValue)
        #expect(Array(s.utf16).count == 25 && s.unicodeScalars.count == 25)
    }
}

@Suite struct UTF8TextContainsTests {
    /// The plain definition, to compare with.
    private func naive(_ h: [UInt8], _ n: [UInt8]) -> Bool {
        if n.isEmpty { return true }
        guard h.count >= n.count else { return false }
        for i in 0...(h.count - n.count) where Array(h[i..<(i + n.count)]) == n { return true }
        return false
    }

    @Test func findsNeedlesAtEveryOffset() {
        let hay = Array("the kernel — a rust driver, the kernel's rust; naïve café".utf8)
        for start in 0..<hay.count {
            for length in 1...min(12, hay.count - start) {
                let needle = Array(hay[start..<(start + length)])
                #expect(UTF8Text.contains(hay, needle), "\(start) \(length)")
            }
        }
        for needle in ["", "the", "kernel'", "café", "rust driver,", "cafe", "rusty", "the kernel — a rust driver, the kernel's rust; naïve café!"] {
            #expect(UTF8Text.contains(hay, Array(needle.utf8)) == naive(hay, Array(needle.utf8)), "\(needle)")
        }
        #expect(!UTF8Text.contains([], [0x61]) && UTF8Text.contains([], []))
    }

    @Test func agreesWithTheNaiveSearchOnRepetitiveBytes() {
        // Few distinct bytes make first/last-byte candidates common: every one must be checked.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return Int((state &* 2685821657736338717) >> 33)
        }
        for round in 0..<3000 {
            let hay = (0..<(next() % 40)).map { _ in UInt8(0x61 + next() % 3) }
            let needle = (0..<(1 + next() % 6)).map { _ in UInt8(0x61 + next() % 3) }
            #expect(UTF8Text.contains(hay, needle) == naive(hay, needle), "round \(round)")
        }
    }
}
