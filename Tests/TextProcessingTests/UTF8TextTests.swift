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
