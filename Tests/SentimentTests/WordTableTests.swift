import Testing
@testable import Sentiment

/// The interned word table behind every look-up.
@Suite struct WordTableTests {
    @Test func insertFindAndGrow() {
        var t = WordTable(expectedCount: 2)
        var ids: [Int32] = []
        for k in 0..<5000 { ids.append(t.insert("word\(k)")) }
        #expect(t.count == 5000)
        #expect(ids == (0..<5000).map(Int32.init), "ids are dense, in insertion order")
        #expect(t.insert("word17") == 17, "inserting again returns the existing id")
        for k in stride(from: 0, to: 5000, by: 97) { #expect(t.find("word\(k)") == Int32(k)) }
        #expect(t.find("word5000") == -1)
        #expect(t.find("") == -1)
        #expect(Array(t.key(42)) == Array("word42".utf8))
    }

    @Test func asciiLookupLowercasesWithoutCopying() {
        var t = WordTable()
        let good = t.insert("good"), longer = t.insert("kind-of-a-long-word")
        for (text, want) in [("GOOD", good), ("GoOd", good), ("good", good), ("Kind-Of-A-Long-Word", longer),
                             ("goods", -1), ("goo", -1)] {
            Array(text.utf8).withUnsafeBufferPointer { b in
                let h = TextBytes.asciiShape(b, 0, b.count)?.1 ?? 0
                #expect(t.findLowercasingASCII(b, 0, b.count, hash: h) == want, "\(text)")
            }
        }
    }

    @Test func payloadsTravelWithTheIdAndSurviveGrowth() {
        var t = WordTable(expectedCount: 2)
        let long = String(repeating: "x", count: 300), longer = String(repeating: "x", count: 301)
        for w in ["good", "bad", "kind-of-a-long-word", long] { t.insert(w) }
        t.setPayloads([7, 0, 200, 255])
        for k in 0..<3000 { t.insert("word\(k)") }  // grows the slot array several times
        t.setPayloads((0..<t.count).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        for (text, want) in [("GOOD", 0), ("Bad", 1), ("KIND-of-a-long-word", 2), (long.uppercased(), 3),
                             (longer, -1), ("word2999", 3003), ("Word2999", 3003), ("word3000", -1)] {
            Array(text.utf8).withUnsafeBufferPointer { b in
                guard let (shape, h) = TextBytes.asciiShape(b, 0, b.count) else { Issue.record("\(text)"); return }
                let entry = t.entryLowercasingASCII(b, 0, b.count, hash: h, head: shape.head)
                #expect(WordTable.id(entry) == Int32(want), "\(text)")
                #expect(entry == 0 || WordTable.payload(entry) == UInt8(truncatingIfNeeded: want &* 7), "\(text)")
                #expect(t.findLowercasingASCII(b, 0, b.count, hash: h) == Int32(want), "\(text) without head")
            }
        }
        #expect(t.find(long) == 3 && t.find(longer) == -1)
    }

    @Test func streamingHashEqualsWholeHash() {
        let b = Array("Abcdefghijklmnopq".utf8)
        for n in 0...b.count {
            var lower = b[0..<n].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            lower = Array(lower)
            let shape = b.withUnsafeBufferPointer { TextBytes.asciiShape($0, 0, n)?.1 }
            #expect(shape == lower.withUnsafeBufferPointer { WordTable.hash($0, 0, n) }, "length \(n)")
        }
    }
}
